/// Data repair, one table: rows to repair, repaired and failed.
public struct RepairProgress: Sendable, Hashable, Codable {
    public var sheet: String
    public var row: Int
    public var sourceDatabase: String?
    public var sourceTable: String?
    public var targetDatabase: String?
    public var targetTable: String?
    public var totalRows: Int64?
    public var repairedRows: Int64?
    public var failedRows: Int64?
    public var extra: [ExtraField]

    enum CodingKeys: String, CodingKey {
        case sheet, row, sourceDatabase = "source_database", sourceTable = "source_table", targetDatabase = "target_database"
        case targetTable = "target_table", totalRows = "total_rows", repairedRows = "repaired_rows", failedRows = "failed_rows", extra
    }
}
