import XLSXReader

/// Writes a sheet as a dense table: cell A1 to the last row and column holding a value, blank
/// interior rows kept, every row padded to the table's width, nothing after the last value.
///
/// The width is only known at the end, yet output must stream. So the first records are held
/// (up to `headLimit` bytes) and padded when the head is released; a sheet that fits is exact.
/// Past the head, a row wider than all before it is written whole and reported in
/// ``TableSummary/widenedAtRow`` rather than held back.
public final class TableWriter {
    public struct Options: Sendable {
        /// Prefix CSV with a UTF-8 byte-order mark, so Excel reads non-ASCII text correctly.
        public var byteOrderMark = false
        /// Bytes of records held before output starts streaming.
        public var headLimit = 4 << 20
        public init(byteOrderMark: Bool = false, headLimit: Int = 4 << 20) {
            self.byteOrderMark = byteOrderMark
            self.headLimit = headLimit
        }
    }

    private let format: TableFormat
    private let sink: ByteSink
    private let options: Options
    private var summary = TableSummary()
    private var head: [UInt8] = []
    private var headRecords: [(end: Int, fields: Int)] = []
    private var streaming = false
    private var nextRow = 0
    private var record: [UInt8] = []

    private init(format: TableFormat, sink: ByteSink, options: Options) {
        self.format = format
        self.sink = sink
        self.options = options
        record.reserveCapacity(4096)
    }

    /// Writes one sheet to `sink` (without flushing it).
    @discardableResult
    public static func write(_ sheet: SheetInfo, of workbook: Workbook, as format: TableFormat,
                             to sink: ByteSink, options: Options = Options()) throws -> TableSummary {
        let writer = TableWriter(format: format, sink: sink, options: options)
        try workbook.forEachRow(in: sheet) { row in writer.add(row) }
        writer.finish()
        return writer.summary
    }

    /// Writes rows already in memory (generic tables of recognised-but-unclassified sections).
    @discardableResult
    public static func write(rows: [[CellValue]], as format: TableFormat, to sink: ByteSink, options: Options = Options()) -> TableSummary {
        let writer = TableWriter(format: format, sink: sink, options: options)
        for (index, values) in rows.enumerated() {
            writer.addValues(index: index, values)
        }
        writer.finish()
        return writer.summary
    }

    // MARK: - Rows

    private func add(_ row: RowView) {
        guard row.count > 0 else { return }
        beginRecord(for: row.index)
        var column = 0
        for position in 0..<row.count {
            let target = row.column(position)
            while column < target {
                appendEmptyField(first: column == 0)
                column += 1
            }
            let kind = row.kind(position)
            row.withText(position) { appendField($0, kind: kind, first: column == 0) }
            column += 1
        }
        endRecord(fields: column)
    }

    private func addValues(index: Int, _ values: [CellValue]) {
        guard let last = values.lastIndex(where: { !$0.isEmpty }) else { return }
        beginRecord(for: index)
        for column in 0...last {
            let value = values[column]
            if value.isEmpty {
                appendEmptyField(first: column == 0)
                continue
            }
            var text = value.text
            let kind: CellKind
            switch value {
            case .number: kind = .number
            case .boolean: kind = .boolean
            case .error: kind = .error
            case .dateTime: kind = .dateTime
            case .duration: kind = .duration
            case .text, .empty: kind = .text
            }
            text.withUTF8 { appendField(UnsafeRawBufferPointer($0), kind: kind, first: column == 0) }
        }
        endRecord(fields: last + 1)
    }

    private func beginRecord(for index: Int) {
        if index < nextRow {
            summary.rowsOutOfOrder += 1
        } else {
            while nextRow < index {
                nextRow += 1
                record.removeAll(keepingCapacity: true)
                endRecord(fields: 0)
            }
        }
        nextRow = max(nextRow, index + 1)
        record.removeAll(keepingCapacity: true)
    }

    private func endRecord(fields: Int) {
        if fields > summary.width {
            if streaming && summary.widenedAtRow == nil { summary.widenedAtRow = nextRow - 1 }
            summary.width = fields
        }
        summary.records += 1
        if streaming {
            emit(record, fields: fields)
            return
        }
        head.append(contentsOf: record)
        headRecords.append((head.count, fields))
        if head.count + headRecords.count * 16 > options.headLimit { releaseHead() }
    }

    private func releaseHead() {
        streaming = true
        var start = 0
        head.withUnsafeBufferPointer { bytes in
            for entry in headRecords {
                emit(UnsafeBufferPointer(rebasing: bytes[start..<entry.end]), fields: entry.fields)
                start = entry.end
            }
        }
        head = []
        headRecords = []
    }

    private func finish() {
        if !streaming {
            // Nothing after the last value: the head holds no trailing blank rows, since blank rows are
            // only written before a row with values.
            if headRecords.isEmpty {
                if format == .json { sink.write("[]\n") }
                return
            }
            releaseHead()
        }
        switch format {
        case .json: sink.write("\n]\n")
        case .csv, .ndjson, .markdown: break
        }
    }

    // MARK: - Encoding

    private func appendEmptyField(first: Bool) {
        switch format {
        case .csv: if !first { record.append(UInt8(ascii: ",")) }
        case .json, .ndjson: record.append(contentsOf: first ? Array("null".utf8) : Array(",null".utf8))
        case .markdown: record.append(contentsOf: "  |".utf8)
        }
    }

    private func appendField(_ text: UnsafeRawBufferPointer, kind: CellKind, first: Bool) {
        switch format {
        case .csv:
            if !first { record.append(UInt8(ascii: ",")) }
            appendCSV(text)
        case .json, .ndjson:
            if !first { record.append(UInt8(ascii: ",")) }
            appendJSON(text, kind: kind)
        case .markdown:
            record.append(UInt8(ascii: " "))
            appendMarkdown(text)
            record.append(contentsOf: " |".utf8)
        }
    }

    private func appendCSV(_ text: UnsafeRawBufferPointer) {
        guard CSVEncoding.needsQuotes(text) else {
            record.append(contentsOf: text)
            return
        }
        record.append(UInt8(ascii: "\""))
        for byte in text {
            if byte == UInt8(ascii: "\"") { record.append(byte) }
            record.append(byte)
        }
        record.append(UInt8(ascii: "\""))
    }

    private func appendJSON(_ text: UnsafeRawBufferPointer, kind: CellKind) {
        switch kind {
        case .number:
            // The canonical spelling is valid JSON for every finite double.
            record.append(contentsOf: text)
        case .boolean:
            record.append(contentsOf: (text.first == UInt8(ascii: "T") ? "true" : "false").utf8)
        case .error:
            record.append(contentsOf: "{\"error\":".utf8)
            appendJSONString(text)
            record.append(UInt8(ascii: "}"))
        case .dateTime:
            // ISO 8601 puts a T between date and time.
            if text.count >= 19, text[10] == UInt8(ascii: " ") {
                var copy = Array(text)
                copy[10] = UInt8(ascii: "T")
                copy.withUnsafeBytes { appendJSONString($0) }
            } else {
                appendJSONString(text)
            }
        case .text, .duration:
            appendJSONString(text)
        }
    }

    private func appendJSONString(_ text: UnsafeRawBufferPointer) {
        record.append(UInt8(ascii: "\""))
        for byte in text {
            switch byte {
            case UInt8(ascii: "\""): record.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): record.append(contentsOf: "\\\\".utf8)
            case 0x0A: record.append(contentsOf: "\\n".utf8)
            case 0x0D: record.append(contentsOf: "\\r".utf8)
            case 0x09: record.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                record.append(contentsOf: "\\u00".utf8)
                record.append(hex[Int(byte >> 4)])
                record.append(hex[Int(byte & 0xF)])
            default: record.append(byte)
            }
        }
        record.append(UInt8(ascii: "\""))
    }

    private func appendMarkdown(_ text: UnsafeRawBufferPointer) {
        var index = 0
        while index < text.count {
            let byte = text[index]
            switch byte {
            case UInt8(ascii: "|"): record.append(contentsOf: "\\|".utf8)
            case UInt8(ascii: "\\"): record.append(contentsOf: "\\\\".utf8)
            case 0x0D:
                if index + 1 < text.count, text[index + 1] == 0x0A { index += 1 }
                record.append(contentsOf: "<br>".utf8)
            case 0x0A: record.append(contentsOf: "<br>".utf8)
            default: record.append(byte)
            }
            index += 1
        }
    }

    /// Writes one record, padded to the width known now, with the format's framing.
    private func emit<Bytes: Collection>(_ body: Bytes, fields: Int) where Bytes.Element == UInt8 {
        let width = max(summary.width, fields)
        switch format {
        case .csv:
            if !wroteAny && options.byteOrderMark { sink.write([0xEF, 0xBB, 0xBF]) }
            writeBody(body)
            for _ in 0..<(fields == 0 ? max(width - 1, 0) : width - fields) { sink.write(byte: UInt8(ascii: ",")) }
            sink.write(byte: 0x0A)
        case .json, .ndjson:
            if format == .json { sink.write(wroteAny ? ",\n" : "[\n") }
            sink.write(byte: UInt8(ascii: "["))
            writeBody(body)
            if fields == 0 && width > 0 {
                sink.write("null")
                for _ in 1..<width { sink.write(",null") }
            } else {
                for _ in 0..<(width - fields) { sink.write(",null") }
            }
            sink.write(byte: UInt8(ascii: "]"))
            if format == .ndjson { sink.write(byte: 0x0A) }
        case .markdown:
            sink.write(byte: UInt8(ascii: "|"))
            writeBody(body)
            for _ in 0..<(width - fields) { sink.write("  |") }
            sink.write(byte: 0x0A)
            if !wroteAny {
                sink.write(byte: UInt8(ascii: "|"))
                for _ in 0..<max(width, 1) { sink.write(" --- |") }
                sink.write(byte: 0x0A)
            }
        }
        wroteAny = true
    }

    private var wroteAny = false

    private func writeBody<Bytes: Collection>(_ body: Bytes) where Bytes.Element == UInt8 {
        if let done: Void = body.withContiguousStorageIfAvailable({ sink.write(UnsafeRawBufferPointer($0)) }) {
            return done
        }
        for byte in body { sink.write(byte: byte) }
    }
}
