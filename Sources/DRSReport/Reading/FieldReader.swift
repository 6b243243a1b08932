import XLSXReader

/// Reads the rows of one section by its kind's field table: each field from the column of its
/// concept, interpreted as the field's type says (counts parsed from the cell bytes, words looked
/// up by their bytes); every other non-empty cell is kept as an extra cell. Cells under unmatched
/// headers, cells right of the header, and cells that do not read as their concept expects (`n/a`
/// under a row count) are the extra cells. One reading serves every consumer: typed records
/// (``RecordReader``), the writers, the summary.
package final class FieldReader {
    /// What one field holds for the row just read.
    package enum Slot: Equatable {
        case empty
        /// The text of the cell at this position.
        case text(Int)
        case count(Int64)
        case percent(Double)
        /// An entry of the field's ``WordCache``.
        case word(Int32)
    }

    package let kind: SectionKind
    package let fields: [any AnyField]
    private let types: [FieldType]
    /// For each column, the field read from it, or -1.
    private let fieldAtColumn: [Int]
    /// For each concept (by ordinal), the field read from it, or -1.
    private let positionOfConcept: [Int]
    /// Every header cell's text by column, matched or not.
    package let headers: [Int: String]
    /// The header's bytes by column (nil where the header row has no text), and how many there are.
    private let headerBytes: [[UInt8]?]
    private let headerCount: Int
    private var caches: [WordCache?]
    /// Per field, what the row just read holds. Behind a pointer: it is written for every cell,
    /// and an array property would pay an exclusivity check and a uniqueness check each time.
    private let slotStorage: UnsafeMutableBufferPointer<Slot>
    /// Positions of the row's non-empty cells that no field took, in column order.
    package private(set) var extras: [Int] = []

    /// Per field, what the row just read holds.
    package var slots: UnsafeBufferPointer<Slot> { UnsafeBufferPointer(slotStorage) }

    package init(section: ReportSection, vocabulary: Vocabulary) {
        kind = section.kind
        fields = section.kind.fields
        var columnOf: [ColumnConcept: Int] = [:]
        var headers: [Int: String] = [:]
        for column in section.columns {
            headers[column.index] = column.header
            if let concept = column.concept { columnOf[concept] = column.index }
        }
        var fieldAtColumn = [Int](repeating: -1, count: (columnOf.values.max() ?? -1) + 1)
        var positionOfConcept = [Int](repeating: -1, count: ColumnConcept.allCases.count)
        for (position, field) in fields.enumerated() {
            guard let concept = field.concept else { continue }
            positionOfConcept[concept.ordinal] = position
            if let column = columnOf[concept] { fieldAtColumn[column] = position }
        }
        self.fieldAtColumn = fieldAtColumn
        self.positionOfConcept = positionOfConcept
        types = fields.map(\.type)
        self.headers = headers
        var headerBytes = [[UInt8]?](repeating: nil, count: (headers.keys.max() ?? -1) + 1)
        for (column, header) in headers { headerBytes[column] = Array(header.utf8) }
        self.headerBytes = headerBytes
        headerCount = headers.count
        let values = vocabulary.values
        let objects = section.kind.recordType.readsObjectStatusCodes
        // Words recognition learned from the rows (``ColumnMapping/learned``), by concept.
        var learned: [ColumnConcept: [String: String]] = [:]
        for column in section.columns {
            guard let concept = column.concept, let words = column.learned else { continue }
            for word in words where word.value != "unknown" { learned[concept, default: [:]][word.text] = word.value }
        }
        caches = fields.map { field in
            FieldReader.cache(for: field.type, values, objects: objects, learned: field.concept.flatMap { learned[$0] } ?? [:])
        }
        slotStorage = .allocate(capacity: fields.count)
        slotStorage.initialize(repeating: .empty)
    }

    deinit { slotStorage.deallocate() }

    /// The column's word cache. A word in `learned` (text → name) reads as what recognition
    /// learned it means, marked inferred.
    private static func cache(for type: FieldType, _ values: ValueVocabulary, objects: Bool, learned: [String: String]) -> WordCache? {
        func entry<Value: InterpretedValue>(_ value: Value, _ text: String, _ category: StatusCategory?, inferred: Bool = false) -> WordCache.Entry {
            let interpreted = Interpreted(value, text: text, inferred: inferred)
            return WordCache.Entry(value: interpreted, reading: interpreted, category: category)
        }
        func read<Value: InterpretedValue>(_ text: String, _ known: (String) -> Value, _ category: (Value) -> StatusCategory?) -> WordCache.Entry {
            if let name = learned[text] {
                let value = Value.decoded(name: name, text: text)
                return entry(value, text, category(value), inferred: true)
            }
            let value = known(text)
            return entry(value, text, category(value))
        }
        switch type {
        case .status: return WordCache { read($0, { values.status(text: $0, objects: objects) }, { $0.category }) }
        case .objectType: return WordCache { entry(values.objectType($0), $0, nil) }
        case .differenceKind: return WordCache { read($0, values.differenceKind, { _ in nil }) }
        case .repairOperation: return WordCache { read($0, values.operation, { _ in nil }) }
        case .repairState: return WordCache { text in let state = values.repairState(text); return entry(state, text, state.category) }
        case .existence: return WordCache { read($0, values.existence, { $0.category }) }
        case .text, .count, .percent, .texts: return nil
        }
    }

    /// Reads `row` into ``slots`` and ``extras``.
    package func read(_ row: some RowCells) {
        for position in slotStorage.indices { slotStorage[position] = .empty }
        extras.removeAll(keepingCapacity: true)
        for position in 0..<row.count {
            let column = row.column(position)
            let field = column < fieldAtColumn.count ? fieldAtColumn[column] : -1
            let slot = field >= 0 ? read(row, position, field: field) : .empty
            if slot != .empty {
                slotStorage[field] = slot
            } else if row.kind(position) != .text || row.withText(position, { !$0.isEmpty }) {
                extras.append(position)
            }
        }
    }

    private func read(_ row: some RowCells, _ position: Int, field: Int) -> Slot {
        switch types[field] {
        case .text:
            return row.kind(position) != .text || row.withText(position, { !$0.isEmpty }) ? .text(position) : .empty
        case .count:
            switch row.kind(position) {
            case .number:
                guard case .number(let number) = row.value(position) else { return .empty }
                return CountParser.count(number: number).map(Slot.count) ?? .empty
            case .text:
                return row.withText(position) { CountParser.count(utf8: $0) }.map(Slot.count) ?? .empty
            default:
                return .empty
            }
        case .percent:
            return CountParser.percent(row.value(position)).map(Slot.percent) ?? .empty
        case .status, .objectType, .differenceKind, .repairOperation, .repairState, .existence:
            return row.withText(position) { bytes in bytes.isEmpty ? .empty : .word(caches[field]!.lookup(bytes)) }
        case .texts:
            return .empty
        }
    }

    /// The field read from `concept`, if the kind has one.
    package func position(of concept: ColumnConcept) -> Int? {
        let position = positionOfConcept[concept.ordinal]
        return position >= 0 ? position : nil
    }

    /// The entry a ``Slot/word(_:)`` of field `position` stands for.
    package func word(_ entry: Int32, field position: Int) -> WordCache.Entry {
        caches[position]!.entries[Int(entry)]
    }

    /// A row repeating the header (a continuation sheet's header, or a header repeated mid-sheet).
    package func isHeader(_ row: some RowCells) -> Bool {
        guard headerCount >= 2 else { return false }
        var same = 0
        for position in 0..<row.count where row.kind(position) == .text {
            let column = row.column(position)
            guard column < headerBytes.count, let header = headerBytes[column] else { continue }
            if row.withText(position, { $0.elementsEqual(header) }) { same += 1 }
        }
        return same * 2 >= headerCount
    }

    /// How the row just read counts towards the verdict.
    package var category: StatusCategory? { kind.category(of: self) }
}

extension FieldReader: VerdictInputs {
    package func category(of concept: ColumnConcept) -> StatusCategory? {
        guard let position = position(of: concept), case .word(let entry) = slotStorage[position] else { return nil }
        return word(entry, field: position).category
    }

    package func count(of concept: ColumnConcept) -> Int64? {
        guard let position = position(of: concept), case .count(let count) = slotStorage[position] else { return nil }
        return count
    }
}

// MARK: - Typed records

extension FieldReader {
    /// Which fields a typed record gets.
    package enum Fields {
        /// Every field, and the extra cells.
        case all
        /// What summaries and `check` read: no SQL, values, keys, row filters or extra cells.
        case summary
    }

    /// Concepts of fields that summaries never read: skipped by ``Fields/summary``.
    static let detailConcepts: Set<ColumnConcept> = [
        .selectSQL, .targetSelectSQL, .sourceValue, .targetValue, .keyValues, .sourceKeyValues, .targetKeyValues,
        .column, .repairSQL, .rowFilter,
    ]

    /// The row just read (by ``read(_:)``) as a typed record.
    package func record(_ row: some RowCells, sheet: String, fields wanted: Fields = .all) -> ReportRecord {
        switch kind {
        case .objectSummary: return .objectTypeSummary(build(row, sheet, wanted))
        case .objectDifferences: return .objectDifference(build(row, sheet, wanted))
        case .databaseSummary: return .databaseSummary(build(row, sheet, wanted))
        case .tableRowCounts: return .tableRowCount(build(row, sheet, wanted))
        case .cannotCompare: return .uncomparableTable(build(row, sheet, wanted))
        case .tableValues: return .tableValues(build(row, sheet, wanted))
        case .sampling: return .samplingResult(build(row, sheet, wanted))
        case .valueDifferences: return .valueDifference(build(row, sheet, wanted))
        case .repairProgress: return .repairProgress(build(row, sheet, wanted))
        case .repairStatements: return .repairStatement(build(row, sheet, wanted))
        case .unknown:
            var record = GenericRow(sheet: sheet, row: row.index + 1)
            record.values = FieldReader.texts(of: row)
            return .generic(record)
        }
    }

    private func build<Kind: RecordFields>(_ row: some RowCells, _ sheet: String, _ wanted: Fields) -> Record<Kind> {
        var record = Record<Kind>(sheet: sheet, row: row.index + 1)
        for (position, slot) in slots.enumerated() {
            if wanted == .summary, let concept = fields[position].concept, FieldReader.detailConcepts.contains(concept) { continue }
            switch slot {
            case .empty: continue
            case .text(let cell): record[position] = row.withText(cell) { String(decoding: $0, as: UTF8.self) }
            case .count(let count): record[position] = count
            case .percent(let percent): record[position] = percent
            case .word(let entry): record[position] = word(entry, field: position).value
            }
        }
        if wanted == .all {
            record.extra = extras.map { position in
                let column = row.column(position)
                return ExtraField(column: ColumnMapping.letter(column), header: headers[column] ?? "",
                                  value: row.withText(position) { String(decoding: $0, as: UTF8.self) })
            }
        }
        return record
    }

    /// The row's texts from column A to its last cell, empty strings in the gaps.
    package static func texts(of row: some RowCells) -> [String] {
        guard row.count > 0 else { return [] }
        var texts = [String](repeating: "", count: row.column(row.count - 1) + 1)
        for position in 0..<row.count { texts[row.column(position)] = row.withText(position) { String(decoding: $0, as: UTF8.self) } }
        return texts
    }
}
