/// Whether an object exists on one side of an object comparison, read from cells such as
/// `Exists` / `Missing`, `Yes` / `No`, `存在` / `不存在`, `√` / `×`; anything else keeps its text.
public enum ObjectExistence: Sendable, Hashable, InterpretedValue {
    case exists
    case missing
    case unknown(String)

    /// `exists`, `missing` or `unknown`.
    public var name: String {
        switch self {
        case .exists: return "exists"
        case .missing: return "missing"
        case .unknown: return "unknown"
        }
    }

    /// An object missing on one side is a difference; present on both sides says nothing of its definition.
    public var category: StatusCategory? {
        switch self {
        case .exists: return nil
        case .missing: return .inconsistent
        case .unknown: return .incomplete
        }
    }

    public static var fieldType: FieldType { .existence }

    public static func decoded(name: String, text: String) -> ObjectExistence {
        switch name {
        case "exists": return .exists
        case "missing": return .missing
        default: return .unknown(text)
        }
    }
}
