import XLSXReader

/// Finds the header row among a sheet's top rows: the row with the most cells whose header reads
/// as a column concept (at least two, and at least a third of its cells, so a row of data or a
/// "Key: value" pair does not pass). Titles, metadata and blank rows above it match next to
/// nothing, so the header stands out wherever it is. A header in wording drsdiff mostly does not
/// know is found by its shape instead: a row of at least three short texts, one of them a
/// concept, above rows as wide that hold numbers — its other columns are then read by their values.
enum HeaderRowDetector {
    /// Rows holding cells examined from the top of each sheet.
    static let scanRows = 30

    struct Candidate {
        let row: Row
        let matched: Int
        var cells: Int { row.cells.count }
    }

    static func detect(in rows: [Row], vocabulary: Vocabulary) -> (header: Candidate?, best: Candidate?) {
        var best: Candidate?
        for row in rows {
            var matched = 0
            for cell in row.cells {
                guard case .text(let text) = cell.value else { continue }
                if !vocabulary.columnCandidates(text).isEmpty { matched += 1 }
            }
            if matched > (best?.matched ?? 0) { best = Candidate(row: row, matched: matched) }
        }
        if let best, best.matched >= 2, best.matched * 3 >= best.cells { return (best, best) }
        return (shaped(rows, vocabulary: vocabulary) ?? nil, best)
    }

    /// The first row shaped like a header: three or more short texts, at least one read as a
    /// concept, followed by at least two rows about as wide, one of which holds a number.
    private static func shaped(_ rows: [Row], vocabulary: Vocabulary) -> Candidate? {
        for (position, row) in rows.enumerated() where row.cells.count >= 3 {
            let texts = row.cells.compactMap { cell -> String? in
                guard case .text(let text) = cell.value, text.unicodeScalars.count <= 40, !text.contains("\n") else { return nil }
                return text
            }
            guard texts.count == row.cells.count, CountParser.count(text: texts[0]) == nil else { continue }
            let matched = texts.filter { !vocabulary.columnCandidates($0).isEmpty }.count
            let below = rows.dropFirst(position + 1).prefix(2)
            guard matched >= 1, below.count == 2,
                  below.allSatisfy({ $0.cells.count * 3 >= row.cells.count * 2 }),
                  below.contains(where: { $0.cells.contains { cell in
                      if case .number = cell.value { return true }
                      return CountParser.count(text: cell.value.text) != nil
                  } }) else { continue }
            return Candidate(row: row, matched: matched)
        }
        return nil
    }

    /// True for a row that repeats the header (a header repeated further down a sheet).
    static func repeats(_ header: Row, in row: Row) -> Bool {
        guard header.cells.count >= 2 else { return false }
        var texts: [Int: String] = [:]
        for cell in header.cells { texts[cell.column] = cell.value.text }
        var same = 0
        for cell in row.cells where texts[cell.column] == cell.value.text { same += 1 }
        return same * 2 >= header.cells.count
    }
}
