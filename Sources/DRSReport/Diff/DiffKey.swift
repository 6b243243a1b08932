import XLSXReader

/// What pairs a record of the old report with one of the new: per ``DiffEntity``,
///
/// - database: the source database (the destination's when the source is empty);
/// - table: source database and table (the destination's names as the fallback);
/// - object type: its API code (`TABLE` for 表 too), else its text;
/// - object: type, database and name;
/// - differing row: database, table, key values and column (empty for a whole-row difference);
/// - repair statement: database, table, key values and operation (`insert`, `update`, `delete`).
///
/// Key values are the report's single key column, else the source's, else the destination's.
/// Every text is trimmed and its runs of white space (line breaks, no-break and ideographic
/// spaces included) read as one space; case is kept, because databases tell `Orders` from
/// `orders` and key values `'ab'` from `'AB'`. Members that do not apply to the entity are nil.
public struct DiffKey: Sendable, Hashable, Codable, FixedJSONShape {
    public var database: String?
    public var table: String?
    public var objectType: String?
    /// An object's name.
    public var name: String?
    public var keyValues: String?
    public var column: String?
    public var operation: String?

    enum CodingKeys: String, CodingKey {
        case database, table, objectType = "object_type", name, keyValues = "key_values", column, operation
    }

    /// The key of a record, with its texts normalised; nil for records that are not compared.
    /// The same fields, in the same precedence, as the diff pairs rows on (``KeyWriter``).
    public init?(_ record: ReportRecord) {
        guard let entity = DiffEntity(section: record.kind) else { return nil }
        // Fields by position, found once per kind: a field read through its key path costs a
        // key-path projection and a name lookup.
        let columns = KeyColumns.of(record.kind)
        let body = record.body
        func text(_ position: Int?) -> String? { (position.flatMap { body[$0] } as? String).map(KeyNormalizer.normalized) }
        func word<Value: InterpretedValue>(_ position: Int?, _ type: Value.Type) -> Interpreted<Value>? {
            position.flatMap { body[$0] } as? Interpreted<Value>
        }
        if entity != .objectType { database = text(columns.sourceDatabase) ?? text(columns.targetDatabase) }
        if [.table, .valueDifference, .repairStatement].contains(entity) { table = text(columns.sourceTable) ?? text(columns.targetTable) }
        if entity == .objectType || entity == .object {
            objectType = word(columns.objectType, ObjectType.self).map { KeyNormalizer.normalized(ObjectType.keyText($0)) }
            name = text(columns.objectName)
        }
        if entity == .valueDifference || entity == .repairStatement {
            keyValues = text(columns.keyValues) ?? text(columns.sourceKeyValues) ?? text(columns.targetKeyValues)
        }
        if entity == .valueDifference { column = text(columns.column) }
        if entity == .repairStatement {
            operation = word(columns.operation, RepairOperation.self).map { KeyNormalizer.normalized(RepairOperation.keyText($0)) }
        }
    }

    /// `shop.orders`, `TABLE shop.orders_archive`, `shop.orders id=42 amount`, for listings.
    public var label: String {
        let place = [database, table ?? name].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ".")
        return [objectType, place.isEmpty ? nil : place, keyValues, column, operation]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// Writes a row's key as the diff compares it: the entity, then each member of ``DiffKey`` in
/// order, normalised, after a separator no normalised text contains, with a marker telling an
/// absent member from an empty one. Read from the row a ``FieldReader`` has just read (cell bytes,
/// no `String`s), with the same fields and precedence as ``DiffKey/init(_:)``.
enum KeyWriter {
    /// The entity of the row, its key written to `buffer`; nil for rows that are not compared.
    static func write(_ reader: FieldReader, _ row: some RowCells, to buffer: inout ByteBuffer) -> DiffEntity? {
        guard let entity = DiffEntity(section: reader.kind) else { return nil }
        begin(entity, &buffer)
        let database: ColumnConcept? = entity == .objectType ? nil : present(reader, .sourceDatabase) ?? present(reader, .targetDatabase)
        member(reader, row, database, &buffer)
        let hasTable = entity == .table || entity == .valueDifference || entity == .repairStatement
        member(reader, row, hasTable ? present(reader, .sourceTable) ?? present(reader, .targetTable) : nil, &buffer)
        word(entity == .objectType || entity == .object ? reader.word(of: .objectType, as: ObjectType.self).map(ObjectType.keyText) : nil, &buffer)
        member(reader, row, entity == .object || entity == .objectType ? present(reader, .objectName) : nil, &buffer)
        let hasKeyValues = entity == .valueDifference || entity == .repairStatement
        member(reader, row, hasKeyValues ? present(reader, .keyValues) ?? present(reader, .sourceKeyValues) ?? present(reader, .targetKeyValues) : nil, &buffer)
        member(reader, row, entity == .valueDifference ? present(reader, .column) : nil, &buffer)
        word(entity == .repairStatement ? reader.word(of: .operation, as: RepairOperation.self).map(RepairOperation.keyText) : nil, &buffer)
        return entity
    }

    /// The key of the table a differing row belongs to, as the table entity's key is written.
    static func writeTable(_ reader: FieldReader, _ row: some RowCells, to buffer: inout ByteBuffer) {
        begin(.table, &buffer)
        member(reader, row, present(reader, .sourceDatabase) ?? present(reader, .targetDatabase), &buffer)
        member(reader, row, present(reader, .sourceTable) ?? present(reader, .targetTable), &buffer)
        for _ in 0..<5 { word(nil, &buffer) }
    }

    private static func begin(_ entity: DiffEntity, _ buffer: inout ByteBuffer) {
        buffer.removeAll()
        buffer.append(UInt8(entity.level))
    }

    /// The concept if the row has a text in its field.
    private static func present(_ reader: FieldReader, _ concept: ColumnConcept) -> ColumnConcept? {
        guard let position = reader.position(of: concept), case .text = reader.slots[position] else { return nil }
        return concept
    }

    private static func member(_ reader: FieldReader, _ row: some RowCells, _ concept: ColumnConcept?, _ buffer: inout ByteBuffer) {
        buffer.append(0x1F)
        guard let concept, let position = reader.position(of: concept), case .text(let cell) = reader.slots[position] else {
            buffer.append(0x00)
            return
        }
        buffer.append(0x01)
        row.withText(cell) { KeyNormalizer.append(bytes: $0, to: &buffer) }
    }

    private static func word(_ text: String?, _ buffer: inout ByteBuffer) {
        buffer.append(0x1F)
        guard let text else {
            buffer.append(0x00)
            return
        }
        buffer.append(0x01)
        KeyNormalizer.append(text, to: &buffer)
    }
}

extension FieldReader {
    /// The interpreted word the row just read holds for `concept`, if any.
    func word<Value: InterpretedValue>(of concept: ColumnConcept, as type: Value.Type) -> Interpreted<Value>? {
        guard let position = position(of: concept), case .word(let entry) = slots[position] else { return nil }
        return word(entry, field: position).value as? Interpreted<Value>
    }
}

extension ObjectType {
    /// How a key names an object type: its API code, else the text as found.
    static func keyText(_ reading: Interpreted<ObjectType>) -> String {
        if case .known(let code) = reading.value { return code }
        return reading.text
    }
}

extension RepairOperation {
    /// How a key names an operation: its name, else the text as found.
    static func keyText(_ reading: Interpreted<RepairOperation>) -> String {
        if case .unknown = reading.value { return reading.text }
        return reading.value.name
    }
}

/// Where the fields a key is made of sit in each kind's field table.
private struct KeyColumns {
    var sourceDatabase, targetDatabase, sourceTable, targetTable, objectType, objectName: Int?
    var keyValues, sourceKeyValues, targetKeyValues, column, operation: Int?

    private init(_ kind: SectionKind) {
        let fields = kind.fields
        func position(_ concept: ColumnConcept) -> Int? { fields.firstIndex { $0.concept == concept } }
        sourceDatabase = position(.sourceDatabase)
        targetDatabase = position(.targetDatabase)
        sourceTable = position(.sourceTable)
        targetTable = position(.targetTable)
        objectType = position(.objectType)
        objectName = position(.objectName)
        keyValues = position(.keyValues)
        sourceKeyValues = position(.sourceKeyValues)
        targetKeyValues = position(.targetKeyValues)
        column = position(.column)
        operation = position(.operation)
    }

    private static let all = SectionKind.allCases.map(KeyColumns.init)

    static func of(_ kind: SectionKind) -> KeyColumns {
        all[SectionKind.allCases.firstIndex(of: kind)!]
    }
}

/// Trims a text and reads each run of white space inside it as one space (ASCII white space,
/// NEL, no-break, Ogham, the U+2000 spaces, line and paragraph separators, narrow no-break,
/// medium mathematical and ideographic spaces). Works on UTF-8 bytes: keys are made per record.
enum KeyNormalizer {
    static func normalized(_ text: String) -> String {
        var text = text
        let clean = text.withUTF8 { bytes in
            var previousSpace = true
            for index in bytes.indices {
                let width = spaceWidth(bytes, index)
                if width > 0 && (previousSpace || width > 1 || bytes[index] != 0x20) { return false }
                previousSpace = width > 0
            }
            return !previousSpace || bytes.isEmpty
        }
        if clean { return text }
        var buffer = ByteBuffer(capacity: text.utf8.count + 1)
        defer { buffer.release() }
        append(text, to: &buffer)
        return buffer.string
    }

    static func append(_ text: String, to buffer: inout ByteBuffer) {
        var text = text
        text.withUTF8 { append(bytes: UnsafeRawBufferPointer($0), to: &buffer) }
    }

    static func append(bytes raw: UnsafeRawBufferPointer, to buffer: inout ByteBuffer) {
        let bytes = raw.bindMemory(to: UInt8.self)
        do {
            var pendingSpace = false
            var wroteAny = false
            var index = 0
            while index < bytes.count {
                let width = spaceWidth(bytes, index)
                if width > 0 {
                    pendingSpace = wroteAny
                    index += width
                    continue
                }
                if pendingSpace {
                    buffer.append(0x20)
                    pendingSpace = false
                }
                wroteAny = true
                buffer.append(bytes[index])
                index += 1
            }
        }
    }

    /// The length of the white-space character starting at `index`, or 0.
    @inline(__always)
    private static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
        let remaining = bytes.count - index
        switch byte {
        case 0xC2 where remaining >= 2:
            return bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE1 where remaining >= 3:
            return bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xE2 where remaining >= 3:
            let (second, third) = (bytes[index + 1], bytes[index + 2])
            if second == 0x80 && ((0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF) { return 3 }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3 where remaining >= 3:
            return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }
}

/// A key as the diff holds it: a 128-bit hash keyed afresh by every process (two domain-separated
/// SipHash-1-3 values from Swift's `Hasher`, so no report can be crafted to collide), plus the
/// key's length and an independent unkeyed 32-bit checksum (FNV-1a). Two keys are the same only
/// when all four agree; equal hashes with a different length or checksum are a collision, which
/// is counted and keeps the two apart.
struct KeyFingerprint: Hashable, Comparable {
    var high: UInt64
    var low: UInt64
    var check: UInt32
    var length: UInt32

    /// `hashBits` below 64 weakens the hash on purpose, so tests can force collisions.
    init(_ bytes: UnsafeRawBufferPointer, hashBits: Int = 64) {
        var first = Hasher()
        first.combine(0x5A as UInt8)
        first.combine(bytes: bytes)
        var second = Hasher()
        second.combine(0xA5 as UInt8)
        second.combine(bytes: bytes)
        let mask: UInt64 = hashBits >= 64 ? .max : (hashBits <= 0 ? 0 : (1 << UInt64(hashBits)) - 1)
        high = UInt64(UInt(bitPattern: first.finalize())) & mask
        low = UInt64(UInt(bitPattern: second.finalize())) & mask
        var fnv: UInt32 = 0x811C_9DC5
        for byte in bytes {
            fnv ^= UInt32(byte)
            fnv = fnv &* 0x0100_0193
        }
        check = fnv
        length = UInt32(truncatingIfNeeded: bytes.count)
    }

    var sameHash: (UInt64, UInt64) { (high, low) }

    static func < (a: KeyFingerprint, b: KeyFingerprint) -> Bool {
        (a.high, a.low, a.check, a.length) < (b.high, b.low, b.check, b.length)
    }
}
