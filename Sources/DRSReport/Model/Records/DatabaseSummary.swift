/// Row or value comparison, one database: how many tables were compared and how they came out.
public struct DatabaseSummaryFields: RecordFields {
    public let sourceDatabase = Field<String>("source_database", .sourceDatabase)
    public let targetDatabase = Field<String>("target_database", .targetDatabase)
    public let status = Field<Interpreted<ComparisonStatus>>("status", .status)
    public let tablesCompared = Field<Int64>("tables_compared", .tablesCompared)
    public let tablesFinished = Field<Int64>("tables_finished", .tablesFinished)
    public let tablesInconsistent = Field<Int64>("tables_inconsistent", .tablesInconsistent)
    public let tablesUncomparable = Field<Int64>("tables_uncomparable", .tablesUncomparable)

    public init() {}
    public static let layout = FieldLayout(Self())
}

public typealias DatabaseSummary = Record<DatabaseSummaryFields>
