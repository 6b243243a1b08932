import XLSXReader
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The old report's records, kept in a temporary file rather than in memory: a diff pairs
/// records by key, and the old record of a pair is read back from here (one `pread`) when the
/// change is handed out. The file is unlinked as soon as it is created, so nothing is left
/// behind whatever happens to the process.
final class RecordSpool {
    private let descriptor: Int32
    private var buffer = ByteBuffer(capacity: 1 << 20)
    private var flushed: UInt64 = 0
    private var scratch = ByteBuffer(capacity: 4096)

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
        scratch.release()
    }

    /// Appends a record; returns where it starts and how long it is.
    func append(_ record: ReportRecord) throws -> (offset: UInt64, length: UInt32) {
        let start = buffer.count
        RecordCodec.encode(record, to: &buffer)
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

    func record(at offset: UInt64, length: UInt32) throws -> ReportRecord {
        if offset + UInt64(length) > flushed { try flush() }
        scratch.removeAll()
        scratch.append(repeating: 0, count: Int(length))
        var read = 0
        while read < Int(length) {
            let count = pread(descriptor, scratch.base + read, Int(length) - read, off_t(offset) + off_t(read))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                throw DiffError.scratch("cannot read the diff's temporary file: " + String(cString: strerror(errno)))
            }
            read += count
        }
        var reader = RecordCodec.Reader(bytes: scratch.bytes)
        return RecordCodec.decode(&reader)
    }
}

/// A compact binary form of a record, exact for every field (unknown statuses and object types
/// from a vocabulary file included), for the spool.
enum RecordCodec {
    static func encode(_ record: ReportRecord, to buffer: inout ByteBuffer) {
        let body = record.body
        buffer.append(UInt8(SectionKind.allCases.firstIndex(of: record.kind)!))
        string(body.sheet, &buffer)
        integer(UInt64(body.row), &buffer)
        for (position, field) in type(of: body).fields.enumerated() {
            guard let value = body[position] else {
                buffer.append(0)
                continue
            }
            buffer.append(1)
            switch field.type {
            case .text: string(value as! String, &buffer)
            case .count: integer(UInt64(bitPattern: value as! Int64), &buffer)
            case .percent: integer((value as! Double).bitPattern, &buffer)
            case .texts:
                let texts = value as! [String]
                integer(UInt64(texts.count), &buffer)
                for text in texts { string(text, &buffer) }
            case .status:
                let status = value as! Interpreted<ComparisonStatus>
                if case .unknown(let found) = status.value { tagged(0, found, &buffer) } else { tagged(1, status.value.name, &buffer) }
                string(status.text, &buffer)
            case .objectType:
                let reading = value as! Interpreted<ObjectType>
                switch reading.value {
                case .known(let code): tagged(1, code, &buffer)
                case .unknown(let found): tagged(0, found, &buffer)
                }
                string(reading.text, &buffer)
            case .differenceKind: interpreted(value as! Interpreted<DifferenceKind>, &buffer)
            case .repairOperation: interpreted(value as! Interpreted<RepairOperation>, &buffer)
            case .repairState: interpreted(value as! Interpreted<RepairState>, &buffer)
            }
        }
        integer(UInt64(body.extra.count), &buffer)
        for extra in body.extra {
            string(extra.column, &buffer)
            string(extra.header, &buffer)
            string(extra.value, &buffer)
        }
    }

    static func decode(_ reader: inout Reader) -> ReportRecord {
        let kind = SectionKind.allCases[Int(reader.byte())]
        switch kind {
        case .objectSummary: return .objectTypeSummary(decode(&reader))
        case .objectDifferences: return .objectDifference(decode(&reader))
        case .databaseSummary: return .databaseSummary(decode(&reader))
        case .tableRowCounts: return .tableRowCount(decode(&reader))
        case .cannotCompare: return .uncomparableTable(decode(&reader))
        case .tableValues: return .tableValues(decode(&reader))
        case .sampling: return .samplingResult(decode(&reader))
        case .valueDifferences: return .valueDifference(decode(&reader))
        case .repairProgress: return .repairProgress(decode(&reader))
        case .repairStatements: return .repairStatement(decode(&reader))
        case .unknown: return .generic(decode(&reader))
        }
    }

    private static func decode<Fields: RecordFields>(_ reader: inout Reader) -> Record<Fields> {
        let sheet = reader.string()
        var record = Record<Fields>(sheet: sheet, row: Int(reader.integer()))
        for (position, field) in Fields.layout.fields.enumerated() where reader.byte() == 1 {
            switch field.type {
            case .text: record[position] = reader.string()
            case .count: record[position] = Int64(bitPattern: reader.integer())
            case .percent: record[position] = Double(bitPattern: reader.integer())
            case .texts: record[position] = (0..<reader.integer()).map { _ in reader.string() }
            case .status:
                let (known, name) = (reader.byte() == 1, reader.string())
                record[position] = Interpreted(known ? ComparisonStatus(name: name)! : .unknown(name), text: reader.string())
            case .objectType:
                let (known, name) = (reader.byte() == 1, reader.string())
                record[position] = Interpreted(known ? ObjectType.known(name) : .unknown(name), text: reader.string())
            case .differenceKind: record[position] = interpreted(&reader) as Interpreted<DifferenceKind>
            case .repairOperation: record[position] = interpreted(&reader) as Interpreted<RepairOperation>
            case .repairState: record[position] = interpreted(&reader) as Interpreted<RepairState>
            }
        }
        record.extra = (0..<reader.integer()).map { _ in ExtraField(column: reader.string(), header: reader.string(), value: reader.string()) }
        return record
    }

    /// Names of known values, the found text of unknown ones (whose name is always `unknown`).
    private static func interpreted<Value: InterpretedValue>(_ reading: Interpreted<Value>, _ buffer: inout ByteBuffer) {
        string(reading.value.name, &buffer)
        string(reading.text, &buffer)
    }

    private static func interpreted<Value: InterpretedValue>(_ reader: inout Reader) -> Interpreted<Value> {
        let name = reader.string()
        let text = reader.string()
        return Interpreted(Value.decoded(name: name, text: text), text: text)
    }

    private static func tagged(_ tag: UInt8, _ text: String, _ buffer: inout ByteBuffer) {
        buffer.append(tag)
        string(text, &buffer)
    }

    private static func string(_ text: String, _ buffer: inout ByteBuffer) {
        var text = text
        text.withUTF8 { bytes in
            integer(UInt64(bytes.count), &buffer)
            buffer.append(bytes)
        }
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

    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var position = 0

        mutating func byte() -> UInt8 {
            defer { position += 1 }
            return bytes[position]
        }

        mutating func integer() -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let byte = byte()
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }

        mutating func string() -> String {
            let count = Int(integer())
            defer { position += count }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<position + count]), as: UTF8.self)
        }
    }
}
