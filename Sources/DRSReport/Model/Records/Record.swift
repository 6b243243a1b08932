/// One row of a report section, typed by its kind's field table. Fields read as properties:
/// `table.sourceRows` is the `Int64?` of ``TableRowCountFields/sourceRows``; nil when the cell was
/// empty or the report has no such column.
@dynamicMemberLookup
public struct Record<Fields: RecordFields>: Sendable, Hashable {
    public var sheet: String
    /// 1-based row in ``sheet``.
    public var row: Int
    /// One slot per field of ``Fields``, in the table's order.
    private var slots: [(any FieldValue)?]
    /// Cells under headers that matched no concept (or that could not be read as the concept
    /// expects, such as `n/a` under a row count): nothing in the file is lost.
    public var extra: [ExtraField]

    /// A record with every field empty.
    public init(sheet: String, row: Int, extra: [ExtraField] = []) {
        self.sheet = sheet
        self.row = row
        self.slots = Array(repeating: nil, count: Fields.layout.fields.count)
        self.extra = extra
    }

    public subscript<Value>(dynamicMember path: KeyPath<Fields, Field<Value>>) -> Value? {
        get { slots[Fields.layout.position(of: path)] as? Value }
        set { slots[Fields.layout.position(of: path)] = newValue }
    }

    /// The value of the field at `position` in the layout.
    public subscript(position: Int) -> (any FieldValue)? {
        get { slots[position] }
        set {
            precondition(newValue.map { type(of: $0) == Fields.layout.fields[position].valueType } ?? true,
                         "a \(Fields.layout.fields[position].key) field cannot hold \(newValue.map { type(of: $0) }!)")
            slots[position] = newValue
        }
    }

    /// The value of the field read from `concept`, if the kind has such a field.
    public func value(for concept: ColumnConcept) -> (any FieldValue)? {
        Fields.layout.position(of: concept).flatMap { slots[$0] }
    }

    public static func == (a: Record, b: Record) -> Bool {
        a.sheet == b.sheet && a.row == b.row && a.extra == b.extra
            && zip(a.slots, b.slots).allSatisfy { pair in
                switch pair {
                case (nil, nil): return true
                case (let x?, let y?): return x.isEqual(to: y)
                default: return false
                }
            }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(sheet)
        hasher.combine(row)
        for value in slots {
            if let value { hasher.combine(value) } else { hasher.combine(0 as UInt8) }
        }
        hasher.combine(extra)
    }
}

/// Members are the table's keys, in its order, between `sheet`/`row` and `extra`: the shape of
/// `drsdiff.report/v1` records.
extension Record: Codable {
    private typealias Key = NamedCodingKey

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        self.init(sheet: try container.decode(String.self, forKey: Key("sheet")), row: try container.decode(Int.self, forKey: Key("row")))
        for (position, field) in Fields.layout.fields.enumerated() {
            slots[position] = try Record.decode(field.valueType, Key(field.key), container)
        }
        if Fields.keepsExtraCells { extra = try container.decode([ExtraField].self, forKey: Key("extra")) }
    }

    private static func decode<Value: FieldValue>(_ type: Value.Type, _ key: Key, _ container: KeyedDecodingContainer<Key>) throws -> Value? {
        try container.decodeIfPresent(type, forKey: key)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(sheet, forKey: Key("sheet"))
        try container.encode(row, forKey: Key("row"))
        for (field, value) in zip(Fields.layout.fields, slots) {
            if let value { try container.encode(value, forKey: Key(field.key)) } else { try container.encodeNil(forKey: Key(field.key)) }
        }
        if Fields.keepsExtraCells { try container.encode(extra, forKey: Key("extra")) }
    }
}

/// A cell under a header that matched no concept (or whose value could not be read as the
/// concept expects, such as `n/a` under a row count): kept so that nothing in the file is lost.
public struct ExtraField: Sendable, Hashable, Codable {
    /// The column's letter: `K`.
    public var column: String
    /// The column's header text; empty for a cell right of the header.
    public var header: String
    public var value: String

    public init(column: String, header: String, value: String) {
        self.column = column
        self.header = header
        self.value = value
    }
}
