/// The kind of comparison a DRS report comes from: the `compare_type` of DRS's export, status and
/// download calls. The one definition shared by the service client and the report model; raw
/// values are the API's own spelling.
public enum CompareType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Object-level comparison: databases, tables, views, indexes… present on both sides.
    case objects = "objects_comparison"
    /// Row-count comparison.
    case lines
    /// Value (content) comparison.
    case values = "contents"
    /// Sampling comparison: value comparison of a share of the rows.
    case sampling = "random"
    /// Data repair: the SQL that makes the destination match the source.
    case repair = "repair_data"

    /// Data comparisons live under a compare job of their own, which the API calls must name.
    public var needsCompareJobID: Bool { self != .objects }
}
