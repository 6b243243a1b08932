import XLSXReader

/// A row read as a header: each cell with the concept it means.
struct HeaderReading: Sendable {
    /// Zero-based row index.
    let rowIndex: Int
    let columns: [ColumnMapping]

    var concepts: Set<ColumnConcept> { Set(columns.compactMap(\.concept)) }
    var matched: Int { columns.filter { $0.concept != nil }.count }
    /// Normalized header texts by column: how continuation sheets are recognised.
    var signature: [String] { columns.map { "\($0.index):" + NormalizedText.key($0.header) } }
}

/// Finds the header row among a sheet's top rows: the row whose cells match the most column
/// concepts (at least two, and at least half of its cells). Title and "key: value" rows above it
/// match next to nothing, so the header stands out wherever it is.
enum HeaderRowDetector {
    /// Rows holding cells examined from the top of each sheet.
    static let scanRows = 30

    static func detect(in rows: [Row], vocabulary: Vocabulary) -> (header: HeaderReading?, best: HeaderReading?) {
        var best: HeaderReading?
        for row in rows {
            let reading = HeaderReading(rowIndex: row.index, columns: mapColumns(of: row, vocabulary: vocabulary))
            if reading.matched > (best?.matched ?? 0) { best = reading }
        }
        guard let best, best.matched >= 2, best.matched * 2 >= best.columns.count else { return (nil, best) }
        return (best, best)
    }

    /// Every non-empty cell of the row as a column; each concept goes to the cell that fits it
    /// best, so two cells never claim the same meaning.
    static func mapColumns(of row: Row, vocabulary: Vocabulary) -> [ColumnMapping] {
        var columns = row.cells.map { ColumnMapping(index: $0.column, header: $0.value.text, concept: nil, score: nil, via: nil) }
        var claims: [(position: Int, candidate: Vocabulary.ColumnCandidate)] = []
        for (position, cell) in row.cells.enumerated() {
            guard case .text(let text) = cell.value else { continue }
            for candidate in vocabulary.columnCandidates(text) { claims.append((position, candidate)) }
        }
        claims.sort { a, b in
            if Vocabulary.ranks(a.candidate, above: b.candidate) { return true }
            if Vocabulary.ranks(b.candidate, above: a.candidate) { return false }
            return a.position < b.position
        }
        var taken: Set<ColumnConcept> = []
        for claim in claims where columns[claim.position].concept == nil && !taken.contains(claim.candidate.concept) {
            taken.insert(claim.candidate.concept)
            columns[claim.position].concept = claim.candidate.concept
            columns[claim.position].score = (claim.candidate.score * 100).rounded() / 100
            columns[claim.position].via = claim.candidate.exactPhrase ? "vocabulary file phrase"
                : claim.candidate.fromFile ? "vocabulary file pattern" : "key words"
        }
        return columns
    }
}
