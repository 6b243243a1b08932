/// Data repair, one statement: the row's key on each side, the operation, the SQL and its state.
public struct RepairStatementFields: TableFields {
    public let sourceDatabase = Field<String>("source_database", .sourceDatabase)
    public let sourceTable = Field<String>("source_table", .sourceTable)
    public let targetDatabase = Field<String>("target_database", .targetDatabase)
    public let targetTable = Field<String>("target_table", .targetTable)
    public let sourceKeyValues = Field<String>("source_key_values", .sourceKeyValues)
    public let targetKeyValues = Field<String>("target_key_values", .targetKeyValues)
    /// A single key column, when the report has one instead of one per side.
    public let keyValues = Field<String>("key_values", .keyValues)
    public let operation = Field<Interpreted<RepairOperation>>("operation", .operation)
    public let sql = Field<String>("repair_sql", .repairSQL)
    public let state = Field<Interpreted<RepairState>>("sql_state", .sqlState)

    public init() {}
    public static let layout = FieldLayout(Self())
}

public typealias RepairStatement = Record<RepairStatementFields>
