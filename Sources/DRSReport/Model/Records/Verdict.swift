/// What a verdict needs to know of a record, whatever holds it (a typed record, or a row read
/// straight from cell bytes): the category of a result field and the value of a count field.
package protocol VerdictInputs {
    func category(of concept: ColumnConcept) -> StatusCategory?
    func count(of concept: ColumnConcept) -> Int64?
}

extension SectionKind {
    /// How a record of this kind counts towards the verdict; nil when it says nothing either way.
    ///
    /// A table without a result column is judged by its row difference (with a status and a
    /// separate result, by the worse of the two); an object without a status by whether it
    /// exists on both sides; an entry of a
    /// "cannot be compared" section is incomplete whatever its status; every value difference
    /// is an inconsistency; a repair progress line with failed rows is inconsistent and one with
    /// rows still to repair incomplete.
    package func category(of record: some VerdictInputs) -> StatusCategory? {
        switch self {
        case .objectSummary:
            return record.category(of: .status)
        case .objectDifferences:
            return record.category(of: .status) ?? [ColumnConcept.sourceExists, .targetExists].compactMap(record.category(of:)).max()
        case .databaseSummary:
            return record.category(of: .status) ?? record.count(of: .tablesInconsistent).map { $0 > 0 ? .inconsistent : .consistent }
        case .tableRowCounts:
            return [ColumnConcept.status, .rowResult].compactMap(record.category(of:)).max() ?? SectionKind.byDifference(record)
        case .cannotCompare:
            return .incomplete
        case .tableValues, .sampling:
            return [ColumnConcept.status, .rowResult, .valueResult].compactMap(record.category(of:)).max() ?? SectionKind.byDifference(record)
        case .valueDifferences:
            return .inconsistent
        case .repairProgress:
            if let failed = record.count(of: .failedRows), failed > 0 { return .inconsistent }
            if let total = record.count(of: .totalRows), let repaired = record.count(of: .repairedRows) {
                return repaired < total ? .incomplete : .consistent
            }
            return nil
        case .repairStatements:
            return record.category(of: .sqlState)
        case .unknown:
            return nil
        }
    }

    private static func byDifference(_ record: some VerdictInputs) -> StatusCategory? {
        let difference = record.count(of: .difference)
            ?? record.count(of: .sourceRows).flatMap { source in record.count(of: .targetRows).map { source &- $0 } }
        return difference.map { $0 == 0 ? .consistent : .inconsistent }
    }
}

/// A typed record's fields as verdict inputs.
struct RecordVerdictInputs: VerdictInputs {
    let record: any AnyRecord

    func category(of concept: ColumnConcept) -> StatusCategory? {
        switch record.value(for: concept) {
        case let status as Interpreted<ComparisonStatus>: return status.value.category
        case let state as Interpreted<RepairState>: return state.value.category
        case let existence as Interpreted<ObjectExistence>: return existence.value.category
        default: return nil
        }
    }

    func count(of concept: ColumnConcept) -> Int64? { record.value(for: concept) as? Int64 }
}
