import DRSReport
import XLSXReader

/// Writes the row a ``FieldReader`` just read as a `drsdiff.report/v1` record (``RecordJSON``'s
/// syntax), straight from the cell bytes and the reader's slots: no `String` or dictionary per
/// cell. Everything constant per section (member names, the kind, each interpreted word's JSON)
/// is encoded once.
final class JSONRecordEncoder {
    private let kind: SectionKind
    private let keys: [[UInt8]]
    private let types: [FieldType]
    private let keepsExtraCells: Bool
    private var sheetPrefix: (sheet: Int, bytes: [UInt8]) = (-1, [])
    private var words: EncodedWords
    private var extraPrefixes: [Int: [UInt8]] = [:]

    init(section: ReportSection) {
        let fields = section.kind.fields
        kind = section.kind
        keys = fields.map { RecordJSON.memberName($0.key) }
        types = fields.map(\.type)
        keepsExtraCells = section.kind.recordType.keepsExtraCells
        words = EncodedWords(fields: fields.count)
    }

    func write(_ reader: FieldReader, _ row: RowView, _ sheet: SectionSheet, to sink: ByteSink) {
        if sheetPrefix.sheet != sheet.index {
            sheetPrefix = (sheet.index, RecordJSON.opening(kind: kind, sheet: sheet.name))
        }
        sink.write { buffer in
            buffer.append(sheetPrefix.bytes)
            buffer.appendInteger(Int64(row.index + 1))
            if reader.kind == .unknown {
                buffer.append(keys[0])
                appendTexts(row, to: &buffer)
            } else {
                for (position, slot) in reader.slots.enumerated() {
                    buffer.append(keys[position])
                    append(slot, field: position, reader, row, to: &buffer)
                }
            }
            if keepsExtraCells {
                buffer.append(RecordJSON.extraOpening)
                for (index, position) in reader.extras.enumerated() {
                    if index > 0 { buffer.append(0x2C) }
                    let column = row.column(position)
                    buffer.append(extraPrefix(column, reader))
                    JSONEncoding.appendString(row.text(position), to: &buffer)
                    buffer.append(0x7D)
                }
                buffer.append(0x5D)
            }
            buffer.append(0x7D)
        }
    }

    private func append(_ slot: FieldReader.Slot, field: Int, _ reader: FieldReader, _ row: RowView, to buffer: inout ByteBuffer) {
        switch slot {
        case .empty: buffer.append("null")
        case .text(let cell): JSONEncoding.appendString(row.text(cell), to: &buffer)
        case .count(let count): buffer.appendInteger(count)
        case .percent(let percent): buffer.append(JSONWriter.format(percent))
        case .word(let entry): buffer.append(word(entry, field: field, reader))
        }
    }

    private func word(_ entry: Int32, field: Int, _ reader: FieldReader) -> [UInt8] {
        words.bytes(of: entry, field: field) {
            RecordJSON.word(reader.word(entry, field: field).reading, isStatus: types[field] == .status)
        }
    }

    private func extraPrefix(_ column: Int, _ reader: FieldReader) -> [UInt8] {
        if let prefix = extraPrefixes[column] { return prefix }
        let prefix = RecordJSON.extraCellOpening(column: ColumnMapping.letter(column), header: reader.headers[column] ?? "")
        extraPrefixes[column] = prefix
        return prefix
    }

    /// A generic row's `values`: column A to the last cell, `""` in the gaps.
    private func appendTexts(_ row: RowView, to buffer: inout ByteBuffer) {
        buffer.append(0x5B)
        var column = 0
        for position in 0..<row.count {
            let cellColumn = row.column(position)
            while column < cellColumn {
                buffer.append(column == 0 ? "\"\"" : ",\"\"")
                column += 1
            }
            if column > 0 { buffer.append(0x2C) }
            JSONEncoding.appendString(row.text(position), to: &buffer)
            column += 1
        }
        buffer.append(0x5D)
    }
}

/// Writes the row a ``FieldReader`` just read as a CSV record of its section (see
/// ``ReportWriter/writeCSV(_:section:onlyInconsistent:tableOptions:to:)``), straight from the cell bytes.
final class CSVRecordEncoder {
    private let types: [FieldType]
    /// For each column, its place among the unmatched columns (each has a CSV column), or -1.
    private let unmatchedSlot: [Int: Int]
    private let unmatchedCount: Int
    private var sheetField: (sheet: Int, bytes: [UInt8]) = (-1, [])
    private var words: EncodedWords
    private var cellOfUnmatched: [Int]

    /// The CSV header of `section`.
    let header: [String]

    init(section: ReportSection) {
        let fields = section.kind.fields
        types = fields.map(\.type)
        let unmatched = section.columns.filter { $0.concept == nil }
        var slots: [Int: Int] = [:]
        for (slot, column) in unmatched.enumerated() { slots[column.index] = slot }
        unmatchedSlot = slots
        unmatchedCount = unmatched.count
        cellOfUnmatched = Array(repeating: -1, count: unmatched.count)
        words = EncodedWords(fields: fields.count)
        header = ["sheet", "row"] + FieldColumns.names(fields)
            + unmatched.map { "extra:" + ($0.header.isEmpty ? $0.letter : $0.header) } + ["extra"]
    }

    func write(_ reader: FieldReader, _ row: RowView, _ sheet: SectionSheet, to sink: ByteSink) {
        if sheetField.sheet != sheet.index {
            var buffer = ByteBuffer(capacity: sheet.name.utf8.count + 8)
            var name = sheet.name
            name.withUTF8 { CSVEncoding.appendField(UnsafeRawBufferPointer($0), to: &buffer) }
            sheetField = (sheet.index, Array(buffer.bytes))
            buffer.release()
        }
        for slot in cellOfUnmatched.indices { cellOfUnmatched[slot] = -1 }
        sink.write { buffer in
            buffer.append(sheetField.bytes)
            buffer.append(0x2C)
            buffer.appendInteger(Int64(row.index + 1))
            for (position, slot) in reader.slots.enumerated() {
                buffer.append(0x2C)
                append(slot, field: position, reader, row, to: &buffer)
            }
            // Cells of unmatched columns have a column each; anything else goes, as `Header: value`
            // lines, to the last one.
            var others: [Int] = []
            for position in reader.extras {
                if let slot = unmatchedSlot[row.column(position)] { cellOfUnmatched[slot] = position } else { others.append(position) }
            }
            for position in cellOfUnmatched {
                buffer.append(0x2C)
                if position >= 0 { CSVEncoding.appendField(row.text(position), to: &buffer) }
            }
            buffer.append(0x2C)
            if !others.isEmpty { appendOthers(others, reader, row, to: &buffer) }
            buffer.append(0x0A)
        }
    }

    private func append(_ slot: FieldReader.Slot, field: Int, _ reader: FieldReader, _ row: RowView, to buffer: inout ByteBuffer) {
        let columns = types[field] == .status ? 3 : types[field].isInterpreted ? 2 : 1
        switch slot {
        case .empty: buffer.append(repeating: 0x2C, count: columns - 1)
        case .text(let cell): CSVEncoding.appendField(row.text(cell), to: &buffer)
        case .count(let count): buffer.appendInteger(count)
        case .percent(let percent): buffer.append(JSONWriter.format(percent))
        case .word(let entry): buffer.append(word(entry, field: field, reader))
        }
    }

    private func word(_ entry: Int32, field: Int, _ reader: FieldReader) -> [UInt8] {
        words.bytes(of: entry, field: field) {
            var texts: [String] = []
            FieldColumns.append(reader.word(entry, field: field).value, as: types[field], to: &texts)
            var buffer = ByteBuffer(capacity: 64)
            defer { buffer.release() }
            for (position, text) in texts.enumerated() {
                if position > 0 { buffer.append(0x2C) }
                var text = text
                text.withUTF8 { CSVEncoding.appendField(UnsafeRawBufferPointer($0), to: &buffer) }
            }
            return Array(buffer.bytes)
        }
    }

    private func appendOthers(_ positions: [Int], _ reader: FieldReader, _ row: RowView, to buffer: inout ByteBuffer) {
        var lines = ByteBuffer(capacity: 256)
        defer { lines.release() }
        for (index, position) in positions.enumerated() {
            if index > 0 { lines.append(0x0A) }
            let column = row.column(position)
            let header = reader.headers[column] ?? ""
            lines.append(header.isEmpty ? ColumnMapping.letter(column) : header)
            lines.append(": ")
            lines.append(row.text(position))
        }
        CSVEncoding.appendField(lines.bytes, to: &buffer)
    }
}

/// Per field, each word-cache entry's encoding, made on first use: a million rows repeat a few words.
struct EncodedWords {
    private var encoded: [[[UInt8]?]]

    init(fields: Int) { encoded = Array(repeating: [], count: fields) }

    mutating func bytes(of entry: Int32, field: Int, _ encode: () -> [UInt8]) -> [UInt8] {
        let index = Int(entry)
        if index < encoded[field].count, let bytes = encoded[field][index] { return bytes }
        let bytes = encode()
        // The word cache's scratch entry changes meaning from row to row: never kept.
        guard index < WordCache.limit else { return bytes }
        if encoded[field].count <= index { encoded[field] += Array(repeating: nil, count: index + 1 - encoded[field].count) }
        encoded[field][index] = bytes
        return bytes
    }
}
