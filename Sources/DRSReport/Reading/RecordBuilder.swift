import XLSXReader

/// Turns the rows of one section into typed records, through the section's column mapping.
/// Cells under unmatched headers, cells right of the header, and cells whose value does not read
/// as their concept expects become ``ExtraField``s.
struct RecordBuilder {
    let kind: SectionKind
    private let columnOf: [ColumnConcept: Int]
    private let headerOf: [Int: String]
    private let values: CachedValues

    init(section: ReportSection, vocabulary: Vocabulary) {
        kind = section.kind
        var columnOf: [ColumnConcept: Int] = [:]
        var headerOf: [Int: String] = [:]
        for column in section.columns {
            headerOf[column.index] = column.header
            if let concept = column.concept { columnOf[concept] = column.index }
        }
        self.columnOf = columnOf
        self.headerOf = headerOf
        self.values = CachedValues(vocabulary.values)
    }

    /// A row repeating the header (a continuation sheet's header, or a header repeated mid-sheet).
    func isHeader(_ row: Row) -> Bool {
        guard headerOf.count >= 2 else { return false }
        var same = 0
        for cell in row.cells {
            guard let header = headerOf[cell.column] else { continue }
            if case .text(let text) = cell.value, text == header { same += 1 }
        }
        return same * 2 >= headerOf.count
    }

    func record(_ row: Row, sheet: String) -> ReportRecord {
        var cells = Cells(row: row, columnOf: columnOf)
        let number = row.index + 1
        let record: ReportRecord
        switch kind {
        case .objectSummary:
            record = .objectTypeSummary(ObjectTypeSummary(
                sheet: sheet, row: number, objectType: cells.objectType(values), sourceCount: cells.count(.sourceCount),
                targetCount: cells.count(.targetCount), status: cells.status(.status, values, objects: true), extra: []))
        case .objectDifferences:
            record = .objectDifference(ObjectDifference(
                sheet: sheet, row: number, objectType: cells.objectType(values), sourceDatabase: cells.text(.sourceDatabase),
                targetDatabase: cells.text(.targetDatabase), objectName: cells.text(.objectName), sourceValue: cells.text(.sourceValue),
                targetValue: cells.text(.targetValue), status: cells.status(.status, values, objects: true), message: cells.text(.message), extra: []))
        case .databaseSummary:
            record = .databaseSummary(DatabaseSummary(
                sheet: sheet, row: number, sourceDatabase: cells.text(.sourceDatabase), targetDatabase: cells.text(.targetDatabase),
                status: cells.status(.status, values), tablesCompared: cells.count(.tablesCompared), tablesFinished: cells.count(.tablesFinished),
                tablesInconsistent: cells.count(.tablesInconsistent), tablesUncomparable: cells.count(.tablesUncomparable), extra: []))
        case .tableRowCounts, .cannotCompare:
            let result = TableRowCountResult(
                sheet: sheet, row: number, sourceDatabase: cells.text(.sourceDatabase), sourceTable: cells.text(.sourceTable),
                targetDatabase: cells.text(.targetDatabase), targetTable: cells.text(.targetTable), sourceRows: cells.count(.sourceRows),
                targetRows: cells.count(.targetRows), difference: cells.count(.difference), status: cells.status(.status, values),
                rowFilter: cells.text(.rowFilter), message: cells.text(.message), extra: [])
            record = kind == .cannotCompare ? .uncomparableTable(result) : .tableRowCount(result)
        case .tableValues, .sampling:
            let result = TableValueResult(
                sheet: sheet, row: number, sourceDatabase: cells.text(.sourceDatabase), sourceTable: cells.text(.sourceTable),
                targetDatabase: cells.text(.targetDatabase), targetTable: cells.text(.targetTable), sourceRows: cells.count(.sourceRows),
                targetRows: cells.count(.targetRows), difference: cells.count(.difference), samplingRatio: cells.percent(.samplingRatio),
                rowResult: cells.status(.rowResult, values), valueResult: cells.status(.valueResult, values),
                status: cells.status(.status, values), message: cells.text(.message), rowFilter: cells.text(.rowFilter), extra: [])
            record = kind == .sampling ? .samplingResult(result) : .tableValues(result)
        case .valueDifferences:
            record = .valueDifference(ValueDifference(
                sheet: sheet, row: number, sourceDatabase: cells.text(.sourceDatabase), sourceTable: cells.text(.sourceTable),
                targetDatabase: cells.text(.targetDatabase), targetTable: cells.text(.targetTable),
                kind: cells.text(.differenceKind).map { Interpreted(values.differenceKind($0), text: $0) },
                keyValues: cells.text(.keyValues), sourceKeyValues: cells.text(.sourceKeyValues), targetKeyValues: cells.text(.targetKeyValues),
                column: cells.text(.column), sourceValue: cells.text(.sourceValue), targetValue: cells.text(.targetValue),
                selectSQL: cells.text(.selectSQL), targetSelectSQL: cells.text(.targetSelectSQL), extra: []))
        case .repairProgress:
            record = .repairProgress(RepairProgress(
                sheet: sheet, row: number, sourceDatabase: cells.text(.sourceDatabase), sourceTable: cells.text(.sourceTable),
                targetDatabase: cells.text(.targetDatabase), targetTable: cells.text(.targetTable), totalRows: cells.count(.totalRows),
                repairedRows: cells.count(.repairedRows), failedRows: cells.count(.failedRows), extra: []))
        case .repairStatements:
            record = .repairStatement(RepairStatement(
                sheet: sheet, row: number, sourceDatabase: cells.text(.sourceDatabase), sourceTable: cells.text(.sourceTable),
                targetDatabase: cells.text(.targetDatabase), targetTable: cells.text(.targetTable),
                sourceKeyValues: cells.text(.sourceKeyValues), targetKeyValues: cells.text(.targetKeyValues), keyValues: cells.text(.keyValues),
                operation: cells.text(.operation).map { Interpreted(values.operation($0), text: $0) }, sql: cells.text(.repairSQL),
                state: cells.text(.sqlState).map { Interpreted(values.repairState($0), text: $0) }, extra: []))
        case .unknown:
            return .generic(GenericRow(sheet: sheet, row: number, values: row.texts))
        }
        return record.withExtra(cells.extras(headers: headerOf))
    }
}

/// One row's cells, read by concept, remembering which were used.
private struct Cells {
    let row: Row
    let columnOf: [ColumnConcept: Int]
    private var used: [Int] = []

    init(row: Row, columnOf: [ColumnConcept: Int]) {
        self.row = row
        self.columnOf = columnOf
    }

    private func value(_ concept: ColumnConcept) -> (column: Int, value: CellValue)? {
        guard let column = columnOf[concept] else { return nil }
        let value = row[column]
        return value.isEmpty ? nil : (column, value)
    }

    mutating func text(_ concept: ColumnConcept) -> String? {
        guard let (column, value) = value(concept) else { return nil }
        used.append(column)
        return value.text
    }

    mutating func count(_ concept: ColumnConcept) -> Int64? {
        guard let (column, value) = value(concept), let count = CountParser.count(value) else { return nil }
        used.append(column)
        return count
    }

    mutating func percent(_ concept: ColumnConcept) -> Double? {
        guard let (column, value) = value(concept), let percent = CountParser.percent(value) else { return nil }
        used.append(column)
        return percent
    }

    mutating func status(_ concept: ColumnConcept, _ values: CachedValues, objects: Bool = false) -> Interpreted<ComparisonStatus>? {
        guard let (column, value) = value(concept) else { return nil }
        used.append(column)
        return values.status(value, objects: objects)
    }

    mutating func objectType(_ values: CachedValues) -> Interpreted<ObjectType>? {
        text(.objectType).map { Interpreted(values.objectType($0), text: $0) }
    }

    func extras(headers: [Int: String]) -> [ExtraField] {
        var extras: [ExtraField] = []
        for cell in row.cells where !used.contains(cell.column) {
            let text = cell.value.text
            guard !text.isEmpty else { continue }
            extras.append(ExtraField(column: ColumnMapping.letter(cell.column), header: headers[cell.column] ?? "", value: text))
        }
        return extras
    }
}

extension ReportRecord {
    func withExtra(_ extra: [ExtraField]) -> ReportRecord {
        guard !extra.isEmpty else { return self }
        switch self {
        case .objectTypeSummary(var r): r.extra = extra; return .objectTypeSummary(r)
        case .objectDifference(var r): r.extra = extra; return .objectDifference(r)
        case .databaseSummary(var r): r.extra = extra; return .databaseSummary(r)
        case .tableRowCount(var r): r.extra = extra; return .tableRowCount(r)
        case .uncomparableTable(var r): r.extra = extra; return .uncomparableTable(r)
        case .tableValues(var r): r.extra = extra; return .tableValues(r)
        case .samplingResult(var r): r.extra = extra; return .samplingResult(r)
        case .valueDifference(var r): r.extra = extra; return .valueDifference(r)
        case .repairProgress(var r): r.extra = extra; return .repairProgress(r)
        case .repairStatement(var r): r.extra = extra; return .repairStatement(r)
        case .generic: return self
        }
    }
}

/// The value vocabulary with a memory of texts already read: a million rows repeat a handful of
/// statuses and kinds, and normalising each one anew would dominate the time per row.
final class CachedValues {
    private let values: ValueVocabulary
    private var statuses: [String: ComparisonStatus] = [:]
    private var objectStatuses: [String: ComparisonStatus] = [:]
    private var kinds: [String: DifferenceKind] = [:]
    private var operations: [String: RepairOperation] = [:]
    private var states: [String: RepairState] = [:]
    private var types: [String: ObjectType] = [:]
    /// Distinct texts remembered per vocabulary: a column of free text must not grow the cache.
    private static let limit = 512

    init(_ values: ValueVocabulary) { self.values = values }

    private static func remember<V>(_ text: String, in cache: inout [String: V], _ read: (String) -> V) -> V {
        if let known = cache[text] { return known }
        let value = read(text)
        if cache.count < limit { cache[text] = value }
        return value
    }

    func status(_ value: CellValue, objects: Bool) -> Interpreted<ComparisonStatus>? {
        guard case .text(let text) = value, !text.isEmpty else { return values.status(value, objects: objects) }
        let status = objects ? CachedValues.remember(text, in: &objectStatuses) { values.status(text: $0, objects: true) }
            : CachedValues.remember(text, in: &statuses) { values.status(text: $0, objects: false) }
        return Interpreted(status, text: text)
    }

    func differenceKind(_ text: String) -> DifferenceKind { CachedValues.remember(text, in: &kinds, values.differenceKind) }
    func operation(_ text: String) -> RepairOperation { CachedValues.remember(text, in: &operations, values.operation) }
    func repairState(_ text: String) -> RepairState { CachedValues.remember(text, in: &states, values.repairState) }
    func objectType(_ text: String) -> ObjectType { CachedValues.remember(text, in: &types, values.objectType) }
}
