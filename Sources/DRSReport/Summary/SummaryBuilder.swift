/// Accumulates a ``ReportSummary`` from records in one pass. Its memory is counters, the top-N
/// list and one entry per database, object type and table with value differences — never per record.
struct SummaryBuilder {
    private let report: ComparisonReport
    private let top: Int
    private var sections: [SectionKey: SectionTally] = [:]
    private var databases = OrderedTally<String, DatabaseCounts>()
    private var objectTypes = OrderedTally<String, ObjectTypeCounts>()
    private var topTables = TopTables(limit: 0)
    private var uncomparable: [UncomparableTable] = []
    private var uncomparableCount = 0
    private var differences = ValueDifferenceCounts(total: 0, onlyInSource: 0, onlyInTarget: 0, bothDiffer: 0, unknownKind: 0, tables: [])
    private var differencesByTable = OrderedTally<TableKey, TableCount>()
    private var repair = RepairCounts(statements: 0, operations: [], states: [], totalRows: 0, repairedRows: 0, failedRows: 0, tablesWithFailures: [])
    private var repairSeen = false
    private var operations: [String: Int] = [:]
    private var states: [String: Int] = [:]
    private var failedStatements = OrderedTally<TableKey, TableCount>()
    private var failedRows = OrderedTally<TableKey, TableCount>()

    private struct SectionKey: Hashable { let sheet: Int }
    private struct TableKey: Hashable { let database: String?; let table: String? }

    private struct SectionTally {
        var records = 0
        var consistent = 0
        var inconsistent = 0
        var incomplete = 0
        var statuses: [String: StatusCount] = [:]
    }

    init(report: ComparisonReport, top: Int) {
        self.report = report
        self.top = max(0, top)
        topTables = TopTables(limit: self.top)
    }

    mutating func add(_ record: ReportRecord, in section: ReportSection) {
        let key = SectionKey(sheet: section.sheets[0].index)
        var tally = sections[key] ?? SectionTally()
        tally.records += 1
        switch record.category {
        case .consistent?: tally.consistent += 1
        case .inconsistent?: tally.inconsistent += 1
        case .incomplete?: tally.incomplete += 1
        case nil: break
        }
        if let (name, code, text) = SummaryBuilder.status(of: record) {
            tally.statuses[name, default: StatusCount(status: name, code: code, text: text, count: 0)].count += 1
        }
        sections[key] = tally

        switch record {
        case .objectTypeSummary(let r):
            let type = SummaryBuilder.typeName(r.objectType)
            objectTypes.update(type, SummaryBuilder.emptyObjectType(type)) {
                $0.sourceCount = r.sourceCount
                $0.targetCount = r.targetCount
                $0.status = r.status
            }
        case .objectDifference(let r):
            let type = SummaryBuilder.typeName(r.objectType)
            let category = record.category
            objectTypes.update(type, SummaryBuilder.emptyObjectType(type)) {
                $0.objects += 1
                if category == .inconsistent { $0.inconsistentObjects += 1 }
                if category == .incomplete { $0.incompleteObjects += 1 }
            }
        case .databaseSummary(let r):
            let name = r.sourceDatabase ?? r.targetDatabase ?? ""
            databases.update(name, SummaryBuilder.emptyDatabase(name)) { $0.status = r.status }
        case .tableRowCount(let r):
            addTable(record, database: r.sourceDatabase ?? r.targetDatabase, table: r.sourceTable ?? r.targetTable,
                     sourceRows: r.sourceRows, targetRows: r.targetRows, difference: r.rowDifference, status: r.status, message: r.message)
        case .uncomparableTable(let r):
            addTable(record, database: r.sourceDatabase ?? r.targetDatabase, table: r.sourceTable ?? r.targetTable,
                     sourceRows: r.sourceRows, targetRows: r.targetRows, difference: nil, status: r.status, message: r.message)
        case .tableValues(let r):
            addTable(record, database: r.database, table: r.table, sourceRows: r.sourceRows, targetRows: r.targetRows,
                     difference: r.rowDifference, status: r.worstResult, message: r.message)
        case .samplingResult(let r):
            addTable(record, database: r.database, table: r.table, sourceRows: r.sourceRows, targetRows: r.targetRows,
                     difference: r.rowDifference, status: r.worstResult, message: r.message)
        case .valueDifference(let r):
            differences.total += 1
            switch r.kind?.value {
            case .onlyInSource?: differences.onlyInSource += 1
            case .onlyInTarget?: differences.onlyInTarget += 1
            case .bothDiffer?: differences.bothDiffer += 1
            default: differences.unknownKind += 1
            }
            let table = TableKey(database: r.sourceDatabase ?? r.targetDatabase, table: r.sourceTable ?? r.targetTable)
            differencesByTable.update(table, TableCount(database: table.database, table: table.table, count: 0)) { $0.count += 1 }
        case .repairStatement(let r):
            repairSeen = true
            repair.statements += 1
            operations[r.operation?.value.name ?? "none", default: 0] += 1
            states[r.state?.value.name ?? "none", default: 0] += 1
            if r.state?.value == .failed {
                let table = TableKey(database: r.sourceDatabase ?? r.targetDatabase, table: r.sourceTable ?? r.targetTable)
                failedStatements.update(table, TableCount(database: table.database, table: table.table, count: 0)) { $0.count += 1 }
            }
        case .repairProgress(let r):
            repairSeen = true
            repair.totalRows += r.totalRows ?? 0
            repair.repairedRows += r.repairedRows ?? 0
            repair.failedRows += r.failedRows ?? 0
            if let failed = r.failedRows, failed > 0 {
                let table = TableKey(database: r.sourceDatabase ?? r.targetDatabase, table: r.sourceTable ?? r.targetTable)
                failedRows.update(table, TableCount(database: table.database, table: table.table, count: 0)) { $0.count += Int(clamping: failed) }
            }
        case .generic:
            break
        }
    }

    private mutating func addTable(_ record: ReportRecord, database: String?, table: String?, sourceRows: Int64?, targetRows: Int64?,
                                   difference: Int64?, status: Interpreted<ComparisonStatus>?, message: String?) {
        let category = record.category
        let name = database ?? ""
        databases.update(name, SummaryBuilder.emptyDatabase(name)) {
            $0.tables += 1
            switch category {
            case .consistent?: $0.consistent += 1
            case .inconsistent?: $0.inconsistent += 1
            case .incomplete?: $0.incomplete += 1
            case nil: break
            }
            if let difference { $0.rowDifference &+= difference.magnitude > UInt64(Int64.max) ? Int64.max : Int64(difference.magnitude) }
        }
        if let difference, difference != 0 {
            topTables.offer(TableDifference(database: database, table: table, sourceRows: sourceRows, targetRows: targetRows,
                                            difference: difference, status: status, sheet: record.sheet, row: record.row))
        }
        if category == .incomplete {
            uncomparableCount += 1
            if uncomparable.count < ReportSummary.uncomparableLimit {
                let reason = [message, status?.text].compactMap { $0 }.filter { !$0.isEmpty }.first ?? "no reason given"
                uncomparable.append(UncomparableTable(database: database, table: table, status: status, reason: reason, sheet: record.sheet, row: record.row))
            }
        }
    }

    func finish() -> ReportSummary {
        var sectionCounts: [SectionCounts] = []
        var notes = report.notes
        var totals: (judged: Int, inconsistent: Int, incomplete: Int) = (0, 0, 0)
        var reasons: [String] = []
        for section in report.sections {
            guard section.kind != .unknown else {
                notes.append("sheet \"\(section.sheets[0].name)\" was not recognised: it is written as a generic table")
                continue
            }
            let tally = sections[SectionKey(sheet: section.sheets[0].index)] ?? SectionTally()
            let statuses = tally.statuses.values.sorted { ($0.code ?? Int.max, $0.status) < ($1.code ?? Int.max, $1.status) }
            sectionCounts.append(SectionCounts(kind: section.kind, sheets: section.sheets.map(\.name), records: tally.records,
                                               consistent: tally.consistent, inconsistent: tally.inconsistent, incomplete: tally.incomplete,
                                               statuses: statuses))
            totals.judged += tally.consistent + tally.inconsistent + tally.incomplete
            totals.inconsistent += tally.inconsistent
            totals.incomplete += tally.incomplete
            reasons += SummaryBuilder.reasons(section.kind, tally)
        }
        let verdict: StatusCategory
        if totals.judged == 0 {
            verdict = .incomplete
            reasons = ["no comparison results found"]
        } else {
            verdict = totals.incomplete > 0 ? .incomplete : totals.inconsistent > 0 ? .inconsistent : .consistent
        }
        var summary = ReportSummary(
            file: report.file, compareType: report.compareType, language: report.language, metadata: report.metadata,
            verdict: verdict, reasons: reasons, sections: sectionCounts, databases: databases.values,
            objectTypes: objectTypes.values, topTables: topTables.sorted, uncomparable: uncomparable,
            uncomparableCount: uncomparableCount, valueDifferences: nil, repair: nil, notes: notes)
        if differences.total > 0 || report.sections.contains(where: { $0.kind == .valueDifferences }) {
            var counts = differences
            counts.tables = SummaryBuilder.mostFirst(differencesByTable.values)
            summary.valueDifferences = counts
        }
        if repairSeen {
            var counts = repair
            counts.operations = operations.sorted { $0.key < $1.key }.map { NamedCount(name: $0.key, count: $0.value) }
            counts.states = states.sorted { $0.key < $1.key }.map { NamedCount(name: $0.key, count: $0.value) }
            var failures = failedStatements
            for entry in failedRows.values {
                let key = TableKey(database: entry.database, table: entry.table)
                failures.update(key, entry) { $0.count = max($0.count, entry.count) }
            }
            counts.tablesWithFailures = SummaryBuilder.mostFirst(failures.values)
            summary.repair = counts
        }
        return summary
    }

    // MARK: - Helpers

    private static func reasons(_ kind: SectionKind, _ tally: SectionTally) -> [String] {
        let noun: String
        switch kind {
        case .objectSummary: noun = "object types"
        case .objectDifferences: noun = "objects"
        case .databaseSummary: noun = "databases"
        case .valueDifferences: return tally.records > 0 ? ["\(tally.records) differing rows (\(kind.rawValue))"] : []
        case .repairStatements: noun = "repair statements"
        case .cannotCompare: return tally.records > 0 ? ["\(tally.records) tables could not be compared (\(kind.rawValue))"] : []
        default: noun = "tables"
        }
        var lines: [String] = []
        if tally.inconsistent > 0 { lines.append("\(tally.inconsistent) of \(tally.records) \(noun) inconsistent (\(kind.rawValue))") }
        if tally.incomplete > 0 { lines.append("\(tally.incomplete) of \(tally.records) \(noun) incomplete (\(kind.rawValue))") }
        if lines.isEmpty, tally.consistent > 0 { lines.append("all \(tally.consistent) \(noun) consistent (\(kind.rawValue))") }
        return lines
    }

    /// The status a record is counted under in its section.
    private static func status(of record: ReportRecord) -> (String, Int?, String)? {
        func named(_ status: Interpreted<ComparisonStatus>?) -> (String, Int?, String)? {
            status.map { ($0.value.name, $0.value.code, $0.text) }
        }
        switch record {
        case .objectTypeSummary(let r): return named(r.status)
        case .objectDifference(let r): return named(r.status)
        case .databaseSummary(let r): return named(r.status)
        case .tableRowCount(let r), .uncomparableTable(let r): return named(r.status)
        case .tableValues(let r): return named(r.worstResult)
        case .samplingResult(let r): return named(r.worstResult)
        case .repairStatement(let r): return r.state.map { ($0.value.name, nil, $0.text) }
        case .valueDifference, .repairProgress, .generic: return nil
        }
    }

    private static func typeName(_ type: Interpreted<ObjectType>?) -> String {
        guard let type else { return "" }
        if case .known(let code) = type.value { return code }
        return type.text
    }

    private static func emptyObjectType(_ name: String) -> ObjectTypeCounts {
        ObjectTypeCounts(objectType: name, sourceCount: nil, targetCount: nil, status: nil, objects: 0, inconsistentObjects: 0, incompleteObjects: 0)
    }

    private static func emptyDatabase(_ name: String) -> DatabaseCounts {
        DatabaseCounts(database: name, tables: 0, consistent: 0, inconsistent: 0, incomplete: 0, rowDifference: 0, status: nil)
    }

    /// Most first; equal counts keep their first-seen order.
    private static func mostFirst(_ counts: [TableCount]) -> [TableCount] {
        counts.enumerated().sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }.map(\.element)
    }
}

/// A dictionary that remembers the order keys were first seen in.
struct OrderedTally<Key: Hashable, Value> {
    private var positions: [Key: Int] = [:]
    private(set) var values: [Value] = []

    mutating func update(_ key: Key, _ initial: @autoclosure () -> Value, _ change: (inout Value) -> Void) {
        if let position = positions[key] {
            change(&values[position])
        } else {
            var value = initial()
            change(&value)
            positions[key] = values.count
            values.append(value)
        }
    }
}
