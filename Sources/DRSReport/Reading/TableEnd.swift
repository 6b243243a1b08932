import XLSXReader

/// Rows below a section's table that hold no record: a totals line (no identity, counts that are
/// the sums of the rows above it) and the notes a writer adds under the table after a blank row
/// ("Note: …", "Checked by: …"). Fed every row of a sheet after ``FieldReader/read(_:)``, in
/// order; says whether the row is a record and, when it is not, why. Its memory is one running
/// sum per count field.
package struct TableEnd {
    /// Why a row is no record.
    package enum Skipped: Equatable {
        /// The sums of the rows above it, without a name of its own.
        case totals
        /// After a blank row, a line of one or two cells: the table has ended.
        case notes
    }

    /// A line below a blank row with at most this many filled cells is a note, when the table has
    /// at least ``notesNeedColumns`` columns read as concepts: a record fills more.
    static let noteCells = 2
    static let notesNeedColumns = 4

    private let identity: [Int]
    private let counts: [Int]
    private let mappedColumns: Int
    private var sums: [Int64]
    private var rowsSummed = 0
    private var previousRow: Int?
    private var ended = false

    package init(reader: FieldReader, section: ReportSection) {
        let identityConcepts: [ColumnConcept] = [.sourceDatabase, .targetDatabase, .sourceTable, .targetTable, .objectType, .objectName,
                                                 .keyValues, .sourceKeyValues, .targetKeyValues]
        identity = identityConcepts.compactMap { reader.position(of: $0) }
        counts = ColumnConcept.allCases.filter(\.isCount).compactMap { reader.position(of: $0) }
        mappedColumns = section.columns.filter { $0.concept != nil }.count
        sums = [Int64](repeating: 0, count: counts.count)
    }

    /// A new sheet of the section: its table starts again.
    package mutating func startSheet() {
        sums = [Int64](repeating: 0, count: counts.count)
        rowsSummed = 0
        previousRow = nil
        ended = false
    }

    /// Whether the row `reader` has just read is a record; nil when it is, else why not.
    package mutating func skip(_ row: some RowCells, reader: FieldReader) -> Skipped? {
        defer { previousRow = row.index }
        if ended { return .notes }
        let slots = reader.slots
        if let previousRow, TableEnd.isNote(filled: TableEnd.filledCells(row), gap: row.index > previousRow + 1, columns: mappedColumns),
           !counts.contains(where: { slots[$0] != .empty }) {
            ended = true
            return .notes
        }
        if isTotals(slots) { return .totals }
        for (position, field) in counts.enumerated() {
            if case .count(let value) = slots[field] { sums[position] &+= value }
        }
        rowsSummed += 1
        return nil
    }

    /// No identity of its own, and every count it holds (at least one) is the sum of that
    /// column over at least two rows above.
    private func isTotals(_ slots: UnsafeBufferPointer<FieldReader.Slot>) -> Bool {
        guard rowsSummed >= 2, !identity.isEmpty, identity.allSatisfy({ slots[$0] == .empty }) else { return false }
        var matched = 0
        for (position, field) in counts.enumerated() {
            switch slots[field] {
            case .count(let value):
                guard value == sums[position] else { return false }
                matched += 1
            case .empty: continue
            default: return false
            }
        }
        return matched >= 1
    }

    /// A line of `filled` cells below a blank row (`gap`) under a table of `columns` columns is a note.
    package static func isNote(filled: Int, gap: Bool, columns: Int) -> Bool {
        gap && columns >= notesNeedColumns && filled <= noteCells
    }

    package static func filledCells(_ row: some RowCells) -> Int {
        var filled = 0
        for position in 0..<row.count where row.kind(position) != .text || row.withText(position, { !$0.isEmpty }) { filled += 1 }
        return filled
    }
}
