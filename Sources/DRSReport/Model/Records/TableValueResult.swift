/// Value comparison, one table: row counts, the row-count and the value comparison results.
public struct TableValueFields: TableFields, RowCountFields, ResultFields {
    public let sourceDatabase = Field<String>("source_database", .sourceDatabase)
    public let sourceTable = Field<String>("source_table", .sourceTable)
    public let targetDatabase = Field<String>("target_database", .targetDatabase)
    public let targetTable = Field<String>("target_table", .targetTable)
    public let sourceRows = Field<Int64>("source_rows", .sourceRows)
    public let targetRows = Field<Int64>("target_rows", .targetRows)
    public let difference = Field<Int64>("difference", .difference)
    public let rowResult = Field<Interpreted<ComparisonStatus>>("row_result", .rowResult)
    public let valueResult = Field<Interpreted<ComparisonStatus>>("value_result", .valueResult)
    /// An overall status column, when the report has one besides the two results.
    public let status = Field<Interpreted<ComparisonStatus>>("status", .status)
    public let message = Field<String>("message", .message)
    public let rowFilter = Field<String>("row_filter", .rowFilter)

    public init() {}
    public static let layout = FieldLayout(Self())
}

public typealias TableValueResult = Record<TableValueFields>
