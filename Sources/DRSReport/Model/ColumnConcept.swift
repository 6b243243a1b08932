/// What a column of a DRS report means, whatever its header says. The raw values are the stable
/// English names used in JSON, CSV and vocabulary files.
public enum ColumnConcept: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case sourceDatabase = "source_database"
    case targetDatabase = "target_database"
    case sourceTable = "source_table"
    case targetTable = "target_table"
    case sourceRows = "source_rows"
    case targetRows = "target_rows"
    case difference
    case status
    case rowResult = "row_result"
    case valueResult = "value_result"
    case message
    case rowFilter = "row_filter"
    case objectType = "object_type"
    case objectName = "object_name"
    case sourceValue = "source_value"
    case targetValue = "target_value"
    case sourceCount = "source_count"
    case targetCount = "target_count"
    case keyValues = "key_values"
    case sourceKeyValues = "source_key_values"
    case targetKeyValues = "target_key_values"
    case column
    case differenceKind = "difference_kind"
    case selectSQL = "select_sql"
    case targetSelectSQL = "target_select_sql"
    case repairSQL = "repair_sql"
    case operation
    case sqlState = "sql_state"
    case samplingRatio = "sampling_ratio"
    case tablesCompared = "tables_compared"
    case tablesFinished = "tables_finished"
    case tablesInconsistent = "tables_inconsistent"
    case tablesUncomparable = "tables_uncomparable"
    case totalRows = "total_rows"
    case repairedRows = "repaired_rows"
    case failedRows = "failed_rows"
    /// Whether the object exists on each side (object details: "Source" / "目标库" over exists / missing).
    case sourceExists = "source_exists"
    case targetExists = "target_exists"

    public static func < (a: ColumnConcept, b: ColumnConcept) -> Bool { a.ordinal < b.ordinal }

    /// The case's place in declaration order: how per-concept tables index an array instead of
    /// hashing (a case without payload is stored as its declaration index).
    var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    /// Columns read as whole-number counts.
    /// Concepts whose cells are words of a closed vocabulary (results, states, kinds, types, existence).
    var isWordValued: Bool {
        switch self {
        case .status, .rowResult, .valueResult, .sqlState, .operation, .differenceKind, .objectType, .sourceExists, .targetExists:
            return true
        default:
            return false
        }
    }

    var isCount: Bool {
        switch self {
        case .sourceRows, .targetRows, .difference, .sourceCount, .targetCount, .tablesCompared, .tablesFinished,
             .tablesInconsistent, .tablesUncomparable, .totalRows, .repairedRows, .failedRows:
            return true
        default:
            return false
        }
    }
}
