/// How an entry changed between the old and the new report. The state of an entry on one side is
/// its ``StatusCategory`` (a record whose result says nothing either way counts as incomplete),
/// or absent.
public enum ChangeKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Consistent before (or, for a differing row, not listed while its table was compared), inconsistent now.
    case newlyInconsistent = "newly_inconsistent"
    /// Inconsistent before, consistent now (for a differing row: no longer listed, its table compared).
    case resolved
    /// Inconsistent on both sides; the change carries both records, so both differences.
    case stillInconsistent = "still_inconsistent"
    /// Compared before (consistent or not), not comparable now: failed, timed out, not run, or
    /// (for a differing row) its table could not be compared this time.
    case newlyNotComparable = "newly_not_comparable"
    /// Not comparable before, compared now (consistent or not).
    case comparedAgain = "compared_again"
    /// Not comparable on both sides.
    case stillNotComparable = "still_not_comparable"
    /// Only in the new report (for a differing row: its table was not in the old report).
    case added
    /// Only in the old report (for a differing row: its table is not in the new report).
    case removed
    /// Consistent on both sides: counted, listed only on request.
    case unchanged

    /// The kind in words: `newly inconsistent`.
    public var words: String { String(rawValue.map { $0 == "_" ? " " : $0 }) }

    /// Classifies an entry by its state on each side (nil: absent).
    static func of(old: StatusCategory?, new: StatusCategory?) -> ChangeKind {
        switch (old, new) {
        case (nil, nil): return .unchanged
        case (nil, _): return .added
        case (_, nil): return .removed
        case (.consistent?, .consistent?): return .unchanged
        case (.consistent?, .inconsistent?): return .newlyInconsistent
        case (.inconsistent?, .consistent?): return .resolved
        case (.inconsistent?, .inconsistent?): return .stillInconsistent
        case (.incomplete?, .incomplete?): return .stillNotComparable
        case (.incomplete?, _): return .comparedAgain
        case (_, .incomplete?): return .newlyNotComparable
        }
    }
}

/// What a diff says as a whole, in the style of `check`'s verdicts.
public enum DiffVerdict: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Nothing got worse (exit 0).
    case noRegressions = "no_regressions"
    /// Something got worse (exit 1): see ``DiffChange/isRegression``.
    case regressions
    /// Either report is incomplete (exit 2): a comparison that did not finish cannot vouch for
    /// what did not change. Wins over `regressions`, as `incomplete` wins in `check`.
    case incomplete

    public static func < (a: DiffVerdict, b: DiffVerdict) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
