/// Row or value comparison, one database: how many tables were compared and how they came out.
public struct DatabaseSummary: Sendable, Hashable, Codable {
    public var sheet: String
    public var row: Int
    public var sourceDatabase: String?
    public var targetDatabase: String?
    public var status: Interpreted<ComparisonStatus>?
    public var tablesCompared: Int64?
    public var tablesFinished: Int64?
    public var tablesInconsistent: Int64?
    public var tablesUncomparable: Int64?
    public var extra: [ExtraField]

    enum CodingKeys: String, CodingKey {
        case sheet, row, sourceDatabase = "source_database", targetDatabase = "target_database", status
        case tablesCompared = "tables_compared", tablesFinished = "tables_finished"
        case tablesInconsistent = "tables_inconsistent", tablesUncomparable = "tables_uncomparable", extra
    }
}
