import DRSReport

/// One side of a change, read the same way whatever the record's kind: what Markdown and the
/// HTML page describe and what the CSV columns hold.
struct ChangeSide {
    /// The record's main result: a table's worst result, a statement's state, a row's difference kind.
    var status: (any AnyInterpreted)?
    /// Rows for tables, objects for object types.
    var sourceCount: Int64?
    var targetCount: Int64?
    var rowDifference: Int64?
    var sourceValue: String?
    var targetValue: String?
    var message: String?

    init(_ record: ReportRecord?, words: Words = .english) {
        guard let record else { return }
        switch record {
        case .tableRowCount(let r), .uncomparableTable(let r):
            (status, sourceCount, targetCount, rowDifference, message) = (r.status, r.sourceRows, r.targetRows, r.rowDifference, r.message)
        case .tableValues(let r):
            (status, sourceCount, targetCount, rowDifference, message) = (r.worstResult, r.sourceRows, r.targetRows, r.rowDifference, r.message)
        case .samplingResult(let r):
            (status, sourceCount, targetCount, rowDifference, message) = (r.worstResult, r.sourceRows, r.targetRows, r.rowDifference, r.message)
        case .repairProgress(let r):
            (sourceCount, targetCount) = (r.totalRows, r.repairedRows)
            message = r.failedRows.map(words.failedRows)
        case .databaseSummary(let r):
            status = r.status
            message = [r.tablesInconsistent.map(words.inconsistentTables), r.tablesUncomparable.map(words.tablesNotComparable)]
                .compactMap { $0 }.joined(separator: words.listSeparator).nonEmpty
        case .objectTypeSummary(let r):
            (status, sourceCount, targetCount) = (r.status, r.sourceCount, r.targetCount)
        case .objectDifference(let r):
            (status, sourceValue, targetValue, message) = (r.status, r.sourceValue, r.targetValue, r.message)
        case .valueDifference(let r):
            (status, sourceValue, targetValue) = (r.kind, r.sourceValue, r.targetValue)
        case .repairStatement(let r):
            status = r.state
            message = r.operation.map { $0.text }
        case .generic:
            break
        }
    }

    /// One side of a change in words, without its state: `source 1234, destination 1230,
    /// difference 4: Inconsistent`; for the side without a record, why it has none (`not in the
    /// report`, `not listed: its table was compared`). Not shortened.
    static func detail(_ record: ReportRecord?, state: StatusCategory?, entity: DiffEntity, words: Words = .english) -> String {
        guard let record else {
            guard let state else { return words.notInReport }
            guard entity.presenceIsInconsistency else { return words.state(state) }
            return words.notListed(state != .incomplete)
        }
        let side = ChangeSide(record, words: words)
        var parts: [String] = []
        switch record {
        case .repairProgress(let r):
            parts.append(words.repair(r.failedRows, r.repairedRows, r.totalRows))
        case .repairStatement(let r):
            parts.append([r.operation?.text, r.state?.text].compactMap { $0 }.joined(separator: words.separator))
        case .valueDifference:
            if side.sourceValue != nil || side.targetValue != nil {
                parts.append(words.values(side.sourceValue, side.targetValue))
            } else if let kind = side.status?.text {
                parts.append(kind)
            }
        default:
            if side.sourceCount != nil || side.targetCount != nil {
                parts.append(words.counts(side.sourceCount, side.targetCount, side.rowDifference))
            }
            if case .objectDifference = record, side.sourceValue != nil || side.targetValue != nil {
                parts.append(words.values(side.sourceValue, side.targetValue))
            }
            if let status = side.status?.text { parts.append(status) }
            if let message = side.message, !message.isEmpty, message != side.status?.text { parts.append(message) }
        }
        return parts.filter { !$0.isEmpty }.joined(separator: words.separator)
    }

    /// The words a side is described in: English for Markdown and CSV, or the language of an HTML page.
    struct Words: Sendable {
        let notInReport: String
        /// A differing row a report does not list: `true` when its table was compared.
        let notListed: @Sendable (Bool) -> String
        let state: @Sendable (StatusCategory) -> String
        /// Source rows (or objects), destination rows, row difference.
        let counts: @Sendable (Int64?, Int64?, Int64?) -> String
        /// A cell's source and destination values.
        let values: @Sendable (String?, String?) -> String
        /// A repair progress line: failed, repaired and total rows.
        let repair: @Sendable (Int64?, Int64?, Int64?) -> String
        let failedRows: @Sendable (Int64) -> String
        let inconsistentTables: @Sendable (Int64) -> String
        let tablesNotComparable: @Sendable (Int64) -> String
        /// Between the parts of a description, and between the items of a list.
        let separator: String
        let listSeparator: String

        static let english = Words(
            notInReport: "not in the report",
            notListed: { compared in compared ? "not listed: its table was compared" : "not listed: its table was not compared" },
            state: { $0.rawValue },
            counts: { source, target, difference in
                "source \(number(source)), destination \(number(target))" + (difference.map { ", difference \($0)" } ?? "")
            },
            values: { source, target in "source \(quoted(source)), destination \(quoted(target))" },
            repair: { failed, repaired, total in "\(number(failed)) failed, \(number(repaired)) repaired of \(number(total)) rows" },
            failedRows: { "\($0) failed rows" },
            inconsistentTables: { "\($0) inconsistent tables" },
            tablesNotComparable: { "\($0) tables not comparable" },
            separator: ": ", listSeparator: ", ")

        static let chinese = Words(
            notInReport: "报告中没有",
            notListed: { compared in compared ? "未列出：其表已对比" : "未列出：其表未能对比" },
            state: { state in
                switch state {
                case .consistent: return "一致"
                case .inconsistent: return "不一致"
                case .incomplete: return "未完成"
                }
            },
            counts: { source, target, difference in
                "源库 \(number(source))，目标库 \(number(target))" + (difference.map { "，差异 \($0)" } ?? "")
            },
            values: { source, target in "源库值 \(quoted(source, empty: "（空）"))，目标库值 \(quoted(target, empty: "（空）"))" },
            repair: { failed, repaired, total in "失败 \(number(failed)) 行，已修复 \(number(repaired)) 行，共 \(number(total)) 行" },
            failedRows: { "失败 \($0) 行" },
            inconsistentTables: { "不一致的表 \($0) 个" },
            tablesNotComparable: { "无法对比的表 \($0) 个" },
            separator: "：", listSeparator: "，")

        private static func number(_ value: Int64?) -> String { value.map(String.init) ?? "?" }

        private static func quoted(_ value: String?, empty: String = "(empty)") -> String { value.map { "\"\($0)\"" } ?? empty }
    }

    /// Long cell texts (SQL, definitions) cut for a Markdown table; JSON and CSV keep everything.
    static func shortened(_ text: String, limit: Int = 120) -> String {
        let line = TextTable.oneLine(text)
        return line.count <= limit ? line : String(line.prefix(limit - 1)) + "…"
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
