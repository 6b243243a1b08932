/// What a report says, in one screen: the verdict and why, counts per section and status, per
/// database and per object type, the tables with the largest row differences, the tables that
/// could not be compared and why, value differences and repair results.
public struct ReportSummary: Sendable, Hashable, Codable {
    public static let schema = "drsdiff.summary/v1"

    public var file: String
    public var compareType: CompareType?
    public var language: ReportLanguage?
    public var metadata: [MetadataEntry]
    /// `incomplete` when any comparison failed, did not finish or could not run; else
    /// `inconsistent` when any difference was found; else `consistent`. A report without any
    /// result is `incomplete`: nothing proves it consistent.
    public var verdict: StatusCategory
    /// The verdict with the counts behind it, for the one-line headline.
    public var headline: SummaryHeadline
    /// The verdict in sentences: "4 tables inconsistent", "3 tables could not be compared".
    public var reasons: [String]
    /// What blocks a cutover, most blocking first (the first ``fixFirstLimit``).
    public var fixFirst: [FixFirstItem]
    /// Entries the fix-first list would hold without its limit.
    public var fixFirstCount: Int
    public var sections: [SectionCounts]
    public var databases: [DatabaseCounts]
    public var objectTypes: [ObjectTypeCounts]
    /// Objects of the details that differ or could not be compared, in report order (the first ``uncomparableLimit``).
    public var failedObjects: [FailedObject]
    public var failedObjectCount: Int
    /// The tables with the largest absolute row difference, largest first (ties in report order).
    public var topTables: [TableDifference]
    /// Tables that could not be compared, and why: entries of "cannot be compared" sections and
    /// table results whose status leaves them incomplete (the first ``uncomparableLimit``).
    public var uncomparable: [UncomparableTable]
    public var uncomparableCount: Int
    public var valueDifferences: ValueDifferenceCounts?
    public var repair: RepairCounts?
    /// Sheets written as generic tables, and other remarks.
    public var notes: [String]

    public static let uncomparableLimit = 1000
    /// Entries of the fix-first list: a screen's worth, the counts above them say how many in all.
    public static let fixFirstLimit = 20

    enum CodingKeys: String, CodingKey {
        case file, compareType = "compare_type", language, metadata, headline, verdict, reasons
        case fixFirst = "fix_first", fixFirstCount = "fix_first_count", sections, databases
        case objectTypes = "object_types", failedObjects = "failed_objects", failedObjectCount = "failed_object_count", topTables = "top_tables", uncomparable, uncomparableCount = "uncomparable_count"
        case valueDifferences = "value_differences", repair, notes
    }
}

/// One section's records by status.
public struct SectionCounts: Sendable, Hashable, Codable {
    public var kind: SectionKind
    public var sheets: [String]
    public var records: Int
    public var consistent: Int
    public var inconsistent: Int
    public var incomplete: Int
    /// Per status, ordered by code then name: `consistent` 30, `inconsistent` 5, `timed_out` 1.
    public var statuses: [StatusCount]
}

public struct StatusCount: Sendable, Hashable, Codable {
    /// The status name (`target_table_missing`), or `unknown`.
    public var status: String
    public var code: Int?
    /// The text as first found in the report.
    public var text: String
    public var count: Int
}

/// One source database: its tables by outcome, and the database-level status when the report has one.
public struct DatabaseCounts: Sendable, Hashable, Codable {
    public var database: String
    public var tables: Int
    public var consistent: Int
    public var inconsistent: Int
    public var incomplete: Int
    /// Sum of the tables' absolute row differences.
    public var rowDifference: Int64
    public var status: Interpreted<ComparisonStatus>?

    enum CodingKeys: String, CodingKey {
        case database, tables, consistent, inconsistent, incomplete, rowDifference = "row_difference", status
    }
}

/// One object type: counts from the object overview and objects from the details.
public struct ObjectTypeCounts: Sendable, Hashable, Codable {
    /// The API code (`TABLE`) or the text as found.
    public var objectType: String
    public var sourceCount: Int64?
    public var targetCount: Int64?
    public var status: Interpreted<ComparisonStatus>?
    /// Objects of this type listed in the details, by outcome.
    public var objects: Int
    public var inconsistentObjects: Int
    public var incompleteObjects: Int

    enum CodingKeys: String, CodingKey {
        case objectType = "object_type", sourceCount = "source_count", targetCount = "target_count", status, objects
        case inconsistentObjects = "inconsistent_objects", incompleteObjects = "incomplete_objects"
    }
}

/// A table's row counts where they differ.
public struct TableDifference: Sendable, Hashable, Codable {
    public var database: String?
    public var table: String?
    public var sourceRows: Int64?
    public var targetRows: Int64?
    public var difference: Int64
    public var status: Interpreted<ComparisonStatus>?
    /// The report's message, else its status text.
    public var reason: String?
    public var sheet: String
    public var row: Int

    enum CodingKeys: String, CodingKey {
        case database, table, sourceRows = "source_rows", targetRows = "target_rows", difference, status, reason, sheet, row
    }
}

/// A table that could not be compared, and why.
public struct UncomparableTable: Sendable, Hashable, Codable {
    public var database: String?
    public var table: String?
    public var status: Interpreted<ComparisonStatus>?
    /// The report's message, else the status text.
    public var reason: String
    public var sheet: String
    public var row: Int
}

/// Differing rows by where they were found, and per table.
public struct ValueDifferenceCounts: Sendable, Hashable, Codable {
    public var total: Int
    public var onlyInSource: Int
    public var onlyInTarget: Int
    public var bothDiffer: Int
    public var unknownKind: Int
    /// Every table with differences, most first.
    public var tables: [TableCount]

    enum CodingKeys: String, CodingKey {
        case total, onlyInSource = "only_in_source", onlyInTarget = "only_in_target", bothDiffer = "both_differ"
        case unknownKind = "unknown_kind", tables
    }
}

public struct TableCount: Sendable, Hashable, Codable {
    public var database: String?
    public var table: String?
    public var count: Int
}

/// Repair statements by operation and state, and the progress totals.
public struct RepairCounts: Sendable, Hashable, Codable {
    public var statements: Int
    /// Operation name → statements, in name order.
    public var operations: [NamedCount]
    /// State name → statements, in name order.
    public var states: [NamedCount]
    public var totalRows: Int64
    public var repairedRows: Int64
    public var failedRows: Int64
    /// Tables with failed statements or failed rows, most failures first.
    public var tablesWithFailures: [TableCount]

    enum CodingKeys: String, CodingKey {
        case statements, operations, states, totalRows = "total_rows", repairedRows = "repaired_rows"
        case failedRows = "failed_rows", tablesWithFailures = "tables_with_failures"
    }
}

public struct NamedCount: Sendable, Hashable, Codable {
    public var name: String
    public var count: Int
}
