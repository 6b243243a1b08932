import XLSXReader
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The old report's rows, kept in a temporary file rather than in memory: each keyed row's
/// cells as the sheet held them (column, kind, canonical text), with its section and sheet. A
/// row is read back (one `pread`) and turned into its record by the section's own
/// ``FieldReader`` only when a change needs it, so a record read back is exactly the record the
/// report reader gives. The file is unlinked as soon as it is created: nothing is left behind
/// whatever happens to the process.
final class RowSpool {
    private let descriptor: Int32
    private var buffer = ByteBuffer(capacity: 1 << 20)
    private var flushed: UInt64 = 0
    private var readBack = ByteBuffer(capacity: 4096)
    private var cells: [SpooledRow.Cell] = []

    init() throws {
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = (directory + "/drsdiff-diff-XXXXXX").utf8CString
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw DiffError.scratch("cannot create a temporary file in \(directory): " + String(cString: strerror(errno)))
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
        buffer.release()
        readBack.release()
    }

    /// Appends a row of section `section` (by position among the sections read), sheet `sheet`
    /// (by position in the section); returns where it starts and how long it is.
    func append(_ row: some RowCells, section: Int, sheet: Int) throws -> (offset: UInt64, length: UInt32) {
        let start = buffer.count
        RowSpool.integer(UInt64(section), &buffer)
        RowSpool.integer(UInt64(sheet), &buffer)
        RowSpool.integer(UInt64(row.index), &buffer)
        RowSpool.integer(UInt64(row.count), &buffer)
        for position in 0..<row.count {
            RowSpool.integer(UInt64(row.column(position)), &buffer)
            buffer.append(row.kind(position).rawValue)
            row.withText(position) { text in
                RowSpool.integer(UInt64(text.count), &buffer)
                buffer.append(text)
            }
        }
        let location = (flushed + UInt64(start), UInt32(buffer.count - start))
        if buffer.count >= 1 << 20 { try flush() }
        return location
    }

    /// Writes what is buffered; reading needs it on disk.
    func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw DiffError.scratch("cannot write the diff's temporary file: " + String(cString: strerror(errno)))
            }
            offset += written
        }
        flushed += UInt64(buffer.count)
        buffer.removeAll()
    }

    /// The row stored at `offset`, valid until the next call.
    func row(at offset: UInt64, length: UInt32) throws -> (section: Int, sheet: Int, row: SpooledRow) {
        if offset + UInt64(length) > flushed { try flush() }
        readBack.removeAll()
        readBack.append(repeating: 0, count: Int(length))
        var read = 0
        while read < Int(length) {
            let count = pread(descriptor, readBack.base + read, Int(length) - read, off_t(offset) + off_t(read))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                throw DiffError.scratch("cannot read the diff's temporary file: " + String(cString: strerror(errno)))
            }
            read += count
        }
        var position = 0
        func integer() -> Int {
            var value = 0, shift = 0
            while true {
                let byte = readBack.base[position]
                position += 1
                value |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }
        let (section, sheet, index, count) = (integer(), integer(), integer(), integer())
        cells.removeAll(keepingCapacity: true)
        for _ in 0..<count {
            let column = integer()
            let kind = CellKind(rawValue: readBack.base[position]) ?? .text
            position += 1
            let length = integer()
            cells.append(SpooledRow.Cell(column: column, kind: kind, start: position, length: length))
            position += length
        }
        return (section, sheet, SpooledRow(index: index, cells: cells, bytes: UnsafeRawBufferPointer(start: readBack.base, count: readBack.count)))
    }

    /// LEB128.
    private static func integer(_ value: UInt64, _ buffer: inout ByteBuffer) {
        var value = value
        while value >= 0x80 {
            buffer.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        buffer.append(UInt8(value))
    }
}

/// A row read back from the spool: its cells as the sheet held them.
struct SpooledRow: RowCells {
    struct Cell {
        let column: Int
        let kind: CellKind
        let start: Int
        let length: Int
    }

    let index: Int
    let cells: [Cell]
    let bytes: UnsafeRawBufferPointer

    var count: Int { cells.count }
    func column(_ position: Int) -> Int { cells[position].column }
    func kind(_ position: Int) -> CellKind { cells[position].kind }

    func withText<Result>(_ position: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        let cell = cells[position]
        return try body(UnsafeRawBufferPointer(rebasing: bytes[cell.start..<cell.start + cell.length]))
    }

    /// A number cell's canonical text is its shortest exact spelling, so it reads back as the
    /// same double; other cells are their text (which is all a reader asks of them).
    func value(_ position: Int) -> CellValue {
        let text = withText(position) { String(decoding: $0, as: UTF8.self) }
        if cells[position].kind == .number, let number = Double(text) { return .number(number) }
        return .text(text)
    }
}
