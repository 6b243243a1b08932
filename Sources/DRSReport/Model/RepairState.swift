/// Whether a repair statement was executed, and how it went (`repair_sql_state`).
public enum RepairState: Sendable, Hashable, InterpretedValue {
    case succeeded
    case failed
    case running
    case notExecuted
    case unknown(String)

    public var name: String {
        switch self {
        case .succeeded: return "succeeded"
        case .failed: return "failed"
        case .running: return "running"
        case .notExecuted: return "not_executed"
        case .unknown: return "unknown"
        }
    }

    /// A failed statement leaves the rows different; one not (yet) run leaves the repair incomplete.
    public var category: StatusCategory {
        switch self {
        case .succeeded: return .consistent
        case .failed: return .inconsistent
        case .running, .notExecuted, .unknown: return .incomplete
        }
    }

    public static var fieldType: FieldType { .repairState }

    public static func decoded(name: String, text: String) -> RepairState {
        switch name {
        case "succeeded": return .succeeded
        case "failed": return .failed
        case "running": return .running
        case "not_executed": return .notExecuted
        default: return .unknown(text)
        }
    }
}
