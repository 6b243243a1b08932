import DRSReport
import XLSXReader

/// Writes a sheet as a dense table: cell A1 to the last row and column holding a value, blank
/// interior rows kept, every row padded to the table's width, nothing after the last value.
///
/// The width is only known at the end, yet output must stream. So the first records are held
/// (up to `headLimit` bytes) and padded when the head is released; a sheet that fits is exact.
/// Past the head, a row wider than all before it is written whole and reported in
/// ``TableSummary/widenedAtRow`` rather than held back.
///
/// Padding makes a table as large as its farthest cell: a few bytes holding A1 and XFD1048576 pad
/// out to 17 billion cells. So the table's cells (rows × width) are capped (``Options/maxCells``),
/// checked before each row is written: a sheet past the cap ends in a ``TableSizeError`` as soon
/// as the row that pushes it past arrives, before any of its padding is written.
public enum TableWriter {
    public struct Options: Sendable {
        /// Prefix CSV with a UTF-8 byte-order mark, so Excel reads non-ASCII text correctly.
        public var byteOrderMark = false
        /// Bytes of records held before output starts streaming.
        public var headLimit = 4 << 20
        /// Fields every record has at least: a width learned from an earlier pass over the sheet.
        public var minimumWidth = 0
        /// Cells the padded table may hold (records × fields, empty ones included). A billion is
        /// ten times a million rows of a hundred columns: past any real report, yet a guard against
        /// a far cell that would pad output to gigabytes.
        public var maxCells = 1_000_000_000
        /// CSV for a spreadsheet: a text cell it would run as a formula (`=`, `+`, `-`, `@`, a
        /// leading tab or CR) gets a leading `'`. Numbers are left alone (`-5` is a number).
        /// Defaults to `byteOrderMark`: a BOM says the file is meant for Excel.
        public var excelSafe: Bool
        public init(byteOrderMark: Bool = false, excelSafe: Bool? = nil, headLimit: Int = 4 << 20, minimumWidth: Int = 0,
                    maxCells: Int = 1_000_000_000) {
            self.byteOrderMark = byteOrderMark
            self.excelSafe = excelSafe ?? byteOrderMark
            self.headLimit = headLimit
            self.minimumWidth = minimumWidth
            self.maxCells = maxCells
        }
    }

    /// Writes one sheet to `sink` (without flushing it).
    @discardableResult
    public static func write(_ sheet: SheetInfo, of workbook: Workbook, as format: TableFormat,
                             to sink: ByteSink, options: Options = Options()) throws -> TableSummary {
        var encoder = TableEncoder(format: format, sink: sink, options: options)
        defer { encoder.release() }
        try workbook.forEachRow(in: sheet) { row in
            try encoder.checkSize(with: row, sheet: sheet.name)
            encoder.add(row)
        }
        encoder.finish()
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

    /// Throws if the row would take the padded table past the cap: the rows up to it, as wide as
    /// the widest so far.
    func checkSize(with row: RowView, sheet: String) throws {
        guard row.count > 0 else { return }
        let rows = max(nextRow, row.index + 1)
        let width = max(summary.width, row.lastColumn + 1)
        let (cells, overflow) = rows.multipliedReportingOverflow(by: width)
        guard overflow || cells > options.maxCells else { return }
        throw TableSizeError(sheet: sheet, cell: CellReference(row: row.index, column: row.lastColumn), rows: rows, width: width,
                             limit: options.maxCells)
    }

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
        // Blank records up to the row; a row at or above one already written (only a lenient read
        // lets one through, and notes it) goes where it appears.
        while nextRow < index {
            nextRow += 1
            record.removeAll()
            endRecord(fields: 0)
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
            if options.excelSafe && kind == .text {
                CSVEncoding.appendExcelSafeField(text, to: &record)
            } else {
                CSVEncoding.appendField(text, to: &record)
            }
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
