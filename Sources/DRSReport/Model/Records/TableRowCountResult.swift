/// Row comparison, one table: the row count on each side, their difference and the result.
/// Also the shape of a "cannot be compared" entry (usually without counts).
public struct TableRowCountFields: TableFields, RowCountFields {
    public let sourceDatabase = Field<String>("source_database", .sourceDatabase)
    public let sourceTable = Field<String>("source_table", .sourceTable)
    public let targetDatabase = Field<String>("target_database", .targetDatabase)
    public let targetTable = Field<String>("target_table", .targetTable)
    public let sourceRows = Field<Int64>("source_rows", .sourceRows)
    public let targetRows = Field<Int64>("target_rows", .targetRows)
    /// As the report states it; see ``Record/rowDifference`` for a value that is always there when both counts are.
    public let difference = Field<Int64>("difference", .difference)
    public let status = Field<Interpreted<ComparisonStatus>>("status", .status)
    public let rowFilter = Field<String>("row_filter", .rowFilter)
    public let message = Field<String>("message", .message)
    /// The result beside a separate status column (`Result` next to `Status`): the worse of the two counts.
    public let rowResult = Field<Interpreted<ComparisonStatus>>("row_result", .rowResult)

    public init() {}
    public static let layout = FieldLayout(Self())
}

public typealias TableRowCountResult = Record<TableRowCountFields>
