import XLSXReader

/// A header cell with everything recognition knows of it: the header's parts and the concepts
/// they compose to, and the profile of the cells below it.
struct ColumnEvidence: Sendable {
    let index: Int
    let header: String
    let parts: HeaderParts
    let candidates: [Vocabulary.ColumnCandidate]
    /// Readings too weak to decide on, kept as suggestions.
    let weakReadings: [Vocabulary.ColumnCandidate]
    var profile = ColumnProfile()
    /// On a vocabulary file's ignore list: never given a concept.
    let ignored: Bool
    /// Words of the header the workbook taught (``SideLearner``), and why.
    let learnedWords: [String]

    init(index: Int, header: String, vocabulary: Vocabulary) {
        self.index = index
        self.header = header
        let parts = HeaderParts(header, overlay: vocabulary.values.overlay)
        self.parts = parts
        let candidates = vocabulary.columnCandidates(header, parts: parts)
        self.candidates = candidates
        weakReadings = vocabulary.columnCandidates(header, parts: parts, minimum: 0.3).filter { $0.score < Vocabulary.threshold }
        ignored = vocabulary.isIgnored(header)
        let overlay = vocabulary.values.overlay
        learnedWords = parts.parts.compactMap { overlay.reasons[$0.text] }
    }

    /// A header naming something no concept is about (a person, a time, a ticket): never read by its values.
    var isForeign: Bool {
        parts.meaningful.contains { $0.senses.contains(where: \.isForeign) }
    }

    /// The side the header names, if only one.
    var side: Sense? {
        let senses = parts.meaningful.reduce(into: Set<Sense>()) { $0.formUnion($1.senses) }
        switch (senses.contains(.source), senses.contains(.target)) {
        case (true, false): return .source
        case (false, true): return .target
        default: return nil
        }
    }

    var bestHeaderScore: Double { candidates.first?.score ?? 0 }
}

/// The columns of a header row with the cells of a bounded sample of the rows below it.
struct SheetEvidence: Sendable {
    /// Zero-based row of the header.
    let headerRow: Int
    var columns: [ColumnEvidence]
    /// The data rows sampled (at most ``ReportRecognizer/sampleRows``), for relations between
    /// columns (a difference equal to source − target) and for learning result words.
    var sample: [Row]

    init(header: Row, vocabulary: Vocabulary) {
        headerRow = header.index
        columns = header.cells.map { ColumnEvidence(index: $0.column, header: $0.value.text, vocabulary: vocabulary) }
        sample = []
    }

    var matched: Int { columns.filter { !$0.candidates.isEmpty }.count }

    /// Adds a data row: its cells under the header go into the columns' profiles.
    mutating func add(_ row: Row, values: ValueVocabulary) {
        sample.append(row)
        var position = 0
        for (index, column) in columns.enumerated() {
            while position < row.cells.count, row.cells[position].column < column.index { position += 1 }
            let value = position < row.cells.count && row.cells[position].column == column.index ? row.cells[position].value : .empty
            columns[index].profile.add(value, values: values)
        }
    }

    /// Integer values of a column, row by row of the sample (nil where a cell is empty or no count).
    func counts(at column: Int) -> [Int64?] {
        sample.map { row in
            guard let cell = row.cells.first(where: { $0.column == column }) else { return nil }
            return CountParser.count(cell.value)
        }
    }

    /// For each sampled row, whether its counts agree (the source and target counts of the
    /// columns given, or a difference column's zero); nil where they are missing.
    func agreements(source: Int?, target: Int?, difference: Int?) -> [Bool?] {
        let d = difference.map { counts(at: $0) }
        let s = source.map { counts(at: $0) }
        let t = target.map { counts(at: $0) }
        return sample.indices.map { row in
            if let value = d?[row] ?? nil { return value == 0 }
            guard let a = s?[row] ?? nil, let b = t?[row] ?? nil else { return nil }
            return a == b
        }
    }

    /// For each sampled row, whether an object's definitions agree on both sides (a value on one
    /// side only is a difference); nil where neither side has one.
    func agreements(sourceValue: Int, targetValue: Int) -> [Bool?] {
        sample.map { row in
            let a = text(at: sourceValue, in: row).flatMap { $0 == "NULL" ? nil : $0 }
            let b = text(at: targetValue, in: row).flatMap { $0 == "NULL" ? nil : $0 }
            switch (a, b) {
            case let (x?, y?): return x == y
            case (nil, nil): return nil
            default: return false
            }
        }
    }

    /// How cleanly a column's words split the rows into agreeing and differing ones (1: every
    /// word stands only where the counts agree, or only where they differ); nil without evidence.
    func purity(of column: Int, agreements: [Bool?]) -> Double? {
        var split: [String: (agree: Int, differ: Int)] = [:]
        for (row, agreement) in zip(sample, agreements) {
            guard let agreement, let text = text(at: column, in: row) else { continue }
            var entry = split[text] ?? (0, 0)
            if agreement { entry.agree += 1 } else { entry.differ += 1 }
            split[text] = entry
        }
        let total = split.values.reduce(0) { $0 + $1.agree + $1.differ }
        // Words must repeat for their split to mean anything: each stands on two rows or more on average.
        guard total >= 3, split.count * 2 <= total, split.values.contains(where: { $0.agree > 0 }), split.values.contains(where: { $0.differ > 0 }) else { return nil }
        return Double(split.values.reduce(0) { $0 + max($1.agree, $1.differ) }) / Double(total)
    }

    func text(at column: Int, in row: Row) -> String? {
        guard let cell = row.cells.first(where: { $0.column == column }), !cell.value.isEmpty else { return nil }
        return cell.value.text
    }
}
