import XLSXReader

/// Finds the header row among a sheet's top rows: the row with the most cells whose header reads
/// as a column concept (at least two, and at least a third of its cells, so a row of data or a
/// "Key: value" pair does not pass). Titles, metadata and blank rows above it match next to
/// nothing, so the header stands out wherever it is.
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
        guard let best, best.matched >= 2, best.matched * 3 >= best.cells else { return (nil, best) }
        return (best, best)
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
