/// Where a differing row was found: DRS counts rows only in the source (`target_meta_is_null`),
/// only in the destination (`source_meta_is_null`) and in both with different values
/// (`source_target_meta_not_null`).
public enum DifferenceKind: Sendable, Hashable, InterpretedValue {
    case onlyInSource
    case onlyInTarget
    case bothDiffer
    case unknown(String)

    public var name: String {
        switch self {
        case .onlyInSource: return "only_in_source"
        case .onlyInTarget: return "only_in_target"
        case .bothDiffer: return "both_differ"
        case .unknown: return "unknown"
        }
    }

    public static var fieldType: FieldType { .differenceKind }

    public static func decoded(name: String, text: String) -> DifferenceKind {
        switch name {
        case "only_in_source": return .onlyInSource
        case "only_in_target": return .onlyInTarget
        case "both_differ": return .bothDiffer
        default: return .unknown(text)
        }
    }
}
