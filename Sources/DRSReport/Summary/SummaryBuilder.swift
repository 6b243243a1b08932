/// Accumulates a ``ReportSummary`` from records in one pass. Its memory is counters, the top-N
/// list and one entry per database, object type and table with value differences — never per record.
struct SummaryBuilder {
    private let report: ComparisonReport
    private let top: Int
    private var sections: [SectionKey: SectionTally] = [:]
    /// The tally of the section being read, kept out of ``sections`` while its rows come.
    private var open: (key: SectionKey, tally: SectionTally)?
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
    private var missingDatabases = OrderedTally<String, FixFirstItem>()
    private var missingTables: [FixFirstItem] = []
    private var missingTableCount = 0
    /// Tables counted in ``uncomparableCount`` because a database or the table is missing.
    private var uncomparableMissing = 0
    private var failedObjects: [FailedObject] = []
    private var failedObjectCount = 0
    /// Rows below tables that are no records, said in the notes (a totals line each; notes once per sheet).
    private var skippedNotes: [String] = []
    private var sheetsEndedByNotes: Set<String> = []
    /// Totals lines said one by one up to this many; a report made of many small tables says the rest in one line.
    static let totalsNotesLimit = 20
    private var totalsLines = 0

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

    mutating func add(_ record: some SummaryInputs, in section: ReportSection) {
        let kind = section.kind
        let category = kind.category(of: record)
        let status = SummaryBuilder.status(of: record, kind)
        withTally(of: SectionKey(sheet: section.sheets[0].index)) { tally in
            tally.records += 1
            switch category {
            case .consistent?: tally.consistent += 1
            case .inconsistent?: tally.inconsistent += 1
            case .incomplete?: tally.incomplete += 1
            case nil: break
            }
            if let (name, code, text) = status {
                tally.statuses[name, default: StatusCount(status: name, code: code, text: text, count: 0)].count += 1
            }
        }

        switch kind {
        case .objectSummary:
            let type = SummaryBuilder.typeName(record.word(of: .objectType, as: ObjectType.self))
            objectTypes.update(type, SummaryBuilder.emptyObjectType(type)) {
                $0.sourceCount = record.count(of: .sourceCount)
                $0.targetCount = record.count(of: .targetCount)
                $0.status = record.word(of: .status, as: ComparisonStatus.self)
            }
        case .objectDifferences:
            let type = SummaryBuilder.typeName(record.word(of: .objectType, as: ObjectType.self))
            objectTypes.update(type, SummaryBuilder.emptyObjectType(type)) {
                $0.objects += 1
                if category == .inconsistent { $0.inconsistentObjects += 1 }
                if category == .incomplete { $0.incompleteObjects += 1 }
            }
            if let category, category != .consistent { addFailedObject(record, type: type, category: category) }
        case .databaseSummary:
            let name = record.database ?? ""
            let status = record.word(of: .status, as: ComparisonStatus.self)
            databases.update(name, SummaryBuilder.emptyDatabase(name)) { $0.status = status }
            if let status, status.value.missingDatabase { addMissingDatabase(record, status: status) }
        case .tableRowCounts:
            addTable(record, category, difference: record.rowDifference, status: record.word(of: .status, as: ComparisonStatus.self))
        case .cannotCompare:
            addTable(record, category, difference: nil, status: record.word(of: .status, as: ComparisonStatus.self))
        case .tableValues, .sampling:
            addTable(record, category, difference: record.rowDifference, status: record.worstResult)
        case .valueDifferences:
            differences.total += 1
            switch record.word(of: .differenceKind, as: DifferenceKind.self)?.value {
            case .onlyInSource?: differences.onlyInSource += 1
            case .onlyInTarget?: differences.onlyInTarget += 1
            case .bothDiffer?: differences.bothDiffer += 1
            default: differences.unknownKind += 1
            }
            let table = TableKey(database: record.database, table: record.table)
            differencesByTable.update(table, TableCount(database: table.database, table: table.table, count: 0)) { $0.count += 1 }
        case .repairStatements:
            repairSeen = true
            repair.statements += 1
            let state = record.word(of: .sqlState, as: RepairState.self)
            operations[record.word(of: .operation, as: RepairOperation.self)?.value.name ?? "none", default: 0] += 1
            states[state?.value.name ?? "none", default: 0] += 1
            if state?.value == .failed {
                let table = TableKey(database: record.database, table: record.table)
                failedStatements.update(table, TableCount(database: table.database, table: table.table, count: 0)) { $0.count += 1 }
            }
        case .repairProgress:
            repairSeen = true
            let failed = record.count(of: .failedRows)
            repair.totalRows += record.count(of: .totalRows) ?? 0
            repair.repairedRows += record.count(of: .repairedRows) ?? 0
            repair.failedRows += failed ?? 0
            if let failed, failed > 0 {
                let table = TableKey(database: record.database, table: record.table)
                failedRows.update(table, TableCount(database: table.database, table: table.table, count: 0)) { $0.count += Int(clamping: failed) }
            }
        case .unknown:
            break
        }
    }

    /// A row of `section` that is no record (``TableEnd``).
    mutating func skipped(_ why: TableEnd.Skipped, sheet: String, row: Int, in section: ReportSection) {
        switch why {
        case .totals:
            totalsLines += 1
            if totalsLines <= SummaryBuilder.totalsNotesLimit {
                skippedNotes.append("\(section.kind.rawValue): sheet \"\(sheet)\" row \(row) holds the sums of the rows above and no name: a totals line, not counted")
            }
        case .notes:
            guard sheetsEndedByNotes.insert(sheet).inserted else { return }
            skippedNotes.append("\(section.kind.rawValue): sheet \"\(sheet)\" from row \(row) on: notes below the table after a blank row, not counted")
        }
    }

    private mutating func addTable(_ record: some SummaryInputs, _ category: StatusCategory?, difference: Int64?,
                                   status: Interpreted<ComparisonStatus>?) {
        let database = record.database
        let table = record.table
        let sourceRows = record.count(of: .sourceRows)
        let targetRows = record.count(of: .targetRows)
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
        let reason = SummaryBuilder.reason(record, status)
        if let difference, difference != 0 {
            topTables.offer(TableDifference(database: database, table: table, sourceRows: sourceRows, targetRows: targetRows,
                                            difference: difference, status: status, reason: reason, sheet: record.sheet, row: record.row))
        }
        if category == .incomplete {
            uncomparableCount += 1
            if uncomparable.count < ReportSummary.uncomparableLimit {
                uncomparable.append(UncomparableTable(database: database, table: table, status: status, reason: reason ?? "no reason given",
                                                      sheet: record.sheet, row: record.row))
            }
        }
        if category == .incomplete, let status, status.value.missingDatabase || status.value.missingTable { uncomparableMissing += 1 }
        if let status, status.value.missingDatabase {
            addMissingDatabase(record, status: status)
        } else if let status, status.value.missingTable {
            missingTableCount += 1
            if missingTables.count < ReportSummary.uncomparableLimit {
                missingTables.append(FixFirstItem(kind: .missingTable, database: database, name: table, status: status, reason: reason,
                                                  sheet: record.sheet, row: record.row))
            }
        }
    }

    /// A database missing on a side, once however many of its tables say so.
    private mutating func addMissingDatabase(_ record: some SummaryInputs, status: Interpreted<ComparisonStatus>) {
        let name = record.database ?? ""
        let item = FixFirstItem(kind: .missingDatabase, database: record.database, status: status,
                                reason: SummaryBuilder.reason(record, status), sheet: record.sheet, row: record.row)
        missingDatabases.update(name, item) { _ in }
    }

    private mutating func addFailedObject(_ record: some SummaryInputs, type: String, category: StatusCategory) {
        failedObjectCount += 1
        guard failedObjects.count < ReportSummary.uncomparableLimit else { return }
        let status = record.word(of: .status, as: ComparisonStatus.self)
        failedObjects.append(FailedObject(objectType: type, database: record.database, name: record.text(of: .objectName), status: status,
                                          category: category, reason: SummaryBuilder.reason(record, status), sheet: record.sheet, row: record.row))
    }

    /// The report's message, else its status text; nil when it gives neither.
    private static func reason(_ record: some SummaryInputs, _ status: Interpreted<ComparisonStatus>?) -> String? {
        [record.text(of: .message), status?.text].compactMap { $0 }.first { !$0.isEmpty }
    }

    private mutating func withTally(of key: SectionKey, _ change: (inout SectionTally) -> Void) {
        if open?.key != key {
            if let open { sections[open.key] = open.tally }
            open = (key, sections.removeValue(forKey: key) ?? SectionTally())
        }
        change(&open!.tally)
    }

    func finish() -> ReportSummary {
        var sectionCounts: [SectionCounts] = []
        var notes = report.notes + skippedNotes
        if totalsLines > SummaryBuilder.totalsNotesLimit {
            notes.append("\(totalsLines - SummaryBuilder.totalsNotesLimit) more totals lines, not counted")
        }
        var totals: (judged: Int, inconsistent: Int, incomplete: Int) = (0, 0, 0)
        var tables: (judged: Int, inconsistent: Int) = (0, 0)
        var databaseResults: (inconsistent: Int, incomplete: Int) = (0, 0)
        var objects: (inconsistent: Int, incomplete: Int) = (0, 0)
        var types: (judged: Int, inconsistent: Int, incomplete: Int) = (0, 0, 0)
        var unfinishedRepairs = 0
        var reasons: [String] = []
        for section in report.sections {
            guard section.kind != .unknown else {
                notes.append("sheet \"\(section.sheets[0].name)\" was not recognised: it is written as a generic table")
                continue
            }
            let key = SectionKey(sheet: section.sheets[0].index)
            let tally = (open?.key == key ? open?.tally : sections[key]) ?? SectionTally()
            let statuses = tally.statuses.values.sorted { ($0.code ?? Int.max, $0.status) < ($1.code ?? Int.max, $1.status) }
            sectionCounts.append(SectionCounts(kind: section.kind, sheets: section.sheets.map(\.name), records: tally.records,
                                               consistent: tally.consistent, inconsistent: tally.inconsistent, incomplete: tally.incomplete,
                                               statuses: statuses))
            totals.judged += tally.consistent + tally.inconsistent + tally.incomplete
            totals.inconsistent += tally.inconsistent
            totals.incomplete += tally.incomplete
            // A table is listed once per table-level section (row counts, then values): the most any says.
            if section.kind.isTableLevel {
                tables = (max(tables.judged, tally.consistent + tally.inconsistent + tally.incomplete), max(tables.inconsistent, tally.inconsistent))
            }
            if section.kind == .databaseSummary {
                databaseResults.inconsistent += tally.inconsistent
                databaseResults.incomplete += tally.incomplete
            }
            if section.kind == .objectSummary {
                types.judged += tally.consistent + tally.inconsistent + tally.incomplete
                types.inconsistent += tally.inconsistent
                types.incomplete += tally.incomplete
            }
            if section.kind == .repairStatements { unfinishedRepairs += tally.incomplete }
            if section.kind == .objectDifferences {
                objects.inconsistent += tally.inconsistent
                objects.incomplete += tally.incomplete
            }
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
            verdict: verdict,
            headline: SummaryHeadline(verdict: verdict, missingDatabases: missingDatabases.values.count, missingTables: missingTableCount,
                                      uncomparableTables: uncomparableCount - uncomparableMissing, inconsistentTables: tables.inconsistent,
                                      tables: tables.judged, inconsistentDatabases: databaseResults.inconsistent,
                                      incompleteDatabases: databaseResults.incomplete,
                                      inconsistentObjects: objects.inconsistent, incompleteObjects: objects.incomplete,
                                      objectTypes: types.judged, inconsistentObjectTypes: types.inconsistent, incompleteObjectTypes: types.incomplete,
                                      differingRows: differences.total, failedRepairs: 0, unfinishedRepairs: unfinishedRepairs),
            reasons: reasons, fixFirst: [], fixFirstCount: 0, sections: sectionCounts, databases: databases.values,
            objectTypes: objectTypes.values, failedObjects: failedObjects, failedObjectCount: failedObjectCount,
            topTables: topTables.sorted, uncomparable: uncomparable,
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
            summary.headline.failedRepairs = counts.tablesWithFailures.count
        }
        let fixFirst = FixFirstList(missingDatabases: missingDatabases.values, missingTables: missingTables, summary: summary)
        summary.fixFirst = fixFirst.items
        summary.fixFirstCount = fixFirst.count
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
    private static func status(of record: some SummaryInputs, _ kind: SectionKind) -> (String, Int?, String)? {
        switch kind {
        case .objectSummary, .objectDifferences, .databaseSummary, .tableRowCounts, .cannotCompare:
            return record.word(of: .status, as: ComparisonStatus.self).map { ($0.value.name, $0.value.code, $0.text) }
        case .tableValues, .sampling:
            return record.worstResult.map { ($0.value.name, $0.value.code, $0.text) }
        case .repairStatements:
            return record.word(of: .sqlState, as: RepairState.self).map { ($0.value.name, nil, $0.text) }
        case .valueDifferences, .repairProgress, .unknown:
            return nil
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
    /// Reports list a table's or a database's rows together: the key of the last update is
    /// usually the next one's, and comparing it is cheaper than hashing.
    private var last: (key: Key, position: Int)?

    mutating func update(_ key: Key, _ initial: @autoclosure () -> Value, _ change: (inout Value) -> Void) {
        if let last, last.key == key {
            change(&values[last.position])
        } else if let position = positions[key] {
            last = (key, position)
            change(&values[position])
        } else {
            var value = initial()
            change(&value)
            positions[key] = values.count
            last = (key, values.count)
            values.append(value)
        }
    }
}
