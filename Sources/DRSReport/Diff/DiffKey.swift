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
public struct DiffKey: Sendable, Hashable, Codable {
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

    /// Every member is written, `null` included: the JSON shape is fixed (`schema/`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(database, forKey: .database)
        try container.encode(table, forKey: .table)
        try container.encode(objectType, forKey: .objectType)
        try container.encode(name, forKey: .name)
        try container.encode(keyValues, forKey: .keyValues)
        try container.encode(column, forKey: .column)
        try container.encode(operation, forKey: .operation)
    }

    /// The key of a record, with its texts normalised; nil for records that are not compared.
    public init?(_ record: ReportRecord) {
        guard let parts = KeyParts(record) else { return nil }
        let text = { (value: String?) in value.map(KeyNormalizer.normalized) }
        database = text(parts.database)
        table = text(parts.table)
        objectType = text(parts.objectType)
        name = text(parts.name)
        keyValues = text(parts.keyValues)
        column = text(parts.column)
        operation = text(parts.operation)
    }

    /// `shop.orders`, `TABLE shop.orders_archive`, `shop.orders id=42 amount`, for listings.
    public var label: String {
        let place = [database, table ?? name].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ".")
        return [objectType, place.isEmpty ? nil : place, keyValues, column, operation]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// The raw texts a record is keyed on, before normalisation.
struct KeyParts {
    let entity: DiffEntity
    var database: String?
    var table: String?
    var objectType: String?
    var name: String?
    var keyValues: String?
    var column: String?
    var operation: String?

    init?(_ record: ReportRecord) {
        switch record {
        case .databaseSummary(let r):
            entity = .database
            database = r.sourceDatabase ?? r.targetDatabase
        case .tableRowCount(let r), .uncomparableTable(let r):
            entity = .table
            (database, table) = (r.database, r.table)
        case .tableValues(let r):
            entity = .table
            (database, table) = (r.database, r.table)
        case .samplingResult(let r):
            entity = .table
            (database, table) = (r.database, r.table)
        case .repairProgress(let r):
            entity = .table
            (database, table) = (r.database, r.table)
        case .objectTypeSummary(let r):
            entity = .objectType
            objectType = KeyParts.code(r.objectType)
        case .objectDifference(let r):
            entity = .object
            objectType = KeyParts.code(r.objectType)
            database = r.sourceDatabase ?? r.targetDatabase
            name = r.objectName
        case .valueDifference(let r):
            entity = .valueDifference
            (database, table) = (r.database, r.table)
            keyValues = r.keyValues ?? r.sourceKeyValues ?? r.targetKeyValues
            column = r.column
        case .repairStatement(let r):
            entity = .repairStatement
            (database, table) = (r.database, r.table)
            keyValues = r.keyValues ?? r.sourceKeyValues ?? r.targetKeyValues
            operation = r.operation.map { KeyParts.isUnknown($0.value) ? $0.text : $0.value.name }
        case .generic:
            return nil
        }
    }

    /// The table a differing row belongs to, keyed as the table entity is.
    var tableParts: KeyParts { KeyParts(entity: .table, database: database, table: table) }

    private init(entity: DiffEntity, database: String?, table: String?) {
        self.entity = entity
        self.database = database
        self.table = table
    }

    private static func code(_ type: Interpreted<ObjectType>?) -> String? {
        guard let type else { return nil }
        if case .known(let code) = type.value { return code }
        return type.text
    }

    private static func isUnknown(_ operation: RepairOperation) -> Bool {
        if case .unknown = operation { return true }
        return false
    }

    /// The normalised key as bytes: the entity, then each member (normalised) after a separator
    /// that no normalised text contains, with a marker telling an absent member from an empty one.
    func write(to buffer: inout ByteBuffer) {
        buffer.removeAll()
        buffer.append(UInt8(entity.level))
        for member in [database, table, objectType, name, keyValues, column, operation] {
            buffer.append(0x1F)
            guard let member else {
                buffer.append(0x00)
                continue
            }
            buffer.append(0x01)
            KeyNormalizer.append(member, to: &buffer)
        }
    }
}

/// Trims a text and reads each run of white space inside it as one space.
enum KeyNormalizer {
    static func normalized(_ text: String) -> String {
        var buffer = ByteBuffer(capacity: text.utf8.count + 1)
        defer { buffer.release() }
        append(text, to: &buffer)
        return buffer.string
    }

    static func append(_ text: String, to buffer: inout ByteBuffer) {
        var pendingSpace = false
        var wroteAny = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = wroteAny
                continue
            }
            if pendingSpace {
                buffer.append(0x20)
                pendingSpace = false
            }
            wroteAny = true
            if scalar.value < 0x80 {
                buffer.append(UInt8(scalar.value))
            } else {
                for unit in String(scalar).utf8 { buffer.append(unit) }
            }
        }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
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
