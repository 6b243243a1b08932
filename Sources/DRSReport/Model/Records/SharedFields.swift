/// Kinds whose records name a table (or database) on each side.
public protocol TableFields: RecordFields {
    var sourceDatabase: Field<String> { get }
    var sourceTable: Field<String> { get }
    var targetDatabase: Field<String> { get }
    var targetTable: Field<String> { get }
}

extension Record where Fields: TableFields {
    /// The source database, else the destination's: how summaries and diffs name the table's database.
    public var database: String? { self.sourceDatabase ?? self.targetDatabase }
    /// The source table, else the destination's.
    public var table: String? { self.sourceTable ?? self.targetTable }
}

/// Kinds with a row count on each side and their difference.
public protocol RowCountFields: RecordFields {
    var sourceRows: Field<Int64> { get }
    var targetRows: Field<Int64> { get }
    var difference: Field<Int64> { get }
}

extension Record where Fields: RowCountFields {
    /// The stated difference, or source minus destination rows when the report leaves it out.
    public var rowDifference: Int64? {
        self.difference ?? self.sourceRows.flatMap { source in self.targetRows.map { source &- $0 } }
    }
}

/// Kinds with a row-count result, a value result, possibly an overall status, and a message.
public protocol ResultFields: RecordFields {
    var rowResult: Field<Interpreted<ComparisonStatus>> { get }
    var valueResult: Field<Interpreted<ComparisonStatus>> { get }
    var status: Field<Interpreted<ComparisonStatus>> { get }
    var message: Field<String> { get }
}

extension Record where Fields: ResultFields {
    /// The worst of the results present: one failed or unfinished result makes the table incomplete.
    public var worstResult: Interpreted<ComparisonStatus>? {
        [self.status, self.rowResult, self.valueResult].compactMap { $0 }.max { $0.value.category < $1.value.category }
    }
}
