import DRSReport

/// The words of a diff's HTML page (``HTMLDiffReport``) around the reports' own text, in the new
/// report's language; the words both pages share (verdict, filter, notes…) are ``HTMLLabels``'.
struct HTMLDiffLabels: Sendable {
    let title: String
    let verdicts: [DiffVerdict: String]
    let changes: [ChangeKind: String]
    /// Singular, for a table cell.
    let entities: [DiffEntity: String]
    /// Plural, for a column of counts.
    let entityColumns: [DiffEntity: String]
    let side: ChangeSide.Words
    let reports: String
    let old: String
    let new: String
    let file: String
    let compareType: String
    let language: String
    let ownVerdict: String
    let entries: String
    let repeatedKeys: String
    let reasons: String
    let changeCounts: String
    let change: String
    let total: String
    let sizeLegend: String
    let worstRegressions: String
    let entry: String
    let database: String
    let tableOrObject: String
    let key: String
    let oldSize: String
    let newSize: String
    let oldSide: String
    let newSide: String
    let regression: String
    let yes: String
    /// The banner's line of counts: "Changes: newly inconsistent 1 · resolved 2".
    let countsLine: String
    /// "The 10 worst of 42 regressions…"
    let worstOf: @Sendable (Int, Int) -> String
    /// "Showing the first 500 of 1,234…; 734 left out…"
    let shownOf: @Sendable (Int, Int, Int) -> String
    /// The banner's line when some change's list was cut: kinds cut, entries left out, the limit.
    let cutBanner: @Sendable (Int, Int, Int) -> String
    /// Markdown's words: the title of several pairs, the headings of changes that are not regressions.
    let severalTitle: String
    let pairs: @Sendable (Int) -> String
    let couldNotDiff: @Sendable (Int, Int) -> String
    let notDiffed: @Sendable (Int) -> String
    let worstOfAll: @Sendable (Int) -> String
    let onlyIn: @Sendable (Bool) -> String
    let error: String
    let regressionsColumn: String
    let regressionsWorstFirst: String
    let stillInconsistentNotLarger: String
    let addedConsistent: String
    let noEntries: String
    /// "12, first 10"
    let countedFirst: @Sendable (Int, Int) -> String

    static func forLanguage(_ language: ReportLanguage?) -> HTMLDiffLabels {
        language == .chinese ? chinese : english
    }

    private static func grouped(_ number: Int) -> String { HTMLLabels.grouped(number) }

    static let english = HTMLDiffLabels(
        title: "DRS comparison diff",
        verdicts: [.noRegressions: "nothing got worse", .regressions: "regressions", .incomplete: "incomplete"],
        changes: Dictionary(uniqueKeysWithValues: ChangeKind.allCases.map { ($0, $0.words) }),
        entities: [.database: "database", .table: "table", .objectType: "object type", .object: "object",
                   .valueDifference: "differing row", .repairStatement: "repair statement"],
        entityColumns: [.database: "databases", .table: "tables", .objectType: "object types", .object: "objects",
                        .valueDifference: "differing rows", .repairStatement: "repair statements"],
        side: .english,
        reports: "Reports", old: "old", new: "new", file: "file", compareType: "compare type", language: "language",
        ownVerdict: "its verdict", entries: "entries", repeatedKeys: "repeated keys", reasons: "reasons",
        changeCounts: "Changes", change: "change", total: "total",
        sizeLegend: "Old and new difference: a table's row difference (failed rows for a repair progress line), a database's inconsistent "
            + "tables, an object type's count difference. Still inconsistent with a larger difference is a regression.",
        worstRegressions: "Worst regressions", entry: "entry", database: "database", tableOrObject: "table or object", key: "key",
        oldSize: "old difference", newSize: "new difference",
        oldSide: "old report", newSide: "new report", regression: "regression", yes: "yes",
        countsLine: "Changes",
        worstOf: { shown, total in
            "The \(grouped(shown)) worst of \(grouped(total)) regressions: databases, then tables, object types, objects, repair statements, "
                + "differing rows; not comparable before inconsistent before added before larger. Each change's table below lists them too."
        },
        shownOf: { shown, total, left in
            "Showing the first \(grouped(shown)) of \(grouped(total)), in the order of the reports. "
                + "\(grouped(left)) left out (drsdiff diff --format json lists them all)."
        },
        cutBanner: { kinds, left, limit in
            "This page lists at most \(grouped(limit)) entries per change: it leaves out \(grouped(left)) entries of \(kinds) "
                + "change\(kinds == 1 ? "" : "s"). The counts cover every entry."
        },
        severalTitle: "DRS comparison diffs", pairs: { "\($0) \($0 == 1 ? "pair" : "pairs")" },
        couldNotDiff: { failures, total in "\(failures) of \(total) could not be diffed" },
        notDiffed: { "\($0) not diffed" }, worstOfAll: { "the worst of \($0)" },
        onlyIn: { old in "only in the \(old ? "old" : "new") directory: not diffed" }, error: "error",
        regressionsColumn: "regressions", regressionsWorstFirst: "Regressions, worst first",
        stillInconsistentNotLarger: "Still inconsistent, not larger", addedConsistent: "Added, consistent",
        noEntries: "No entries in either report.", countedFirst: { count, shown in "\(count), first \(shown)" })

    static let chinese = HTMLDiffLabels(
        title: "DRS 对比报告差异",
        verdicts: [.noRegressions: "没有变差", .regressions: "有变差", .incomplete: "未完成"],
        changes: [.newlyInconsistent: "新出现不一致", .resolved: "已解决", .stillInconsistent: "仍不一致", .newlyNotComparable: "新出现无法对比",
                  .comparedAgain: "重新对比", .stillNotComparable: "仍无法对比", .added: "新增", .removed: "已移除", .unchanged: "未变化"],
        entities: [.database: "数据库", .table: "表", .objectType: "对象类型", .object: "对象", .valueDifference: "差异行", .repairStatement: "修复语句"],
        entityColumns: [.database: "数据库", .table: "表", .objectType: "对象类型", .object: "对象", .valueDifference: "差异行",
                        .repairStatement: "修复语句"],
        side: .chinese,
        reports: "报告", old: "旧", new: "新", file: "文件", compareType: "对比类型", language: "语言",
        ownVerdict: "报告结论", entries: "条目数", repeatedKeys: "重复的键", reasons: "原因",
        changeCounts: "变化", change: "变化", total: "合计",
        sizeLegend: "旧差异与新差异：表的行数差异（修复进度为失败行数）、数据库中不一致的表数、对象类型的数量差异。仍不一致且差异变大即为变差。",
        worstRegressions: "最严重的变差", entry: "条目", database: "数据库", tableOrObject: "表或对象", key: "键",
        oldSize: "旧差异", newSize: "新差异",
        oldSide: "旧报告", newSide: "新报告", regression: "变差", yes: "是",
        countsLine: "变化",
        worstOf: { shown, total in
            "\(grouped(total)) 项变差中最严重的 \(grouped(shown)) 项：先数据库，再表、对象类型、对象、修复语句、差异行；无法对比先于不一致、新增、差异变大。下方各变化的表格也列出它们。"
        },
        shownOf: { shown, total, left in
            "按报告顺序显示 \(grouped(total)) 条中的前 \(grouped(shown)) 条。未显示 \(grouped(left)) 条（drsdiff diff --format json 列出全部）。"
        },
        cutBanner: { kinds, left, limit in
            "本页每种变化最多列出 \(grouped(limit)) 条：\(kinds) 种变化共省略 \(grouped(left)) 条。统计包含全部条目。"
        },
        severalTitle: "DRS 对比报告差异", pairs: { "\($0) 对" },
        couldNotDiff: { failures, total in "\(total) 对中有 \(failures) 对无法比较" },
        notDiffed: { "\($0) 个未比较" }, worstOfAll: { "\($0) 对中最差的结论" },
        onlyIn: { old in old ? "仅在旧目录中：未比较" : "仅在新目录中：未比较" }, error: "错误",
        regressionsColumn: "变差", regressionsWorstFirst: "变差，最严重的在前",
        stillInconsistentNotLarger: "仍不一致，差异未变大", addedConsistent: "新增，一致",
        noEntries: "两份报告中都没有条目。", countedFirst: { count, shown in "共 \(count) 项，显示前 \(shown) 项" })
}
