/// What blocks a cutover, most blocking first: databases and tables missing on a side, objects
/// that differ or failed (by name), tables that could not be compared, then the largest
/// differences with the report's own reason. A DBA works down this list; per-database detail
/// follows it in every format.
public struct FixFirstItem: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        case missingDatabase = "missing_database"
        case missingTable = "missing_table"
        case failedObject = "failed_object"
        case uncomparableTable = "uncomparable_table"
        case rowDifference = "row_difference"
        case valueDifferences = "value_differences"
        case failedRepair = "failed_repair"

        /// Declaration order is blocking order.
        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public var kind: Kind
    public var database: String?
    /// The table or object; nil for a database.
    public var name: String?
    /// The object type's API code (`TABLE`) or its text as found, for objects.
    public var objectType: String?
    public var status: Interpreted<ComparisonStatus>?
    /// The report's message, else its status text; nil when the report gives neither.
    public var reason: String?
    /// Rows: the row difference (source minus destination), the differing rows, or the failed repairs.
    public var count: Int64?
    /// Where the entry came from; nil for entries counted over many rows (value differences, repairs).
    public var sheet: String?
    public var row: Int?

    enum CodingKeys: String, CodingKey {
        case kind, database, name, objectType = "object_type", status, reason, count, sheet, row
    }
}

/// The whole verdict in counts, for the one-line headline ("incomplete: 25 tables could not be
/// compared, 50 inconsistent"); each writer words it in the report's language.
public struct SummaryHeadline: Sendable, Hashable, Codable {
    public var verdict: StatusCategory
    public var missingDatabases: Int
    public var missingTables: Int
    /// Tables that could not be compared for another reason than a missing database or table.
    public var uncomparableTables: Int
    public var inconsistentTables: Int
    /// Tables judged: the most any table-level section lists.
    public var tables: Int
    /// Databases by the report's database-level results (missing ones among the incomplete).
    public var inconsistentDatabases: Int
    public var incompleteDatabases: Int
    public var inconsistentObjects: Int
    public var incompleteObjects: Int
    /// Object types by the overview's results, for reports without object details.
    public var objectTypes: Int
    public var inconsistentObjectTypes: Int
    public var incompleteObjectTypes: Int
    public var differingRows: Int
    /// Tables with failed repair statements or failed rows.
    public var failedRepairs: Int
    /// Repair statements not executed or still running.
    public var unfinishedRepairs: Int

    enum CodingKeys: String, CodingKey {
        case verdict, missingDatabases = "missing_databases", missingTables = "missing_tables"
        case uncomparableTables = "uncomparable_tables", inconsistentTables = "inconsistent_tables", tables
        case inconsistentDatabases = "inconsistent_databases", incompleteDatabases = "incomplete_databases"
        case inconsistentObjects = "inconsistent_objects", incompleteObjects = "incomplete_objects", objectTypes = "object_types"
        case inconsistentObjectTypes = "inconsistent_object_types", incompleteObjectTypes = "incomplete_object_types"
        case differingRows = "differing_rows", failedRepairs = "failed_repairs", unfinishedRepairs = "unfinished_repairs"
    }
}

/// An object of the details that differs or could not be compared, by name.
public struct FailedObject: Sendable, Hashable, Codable {
    public var objectType: String
    public var database: String?
    public var name: String?
    public var status: Interpreted<ComparisonStatus>?
    public var category: StatusCategory
    public var reason: String?
    public var sheet: String
    public var row: Int

    enum CodingKeys: String, CodingKey {
        case objectType = "object_type", database, name, status, category, reason, sheet, row
    }
}

extension ComparisonStatus {
    /// A database is missing on a side (or both).
    var missingDatabase: Bool {
        switch self {
        case .sourceDatabaseMissing, .targetDatabaseMissing, .bothDatabasesMissing: return true
        default: return false
        }
    }

    /// A table is missing on a side (or both), or the report does not say which of database or table.
    var missingTable: Bool {
        switch self {
        case .sourceTableMissing, .targetTableMissing, .bothTablesMissing, .targetDatabaseTableMissing: return true
        default: return false
        }
    }
}
