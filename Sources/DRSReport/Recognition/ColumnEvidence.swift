import XLSXReader

/// A header cell with everything recognition knows of it: the header's parts and the concepts
/// they compose to, and the profile of the cells below it.
struct ColumnEvidence: Sendable {
    let index: Int
    let header: String
    let parts: HeaderParts
    let candidates: [Vocabulary.ColumnCandidate]
    var profile = ColumnProfile()
    /// On a vocabulary file's ignore list: never given a concept.
    let ignored: Bool

    init(index: Int, header: String, vocabulary: Vocabulary) {
        self.index = index
        self.header = header
        let parts = HeaderParts(header)
        self.parts = parts
        let candidates = vocabulary.columnCandidates(header, parts: parts)
        self.candidates = candidates
        ignored = vocabulary.isIgnored(header)
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

    func text(at column: Int, in row: Row) -> String? {
        guard let cell = row.cells.first(where: { $0.column == column }), !cell.value.isEmpty else { return nil }
        return cell.value.text
    }
}
