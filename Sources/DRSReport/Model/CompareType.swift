/// The kind of comparison a report comes from: the `compare_type` of DRS's export and download
/// calls. Raw values are the API's own spelling.
public enum CompareType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Object-level comparison: databases, tables, views, indexes… present on both sides.
    case objects = "objects_comparison"
    /// Row-count comparison.
    case rows = "lines"
    /// Value (content) comparison.
    case values = "contents"
    /// Sampling comparison: value comparison of a share of the rows.
    case sampling = "random"
    /// Data repair: the SQL that makes the destination match the source.
    case repair = "repair_data"

    /// Section kinds a report of this type is expected to hold.
    public var expectedSections: Set<SectionKind> {
        switch self {
        case .objects: return [.objectSummary, .objectDifferences]
        case .rows: return [.databaseSummary, .tableRowCounts, .cannotCompare]
        case .values: return [.databaseSummary, .tableValues, .valueDifferences, .cannotCompare]
        case .sampling: return [.databaseSummary, .sampling, .valueDifferences, .cannotCompare]
        case .repair: return [.repairProgress, .repairStatements]
        }
    }
}
