/// What one section (a sheet, or several continuing one another) of a report holds.
/// Raw values are the stable names used in JSON, CSV, `--section` and vocabulary files.
public enum SectionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Per object type: counts in source and destination, status.
    case objectSummary = "object_summary"
    /// Per object: values on both sides, status, message.
    case objectDifferences = "object_differences"
    /// Per database: tables compared, finished, inconsistent, not comparable.
    case databaseSummary = "database_summary"
    /// Per table: row counts on both sides, difference, status.
    case tableRowCounts = "table_row_counts"
    /// Tables that could not be compared, and why.
    case cannotCompare = "cannot_compare"
    /// Per table: row and value comparison results.
    case tableValues = "table_values"
    /// Per table: value comparison of a sample, with the sampling ratio.
    case sampling
    /// Per differing row: which side has it, key values, column, both values, select SQL.
    case valueDifferences = "value_differences"
    /// Per table: rows to repair, repaired, failed.
    case repairProgress = "repair_progress"
    /// Per row: the repair SQL, its operation and state.
    case repairStatements = "repair_statements"
    /// Not recognised: written as a generic table.
    case unknown

    /// Sections whose records are per table (the ones the summary ranks and counts).
    var isTableLevel: Bool {
        switch self {
        case .tableRowCounts, .cannotCompare, .tableValues, .sampling: return true
        default: return false
        }
    }

    /// Accepts `table_row_counts`, `table-row-counts` or `TableRowCounts`.
    public init?(name: String) {
        let key = NormalizedText(name).coreString.replacingSpaces(with: "_")
        guard let kind = SectionKind(rawValue: key) else { return nil }
        self = kind
    }
}

extension String {
    func replacingSpaces(with replacement: Character) -> String {
        String(map { $0 == " " ? replacement : $0 })
    }
}
