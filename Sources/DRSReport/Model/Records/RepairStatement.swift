/// Data repair, one statement: the row's key on each side, the operation, the SQL and its state.
public struct RepairStatement: Sendable, Hashable, Codable {
    public var sheet: String
    public var row: Int
    public var sourceDatabase: String?
    public var sourceTable: String?
    public var targetDatabase: String?
    public var targetTable: String?
    public var sourceKeyValues: String?
    public var targetKeyValues: String?
    /// A single key column, when the report has one instead of one per side.
    public var keyValues: String?
    public var operation: Interpreted<RepairOperation>?
    public var sql: String?
    public var state: Interpreted<RepairState>?
    public var extra: [ExtraField]

    enum CodingKeys: String, CodingKey {
        case sheet, row, sourceDatabase = "source_database", sourceTable = "source_table", targetDatabase = "target_database"
        case targetTable = "target_table", sourceKeyValues = "source_key_values", targetKeyValues = "target_key_values"
        case keyValues = "key_values", operation, sql = "repair_sql", state = "sql_state", extra
    }
}
