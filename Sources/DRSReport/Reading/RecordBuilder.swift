import XLSXReader

/// Turns the rows of one section into typed records, through the section's column mapping.
/// Cells under unmatched headers, cells right of the header, and cells whose value does not read
/// as their concept expects become ``ExtraField``s.
struct RecordBuilder {
    let kind: SectionKind
    private let columnOf: [ColumnConcept: Int]
    private let headerOf: [Int: String]
    private let values: CachedValues
    /// Words learned from the rows at recognition, by column (see ``ColumnMapping/learned``).
    private let learned: [Int: [String: ComparisonStatus]]
    private let learnedNames: [Int: [String: String]]

    init(section: ReportSection, vocabulary: Vocabulary) {
        kind = section.kind
        var columnOf: [ColumnConcept: Int] = [:]
        var headerOf: [Int: String] = [:]
        var learned: [Int: [String: ComparisonStatus]] = [:]
        var learnedNames: [Int: [String: String]] = [:]
        for column in section.columns {
            headerOf[column.index] = column.header
            if let concept = column.concept { columnOf[concept] = column.index }
            for word in column.learned ?? [] {
                learnedNames[column.index, default: [:]][word.text] = word.value
                if let status = ComparisonStatus(name: word.value) { learned[column.index, default: [:]][word.text] = status }
            }
        }
        self.learnedNames = learnedNames
        self.columnOf = columnOf
        self.headerOf = headerOf
        self.values = CachedValues(vocabulary.values)
        self.learned = learned
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
        switch kind {
        case .objectSummary: return .objectTypeSummary(build(row, sheet))
        case .objectDifferences: return .objectDifference(build(row, sheet))
        case .databaseSummary: return .databaseSummary(build(row, sheet))
        case .tableRowCounts: return .tableRowCount(build(row, sheet))
        case .cannotCompare: return .uncomparableTable(build(row, sheet))
        case .tableValues: return .tableValues(build(row, sheet))
        case .sampling: return .samplingResult(build(row, sheet))
        case .valueDifferences: return .valueDifference(build(row, sheet))
        case .repairProgress: return .repairProgress(build(row, sheet))
        case .repairStatements: return .repairStatement(build(row, sheet))
        case .unknown:
            var record = GenericRow(sheet: sheet, row: row.index + 1)
            record.values = row.texts
            return .generic(record)
        }
    }

    /// Fills each field of the kind's table from the column of its concept.
    private func build<Fields: RecordFields>(_ row: Row, _ sheet: String) -> Record<Fields> {
        var cells = Cells(row: row, columnOf: columnOf, learned: learned)
        var record = Record<Fields>(sheet: sheet, row: row.index + 1)
        for (position, field) in Fields.layout.fields.enumerated() {
            guard let concept = field.concept else { continue }
            switch field.type {
            case .text: record[position] = cells.text(concept)
            case .count: record[position] = cells.count(concept)
            case .percent: record[position] = cells.percent(concept)
            case .status: record[position] = cells.status(concept, values, objects: Fields.readsObjectStatusCodes)
            case .objectType: record[position] = cells.text(concept).map { Interpreted(values.objectType($0), text: $0) }
            case .differenceKind: record[position] = cells.text(concept).map { text in
                learnedName(concept, text).map { Interpreted(DifferenceKind.decoded(name: $0, text: text), text: text, inferred: true) }
                    ?? Interpreted(values.differenceKind(text), text: text)
            }
            case .repairOperation: record[position] = cells.text(concept).map { text in
                learnedName(concept, text).map { Interpreted(RepairOperation.decoded(name: $0, text: text), text: text, inferred: true) }
                    ?? Interpreted(values.operation(text), text: text)
            }
            case .repairState: record[position] = cells.text(concept).map { Interpreted(values.repairState($0), text: $0) }
            case .existence: record[position] = cells.text(concept).map { Interpreted(values.existence($0), text: $0) }
            case .texts: record[position] = row.texts
            }
        }
        record.extra = cells.extras(headers: headerOf)
        return record
    }

    private func learnedName(_ concept: ColumnConcept, _ text: String) -> String? {
        columnOf[concept].flatMap { learnedNames[$0]?[text] }
    }
}

/// One row's cells, read by concept, remembering which were used.
private struct Cells {
    let row: Row
    let columnOf: [ColumnConcept: Int]
    let learned: [Int: [String: ComparisonStatus]]
    private var used: [Int] = []

    init(row: Row, columnOf: [ColumnConcept: Int], learned: [Int: [String: ComparisonStatus]]) {
        self.row = row
        self.columnOf = columnOf
        self.learned = learned
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
        if let words = learned[column], case .text(let text) = value, let status = words[text] {
            return Interpreted(status, text: text, inferred: true)
        }
        return values.status(value, objects: objects)
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
    private var existence: [String: ObjectExistence] = [:]
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
    func existence(_ text: String) -> ObjectExistence { CachedValues.remember(text, in: &existence, values.existence) }
}
