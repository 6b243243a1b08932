import DRSReport

/// A diff's reasons in the new report's language, from its counts (the JSON keeps the English
/// `reasons` the diff itself gives): the regressions by kind, which report is incomplete and
/// why (its headline), or that nothing got worse.
struct DiffReasons {
    let regressions: @Sendable (Int) -> String
    /// A regression kind with its count: "2 still inconsistent and larger".
    let regressionKind: @Sendable (ChangeKind, Int) -> String
    /// "the old report is incomplete" / "the new report is incomplete".
    let incomplete: @Sendable (Bool) -> String
    let nothingWorse: String
    let resolved: @Sendable (Int) -> String
    let separator: String
    let colon: String

    static func forLanguage(_ language: ReportLanguage?) -> DiffReasons {
        language == .chinese ? chinese : english
    }

    func lines(_ outcome: DiffOutcome) -> [String] {
        let summary = SummaryLabels.forLanguage(outcome.new.language ?? outcome.old.language)
        var lines: [String] = []
        if outcome.regressions > 0 {
            let parts = ChangeKind.allCases.compactMap { kind in outcome.regressionsByKind[kind].map { regressionKind(kind, $0) } }
            lines.append(regressions(outcome.regressions) + (parts.isEmpty ? "" : colon + parts.joined(separator: separator)))
        }
        for (old, side) in [(true, outcome.old), (false, outcome.new)] where side.verdict == .incomplete {
            lines.append(incomplete(old) + (side.headline.map { colon + summary.reasons($0, judged: true) } ?? ""))
        }
        if lines.isEmpty {
            let resolvedCount = outcome.count(of: .resolved)
            lines.append(nothingWorse + (resolvedCount > 0 ? resolved(resolvedCount) : ""))
        }
        return lines
    }

    static let english = DiffReasons(
        regressions: { "\($0) \($0 == 1 ? "regression" : "regressions")" },
        regressionKind: { kind, count in
            switch kind {
            case .added: return "\(count) added and not consistent"
            case .stillInconsistent: return "\(count) still inconsistent and larger"
            default: return "\(count) " + kind.words
            }
        },
        incomplete: { old in "the \(old ? "old" : "new") report is incomplete" },
        nothingWorse: "nothing got worse", resolved: { " (\($0) resolved)" }, separator: ", ", colon: ": ")

    static let chinese = DiffReasons(
        regressions: { "\($0) 项变差" },
        regressionKind: { kind, count in
            switch kind {
            case .added: return "新增且不一致 \(count) 项"
            case .stillInconsistent: return "仍不一致且差异变大 \(count) 项"
            default: return (HTMLDiffLabels.chinese.changes[kind] ?? kind.words) + " \(count) 项"
            }
        },
        incomplete: { old in old ? "旧报告未完成" : "新报告未完成" },
        nothingWorse: "没有变差", resolved: { "（已解决 \($0) 项）" }, separator: "，", colon: "：")
}
