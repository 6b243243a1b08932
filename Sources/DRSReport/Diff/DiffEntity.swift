/// What a diff entry is: the thing two reports are compared on. Each recognised section kind
/// feeds one entity; records of one entity are paired across the reports by their ``DiffKey``.
public enum DiffEntity: String, Sendable, Hashable, Codable, CaseIterable {
    /// A database-level line (`database_summary`).
    case database
    /// A table: its row-count, value or sampling result, its "cannot be compared" entry, or its
    /// repair progress. A table moving from the results to the "cannot be compared" sheet is the
    /// same entry.
    case table
    /// An object type's counts (`object_summary`).
    case objectType = "object_type"
    /// One object (`object_differences`).
    case object
    /// One differing row, or one differing column of a row (`value_differences`).
    case valueDifference = "value_difference"
    /// One repair statement (`repair_statements`).
    case repairStatement = "repair_statement"

    /// The entity a section's records are, or nil for sections that are not compared (unknown sheets).
    public init?(section kind: SectionKind) {
        switch kind {
        case .databaseSummary: self = .database
        case .tableRowCounts, .tableValues, .sampling, .cannotCompare, .repairProgress: self = .table
        case .objectSummary: self = .objectType
        case .objectDifferences: self = .object
        case .valueDifferences: self = .valueDifference
        case .repairStatements: self = .repairStatement
        case .unknown: return nil
        }
    }

    /// Whether a record's mere presence is the inconsistency, so that its absence means "no
    /// difference" rather than "not in the report": true for differing rows only.
    public var presenceIsInconsistency: Bool { self == .valueDifference }

    /// Coarse to fine: how listings order entries of different entities.
    public var level: Int { DiffEntity.allCases.firstIndex(of: self)! }
}

extension SectionKind {
    /// The order a diff reads sections in: tables before the rows that belong to them (a row's
    /// table must be known to tell "resolved" from "no longer compared"), results before
    /// "cannot be compared" (so duplicates pair result with result).
    var diffOrder: Int {
        switch self {
        case .databaseSummary: return 0
        case .tableRowCounts, .tableValues, .sampling, .repairProgress: return 1
        case .cannotCompare: return 2
        case .objectSummary: return 3
        case .objectDifferences: return 4
        case .repairStatements: return 5
        case .valueDifferences: return 6
        case .unknown: return 7
        }
    }
}
