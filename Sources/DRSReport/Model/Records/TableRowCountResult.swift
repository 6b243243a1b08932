/// Row comparison, one table: the row count on each side, their difference and the result.
/// Also the shape of a "cannot be compared" entry (usually without counts).
public struct TableRowCountResult: Sendable, Hashable, Codable {
    public var sheet: String
    public var row: Int
    public var sourceDatabase: String?
    public var sourceTable: String?
    public var targetDatabase: String?
    public var targetTable: String?
    public var sourceRows: Int64?
    public var targetRows: Int64?
    /// As the report states it; see ``rowDifference`` for a value that is always there when both counts are.
    public var difference: Int64?
    public var status: Interpreted<ComparisonStatus>?
    public var rowFilter: String?
    public var message: String?
    public var extra: [ExtraField]

    /// The stated difference, or source minus destination rows when the report leaves it out.
    public var rowDifference: Int64? {
        difference ?? sourceRows.flatMap { source in targetRows.map { source &- $0 } }
    }

    enum CodingKeys: String, CodingKey {
        case sheet, row, sourceDatabase = "source_database", sourceTable = "source_table", targetDatabase = "target_database"
        case targetTable = "target_table", sourceRows = "source_rows", targetRows = "target_rows", difference, status
        case rowFilter = "row_filter", message, extra
    }
}
