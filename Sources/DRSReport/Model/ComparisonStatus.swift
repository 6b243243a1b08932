/// A comparison result, as DRS's table status codes define it (`drs-api.md` §3), read from the
/// code, from its en-us or zh-cn text, from the API's enum names or from the short words
/// (Consistent, 一致…). Whatever matches nothing is `unknown` with the text as found.
public enum ComparisonStatus: Sendable, Hashable {
    case inconsistent                 // 0
    case consistent                   // 2
    case targetDatabaseTableMissing   // 3 (in object comparisons, 3 means not finished: inProgress)
    case failed                       // 4
    case inProgress                   // 5
    case waiting                      // 6
    case canceled                     // 7
    case sourceDatabaseEmpty          // 8
    case targetDatabaseEmpty          // 9
    case bothDatabasesEmpty           // 10
    case sourceTableMissing           // 11
    case targetTableMissing           // 12
    case bothTablesMissing            // 13
    case sourceConnectionFailed       // 14
    case targetConnectionFailed       // 15
    case sourceSQLTimeout             // 16
    case targetSQLTimeout             // 17
    case sourceSQLError               // 18
    case targetSQLError               // 19
    case bothDatabasesMissing         // 20
    case sourceDatabaseMissing        // 21
    case targetDatabaseMissing        // 22
    case tooManyRows                  // 23: over 100 million rows, not compared
    case timedOut                     // 27
    /// `CAN_NOT_COMPARE` / 无法对比: no code of its own.
    case cannotCompare
    /// Nothing matched: the text (or undefined code) as found.
    case unknown(String)

    static let known: [ComparisonStatus] = [
        .inconsistent, .consistent, .targetDatabaseTableMissing, .failed, .inProgress, .waiting, .canceled,
        .sourceDatabaseEmpty, .targetDatabaseEmpty, .bothDatabasesEmpty, .sourceTableMissing, .targetTableMissing,
        .bothTablesMissing, .sourceConnectionFailed, .targetConnectionFailed, .sourceSQLTimeout, .targetSQLTimeout,
        .sourceSQLError, .targetSQLError, .bothDatabasesMissing, .sourceDatabaseMissing, .targetDatabaseMissing,
        .tooManyRows, .timedOut, .cannotCompare,
    ]

    /// The DRS code, where the status has one.
    public var code: Int? {
        switch self {
        case .inconsistent: return 0
        case .consistent: return 2
        case .targetDatabaseTableMissing: return 3
        case .failed: return 4
        case .inProgress: return 5
        case .waiting: return 6
        case .canceled: return 7
        case .sourceDatabaseEmpty: return 8
        case .targetDatabaseEmpty: return 9
        case .bothDatabasesEmpty: return 10
        case .sourceTableMissing: return 11
        case .targetTableMissing: return 12
        case .bothTablesMissing: return 13
        case .sourceConnectionFailed: return 14
        case .targetConnectionFailed: return 15
        case .sourceSQLTimeout: return 16
        case .targetSQLTimeout: return 17
        case .sourceSQLError: return 18
        case .targetSQLError: return 19
        case .bothDatabasesMissing: return 20
        case .sourceDatabaseMissing: return 21
        case .targetDatabaseMissing: return 22
        case .tooManyRows: return 23
        case .timedOut: return 27
        case .cannotCompare, .unknown: return nil
        }
    }

    /// The stable snake_case name used in JSON and CSV.
    public var name: String {
        switch self {
        case .inconsistent: return "inconsistent"
        case .consistent: return "consistent"
        case .targetDatabaseTableMissing: return "target_database_table_missing"
        case .failed: return "failed"
        case .inProgress: return "in_progress"
        case .waiting: return "waiting"
        case .canceled: return "canceled"
        case .sourceDatabaseEmpty: return "source_database_empty"
        case .targetDatabaseEmpty: return "target_database_empty"
        case .bothDatabasesEmpty: return "both_databases_empty"
        case .sourceTableMissing: return "source_table_missing"
        case .targetTableMissing: return "target_table_missing"
        case .bothTablesMissing: return "both_tables_missing"
        case .sourceConnectionFailed: return "source_connection_failed"
        case .targetConnectionFailed: return "target_connection_failed"
        case .sourceSQLTimeout: return "source_sql_timeout"
        case .targetSQLTimeout: return "target_sql_timeout"
        case .sourceSQLError: return "source_sql_error"
        case .targetSQLError: return "target_sql_error"
        case .bothDatabasesMissing: return "both_databases_missing"
        case .sourceDatabaseMissing: return "source_database_missing"
        case .targetDatabaseMissing: return "target_database_missing"
        case .tooManyRows: return "too_many_rows"
        case .timedOut: return "timed_out"
        case .cannotCompare: return "cannot_compare"
        case .unknown: return "unknown"
        }
    }

    /// What the status means for a verdict.
    ///
    /// One side missing or empty while the other is not is a difference (inconsistent); both
    /// databases empty is agreement (consistent); failures, timeouts, tasks not run, objects
    /// missing on both sides and anything unknown leave the comparison incomplete.
    public var category: StatusCategory {
        switch self {
        case .consistent, .bothDatabasesEmpty:
            return .consistent
        case .inconsistent, .targetDatabaseTableMissing, .sourceDatabaseEmpty, .targetDatabaseEmpty, .sourceTableMissing,
             .targetTableMissing, .sourceDatabaseMissing, .targetDatabaseMissing:
            return .inconsistent
        default:
            return .incomplete
        }
    }

    /// The status a DRS code stands for; undefined codes (1, 24–26…) are `unknown("24")`.
    /// In object comparisons 3 means "not finished" rather than "destination table missing".
    public init(code: Int, objects: Bool = false) {
        if objects && code == 3 {
            self = .inProgress
            return
        }
        self = ComparisonStatus.known.first { $0.code == code } ?? .unknown(String(code))
    }

    /// The status named by ``name`` (`"target_table_missing"`), or nil.
    public init?(name: String) {
        guard let status = ComparisonStatus.known.first(where: { $0.name == name }) else { return nil }
        self = status
    }
}

/// How a status counts towards a report's verdict.
public enum StatusCategory: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case consistent, inconsistent, incomplete

    /// incomplete > inconsistent > consistent: the worse of two results wins.
    public static func < (a: StatusCategory, b: StatusCategory) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

extension ComparisonStatus: InterpretedValue {
    public static var fieldType: FieldType { .status }

    public static func decoded(name: String, text: String) -> ComparisonStatus {
        ComparisonStatus(name: name) ?? .unknown(text)
    }
}
