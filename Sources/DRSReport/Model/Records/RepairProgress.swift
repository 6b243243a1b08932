/// Data repair, one table: rows to repair, repaired and failed.
public struct RepairProgressFields: TableFields {
    public let sourceDatabase = Field<String>("source_database", .sourceDatabase)
    public let sourceTable = Field<String>("source_table", .sourceTable)
    public let targetDatabase = Field<String>("target_database", .targetDatabase)
    public let targetTable = Field<String>("target_table", .targetTable)
    public let totalRows = Field<Int64>("total_rows", .totalRows)
    public let repairedRows = Field<Int64>("repaired_rows", .repairedRows)
    public let failedRows = Field<Int64>("failed_rows", .failedRows)

    public init() {}
    public static let layout = FieldLayout(Self())
}

public typealias RepairProgress = Record<RepairProgressFields>
