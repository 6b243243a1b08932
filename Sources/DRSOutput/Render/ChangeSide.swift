import DRSReport

/// One side of a change, read the same way whatever the record's kind: what Markdown describes
/// and what the CSV columns hold.
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

    init(_ record: ReportRecord?) {
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
            message = r.failedRows.map { "\($0) failed rows" }
        case .databaseSummary(let r):
            status = r.status
            message = [r.tablesInconsistent.map { "\($0) inconsistent tables" }, r.tablesUncomparable.map { "\($0) tables not comparable" }]
                .compactMap { $0 }.joined(separator: ", ").nonEmpty
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

    /// `inconsistent: source 1234, destination 1230, difference 4: Inconsistent`, shortened for a table cell.
    static func describe(_ record: ReportRecord?, state: StatusCategory?, entity: DiffEntity) -> String {
        guard let record else {
            guard let state else { return "not in the report" }
            guard entity.presenceIsInconsistency else { return state.rawValue }
            return state == .incomplete ? "not listed: its table was not compared" : "not listed: its table was compared"
        }
        let side = ChangeSide(record)
        var parts: [String] = []
        switch record {
        case .repairProgress(let r):
            parts.append("\(r.failedRows.map(String.init) ?? "?") failed, \(r.repairedRows.map(String.init) ?? "?") repaired of \(r.totalRows.map(String.init) ?? "?") rows")
        case .repairStatement(let r):
            parts.append([r.operation?.text, r.state?.text].compactMap { $0 }.joined(separator: ": "))
        case .valueDifference:
            if side.sourceValue != nil || side.targetValue != nil {
                parts.append("source \(quoted(side.sourceValue)), destination \(quoted(side.targetValue))")
            } else if let kind = side.status?.text {
                parts.append(kind)
            }
        default:
            if side.sourceCount != nil || side.targetCount != nil {
                var counts = "source \(side.sourceCount.map(String.init) ?? "?"), destination \(side.targetCount.map(String.init) ?? "?")"
                if let difference = side.rowDifference { counts += ", difference \(difference)" }
                parts.append(counts)
            }
            if case .objectDifference = record, side.sourceValue != nil || side.targetValue != nil {
                parts.append("source \(quoted(side.sourceValue)), destination \(quoted(side.targetValue))")
            }
            if let status = side.status?.text { parts.append(status) }
            if let message = side.message, !message.isEmpty, message != side.status?.text { parts.append(message) }
        }
        let detail = parts.filter { !$0.isEmpty }.joined(separator: ": ")
        return shortened((state?.rawValue ?? "?") + (detail.isEmpty ? "" : ": " + detail))
    }

    private static func quoted(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "(empty)" }

    /// Long cell texts (SQL, definitions) cut for a Markdown table; JSON and CSV keep everything.
    static func shortened(_ text: String, limit: Int = 120) -> String {
        let line = TextTable.oneLine(text)
        return line.count <= limit ? line : String(line.prefix(limit - 1)) + "…"
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
