/// What a repair statement does to the destination row.
public enum RepairOperation: Sendable, Hashable, InterpretedValue {
    case insert
    case update
    case delete
    case unknown(String)

    public var name: String {
        switch self {
        case .insert: return "insert"
        case .update: return "update"
        case .delete: return "delete"
        case .unknown: return "unknown"
        }
    }

    public static var fieldType: FieldType { .repairOperation }

    public static func decoded(name: String, text: String) -> RepairOperation {
        switch name {
        case "insert": return .insert
        case "update": return .update
        case "delete": return .delete
        default: return .unknown(text)
        }
    }
}
