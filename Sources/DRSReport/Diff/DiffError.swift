#if canImport(FoundationEssentials)
import protocol FoundationEssentials.LocalizedError
#else
import protocol Foundation.LocalizedError
#endif

/// Why two reports cannot be diffed, or why a diff could not go on. `description` (and
/// `localizedDescription`) is the sentence the CLI prints after `drsdiff: error: `.
public struct DiffError: Error, Sendable, CustomStringConvertible, LocalizedError {
    private enum Reason: Sendable {
        case compareTypes(old: String, new: String)
        case lostKey
        case scratch(String)
    }

    private let reason: Reason
    public let description: String

    private init(_ reason: Reason, _ description: String) {
        self.reason = reason
        self.description = description
    }

    public var errorDescription: String? { description }

    /// The reports are of different compare types, or one is not a recognised DRS report:
    /// a usage error. Otherwise the diff's temporary file could not be created, written or read.
    public var isUsageError: Bool {
        switch reason {
        case .compareTypes, .lostKey: return true
        case .scratch: return false
        }
    }

    static func compareTypes(old: ComparisonReport, new: ComparisonReport) -> DiffError {
        let name = { (report: ComparisonReport) in report.compareType?.rawValue ?? "unrecognised" }
        return DiffError(.compareTypes(old: name(old), new: name(new)),
                         "cannot diff OLD \(old.file) (\(name(old))) with NEW \(new.file) (\(name(new))): "
                             + (old.compareType == nil || new.compareType == nil
                                ? "both must be DRS comparison reports of one compare type (`drsdiff inspect` shows what was recognised)"
                                : "both must be of the same compare type"))
    }

    /// A section whose entries are keyed by table has no table column: its entries could only be
    /// paired by database, and every table would show as removed and added.
    static func lostKey(_ section: ReportSection, in report: ComparisonReport) -> DiffError {
        DiffError(.lostKey, "cannot diff \(report.file): \(section.label) has no column holding the table name, so its entries "
                      + "cannot be paired with the other report's (`drsdiff inspect \(report.file)` shows how its columns were read; "
                      + "a vocabulary file can name the table column)")
    }

    static func scratch(_ message: String) -> DiffError { DiffError(.scratch(message), message) }
}
