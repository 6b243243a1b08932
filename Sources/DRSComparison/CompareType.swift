/// The kind of comparison a DRS report comes from: the `compare_type` of DRS's export, status and
/// download calls. The one definition shared by the service client and the report model; raw
/// values are the API's own spelling, and a compare type prints as its raw value (`lines`).
///
/// `.lines` is the API's word for the row-count comparison (its console calls it "row
/// comparison"). The other cases shorten the API's value to the comparison it names
/// (`objects_comparison`, `contents`, `random`, `repair_data`); their raw values, descriptions,
/// JSON and the CLI's `--compare-type` always use the API's spelling.
public enum CompareType: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
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

    /// The API's spelling: `lines`, `objects_comparison`…
    public var description: String { rawValue }
}
