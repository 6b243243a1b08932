/// Value comparison, one table: row counts, the row-count and the value comparison results.
/// A sampling comparison's result is the same with its ``samplingRatio``.
public struct TableValueResult: Sendable, Hashable, Codable {
    public var sheet: String
    public var row: Int
    public var sourceDatabase: String?
    public var sourceTable: String?
    public var targetDatabase: String?
    public var targetTable: String?
    public var sourceRows: Int64?
    public var targetRows: Int64?
    public var difference: Int64?
    /// Percent of the rows sampled (`10` for 10 %); sampling comparisons only.
    public var samplingRatio: Double?
    public var rowResult: Interpreted<ComparisonStatus>?
    public var valueResult: Interpreted<ComparisonStatus>?
    /// An overall status column, when the report has one besides the two results.
    public var status: Interpreted<ComparisonStatus>?
    public var message: String?
    public var rowFilter: String?
    public var extra: [ExtraField]

    public var rowDifference: Int64? {
        difference ?? sourceRows.flatMap { source in targetRows.map { source &- $0 } }
    }

    /// The worst of the results present: one failed or unfinished result makes the table incomplete.
    public var worstResult: Interpreted<ComparisonStatus>? {
        [status, rowResult, valueResult].compactMap { $0 }.max { $0.value.category < $1.value.category }
    }

    enum CodingKeys: String, CodingKey {
        case sheet, row, sourceDatabase = "source_database", sourceTable = "source_table", targetDatabase = "target_database"
        case targetTable = "target_table", sourceRows = "source_rows", targetRows = "target_rows", difference
        case samplingRatio = "sampling_ratio", rowResult = "row_result", valueResult = "value_result", status, message
        case rowFilter = "row_filter", extra
    }
}
