/// Value comparison, one differing row (or one differing column of a row): which side has it,
/// its key, the column and both values, and the SQL that selects it on each side.
public struct ValueDifference: Sendable, Hashable, Codable {
    public var sheet: String
    public var row: Int
    public var sourceDatabase: String?
    public var sourceTable: String?
    public var targetDatabase: String?
    public var targetTable: String?
    public var kind: Interpreted<DifferenceKind>?
    /// The row's key as the report shows it: `id=016628`, `058374,2`.
    public var keyValues: String?
    /// Separate key columns, when the report has them.
    public var sourceKeyValues: String?
    public var targetKeyValues: String?
    public var column: String?
    public var sourceValue: String?
    public var targetValue: String?
    public var selectSQL: String?
    public var targetSelectSQL: String?
    public var extra: [ExtraField]

    enum CodingKeys: String, CodingKey {
        case sheet, row, sourceDatabase = "source_database", sourceTable = "source_table", targetDatabase = "target_database"
        case targetTable = "target_table", kind = "difference_kind", keyValues = "key_values"
        case sourceKeyValues = "source_key_values", targetKeyValues = "target_key_values", column
        case sourceValue = "source_value", targetValue = "target_value", selectSQL = "select_sql"
        case targetSelectSQL = "target_select_sql", extra
    }
}
