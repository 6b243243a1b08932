import XLSXReader

/// What a summary reads of a record, whatever holds it: the row a ``FieldReader`` just read (the
/// fast path: only the cells asked for become values) or a typed record.
package protocol SummaryInputs: VerdictInputs {
    var sheet: String { get }
    /// 1-based.
    var row: Int { get }
    func text(of concept: ColumnConcept) -> String?
    func word<Value: InterpretedValue>(of concept: ColumnConcept, as type: Value.Type) -> Interpreted<Value>?
}

extension SummaryInputs {
    var database: String? { text(of: .sourceDatabase) ?? text(of: .targetDatabase) }
    var table: String? { text(of: .sourceTable) ?? text(of: .targetTable) }

    /// The stated difference, or source minus destination rows.
    var rowDifference: Int64? {
        count(of: .difference) ?? count(of: .sourceRows).flatMap { source in count(of: .targetRows).map { source &- $0 } }
    }

    /// The worst of the results present, the first of equals in the order status, row, value.
    var worstResult: Interpreted<ComparisonStatus>? {
        [ColumnConcept.status, .rowResult, .valueResult].compactMap { word(of: $0, as: ComparisonStatus.self) }
            .max { $0.value.category < $1.value.category }
    }
}

/// The row a ``FieldReader`` has just read, with the cells it came from.
package struct ReadRow<Cells: RowCells>: SummaryInputs {
    package let reader: FieldReader
    package let cells: Cells
    package let sheet: String

    package var row: Int { cells.index + 1 }

    package func text(of concept: ColumnConcept) -> String? {
        guard let position = reader.position(of: concept), case .text(let cell) = reader.slots[position] else { return nil }
        return cells.withText(cell) { String(decoding: $0, as: UTF8.self) }
    }

    package func word<Value: InterpretedValue>(of concept: ColumnConcept, as type: Value.Type) -> Interpreted<Value>? {
        guard let position = reader.position(of: concept), case .word(let entry) = reader.slots[position] else { return nil }
        return reader.word(entry, field: position).value as? Interpreted<Value>
    }

    package func category(of concept: ColumnConcept) -> StatusCategory? { reader.category(of: concept) }
    package func count(of concept: ColumnConcept) -> Int64? { reader.count(of: concept) }
}

extension RecordVerdictInputs: SummaryInputs {
    var sheet: String { record.sheet }
    var row: Int { record.row }
    func text(of concept: ColumnConcept) -> String? { record.value(for: concept) as? String }
    func word<Value: InterpretedValue>(of concept: ColumnConcept, as type: Value.Type) -> Interpreted<Value>? {
        record.value(for: concept) as? Interpreted<Value>
    }
}
