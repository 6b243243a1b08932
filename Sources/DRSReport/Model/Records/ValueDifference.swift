/// Value comparison, one differing row (or one differing column of a row): which side has it,
/// its key, the column and both values, and the SQL that selects it on each side.
public struct ValueDifferenceFields: TableFields {
    public let sourceDatabase = Field<String>("source_database", .sourceDatabase)
    public let sourceTable = Field<String>("source_table", .sourceTable)
    public let targetDatabase = Field<String>("target_database", .targetDatabase)
    public let targetTable = Field<String>("target_table", .targetTable)
    public let kind = Field<Interpreted<DifferenceKind>>("difference_kind", .differenceKind)
    /// The row's key as the report shows it: `id=016628`, `058374,2`.
    public let keyValues = Field<String>("key_values", .keyValues)
    /// Separate key columns, when the report has them.
    public let sourceKeyValues = Field<String>("source_key_values", .sourceKeyValues)
    public let targetKeyValues = Field<String>("target_key_values", .targetKeyValues)
    public let column = Field<String>("column", .column)
    public let sourceValue = Field<String>("source_value", .sourceValue)
    public let targetValue = Field<String>("target_value", .targetValue)
    public let selectSQL = Field<String>("select_sql", .selectSQL)
    public let targetSelectSQL = Field<String>("target_select_sql", .targetSelectSQL)

    public init() {}
    public static let layout = FieldLayout(Self())
}

public typealias ValueDifference = Record<ValueDifferenceFields>
