import DRSReport
import XLSXReader

/// Writes a sheet as a dense table: cell A1 to the last row and column holding a value, blank
/// interior rows kept, every row padded to the table's width, nothing after the last value.
///
/// The width is only known at the end, yet output must stream. So the first records are held
/// (up to `headLimit` bytes) and padded when the head is released; a sheet that fits is exact.
/// Past the head, a row wider than all before it is written whole and reported in
/// ``TableSummary/widenedAtRow`` rather than held back.
public enum TableWriter {
    public struct Options: Sendable {
        /// Prefix CSV with a UTF-8 byte-order mark, so Excel reads non-ASCII text correctly.
        public var byteOrderMark = false
        /// Bytes of records held before output starts streaming.
        public var headLimit = 4 << 20
        /// Fields every record has at least: a width learned from an earlier pass over the sheet.
        public var minimumWidth = 0
        public init(byteOrderMark: Bool = false, headLimit: Int = 4 << 20, minimumWidth: Int = 0) {
            self.byteOrderMark = byteOrderMark
            self.headLimit = headLimit
            self.minimumWidth = minimumWidth
        }
    }

    /// Writes one sheet to `sink` (without flushing it).
    @discardableResult
    public static func write(_ sheet: SheetInfo, of workbook: Workbook, as format: TableFormat,
                             to sink: ByteSink, options: Options = Options()) throws -> TableSummary {
        var encoder = TableEncoder(format: format, sink: sink, options: options)
        defer { encoder.release() }
        let notes = try workbook.forEachRow(in: sheet) { row in encoder.add(row) }
        encoder.finish()
        encoder.summary.missingSharedStrings = notes.missingSharedStrings
        return encoder.summary
    }
}

private struct TableEncoder {
    let format: TableFormat
    let sink: ByteSink
    let options: TableWriter.Options
    var summary = TableSummary()
    private var head = ByteBuffer(capacity: 1 << 16)
    private var headRecords: [(end: Int, fields: Int)] = []
    private var streaming = false
    private var wroteAny = false
    private var nextRow = 0
    private var record = ByteBuffer(capacity: 4096)

    init(format: TableFormat, sink: ByteSink, options: TableWriter.Options) {
        self.format = format
        self.sink = sink
        self.options = options
        summary.width = options.minimumWidth
    }

    func release() {
        head.release()
        record.release()
    }

    // MARK: - Rows

    mutating func add(_ row: RowView) {
        guard row.count > 0 else { return }
        beginRecord(for: row.index)
        var column = 0
        for position in 0..<row.count {
            let target = row.column(position)
            while column < target {
                appendEmptyField(first: column == 0)
                column += 1
            }
            appendField(row.text(position), kind: row.kind(position), first: column == 0)
            column += 1
        }
        endRecord(fields: column)
    }

    private mutating func beginRecord(for index: Int) {
        if index < nextRow {
            summary.rowsOutOfOrder += 1
        } else {
            while nextRow < index {
                nextRow += 1
                record.removeAll()
                endRecord(fields: 0)
            }
        }
        nextRow = max(nextRow, index + 1)
        record.removeAll()
    }

    private mutating func endRecord(fields: Int) {
        if fields > summary.width {
            if streaming && summary.widenedAtRow == nil { summary.widenedAtRow = nextRow - 1 }
            summary.width = fields
        }
        summary.records += 1
        if streaming {
            emit(record.bytes, fields: fields)
            return
        }
        head.append(record.bytes)
        headRecords.append((head.count, fields))
        if head.count + headRecords.count * 16 > options.headLimit { releaseHead() }
    }

    private mutating func releaseHead() {
        streaming = true
        var start = 0
        for entry in headRecords {
            emit(head.slice(start, entry.end - start), fields: entry.fields)
            start = entry.end
        }
        head.removeAll()
        headRecords = []
    }

    mutating func finish() {
        if !streaming {
            // Blank rows are only written before a row with values, so the head never ends in one.
            if headRecords.isEmpty {
                if format == .json { sink.write("[]\n") }
                return
            }
            releaseHead()
        }
        if format == .json { sink.write("\n]\n") }
    }

    // MARK: - Encoding

    private mutating func appendEmptyField(first: Bool) {
        switch format {
        case .csv: if !first { record.append(UInt8(ascii: ",")) }
        case .json, .ndjson: record.append(first ? "null" : ",null")
        case .markdown: record.append("  |")
        }
    }

    private mutating func appendField(_ text: UnsafeRawBufferPointer, kind: CellKind, first: Bool) {
        switch format {
        case .csv:
            if !first { record.append(UInt8(ascii: ",")) }
            CSVEncoding.appendField(text, to: &record)
        case .json, .ndjson:
            if !first { record.append(UInt8(ascii: ",")) }
            appendJSON(text, kind: kind)
        case .markdown:
            record.append(UInt8(ascii: " "))
            MarkdownEncoding.appendCell(text, to: &record)
            record.append(" |")
        }
    }

    private mutating func appendJSON(_ text: UnsafeRawBufferPointer, kind: CellKind) {
        switch kind {
        case .number:
            // The canonical spelling is valid JSON for every finite double.
            record.append(text)
        case .boolean:
            record.append(text.first == UInt8(ascii: "T") ? "true" : "false")
        case .error:
            record.append("{\"error\":")
            JSONEncoding.appendString(text, to: &record)
            record.append(UInt8(ascii: "}"))
        case .dateTime:
            let start = record.count
            JSONEncoding.appendString(text, to: &record)
            // ISO 8601 puts a T between date and time (dates need no escaping, so the offset holds).
            if text.count >= 19, text[10] == UInt8(ascii: " ") { record.base[start + 11] = UInt8(ascii: "T") }
        case .text, .duration:
            JSONEncoding.appendString(text, to: &record)
        }
    }

    /// Writes one record, padded to the width known now, with the format's framing, straight
    /// into the sink's buffer.
    private mutating func emit(_ body: UnsafeRawBufferPointer, fields: Int) {
        let width = max(summary.width, fields)
        let format = format, first = !wroteAny, byteOrderMark = options.byteOrderMark
        sink.write { line in
            switch format {
            case .csv:
                if first && byteOrderMark { line.append("\u{FEFF}") }
                line.append(body)
                line.append(repeating: UInt8(ascii: ","), count: fields == 0 ? max(width - 1, 0) : width - fields)
                line.append(0x0A)
            case .json, .ndjson:
                if format == .json { line.append(first ? "[\n" : ",\n") }
                line.append(UInt8(ascii: "["))
                line.append(body)
                if fields == 0 && width > 0 {
                    line.append("null")
                    for _ in 1..<width { line.append(",null") }
                } else {
                    for _ in 0..<(width - fields) { line.append(",null") }
                }
                line.append(UInt8(ascii: "]"))
                if format == .ndjson { line.append(0x0A) }
            case .markdown:
                line.append(UInt8(ascii: "|"))
                line.append(body)
                for _ in 0..<(width - fields) { line.append("  |") }
                line.append(0x0A)
                if first {
                    line.append(UInt8(ascii: "|"))
                    for _ in 0..<max(width, 1) { line.append(" --- |") }
                    line.append(0x0A)
                }
            }
        }
        wroteAny = true
    }
}
