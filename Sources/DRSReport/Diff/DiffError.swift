/// Why two reports cannot be diffed.
public struct DiffError: Error, Sendable, CustomStringConvertible {
    private enum Reason: Sendable {
        case compareTypes(old: String, new: String)
        case scratch(String)
    }

    private let reason: Reason
    public let description: String

    private init(_ reason: Reason, _ description: String) {
        self.reason = reason
        self.description = description
    }

    /// The reports are of different compare types, or one is not a recognised DRS report:
    /// a usage error.
    public var isUsageError: Bool {
        if case .compareTypes = reason { return true }
        return false
    }

    static func compareTypes(old: ComparisonReport, new: ComparisonReport) -> DiffError {
        let name = { (report: ComparisonReport) in report.compareType?.rawValue ?? "unrecognised" }
        return DiffError(.compareTypes(old: name(old), new: name(new)),
                         "cannot diff OLD \(old.file) (\(name(old))) with NEW \(new.file) (\(name(new))): "
                             + (old.compareType == nil || new.compareType == nil
                                ? "both must be DRS comparison reports of one compare type (`drsdiff inspect` shows what was recognised)"
                                : "both must be of the same compare type"))
    }

    static func scratch(_ message: String) -> DiffError { DiffError(.scratch(message), message) }
}
