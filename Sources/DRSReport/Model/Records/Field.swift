/// What a record field holds. It decides how a cell is read into the field and how the field is
/// written: JSON members and CSV columns follow from it (see `docs/report.md`).
public enum FieldType: Sendable, Hashable {
    /// The cell's text.
    case text
    /// A whole number, however the cell spells it (`1,234`, `4.339028215E9`).
    case count
    /// A percentage: `10` for 10 %.
    case percent
    /// A comparison result: JSON `{"value", "code", "text"}`, CSV `x`, `x_code`, `x_text`.
    case status
    /// Other interpreted words: JSON `{"value", "text"}`, CSV `x`, `x_text`.
    case objectType, differenceKind, repairOperation, repairState, existence
    /// A row of texts, for sheets that were not recognised.
    case texts

    /// Whether the field is written as an interpreted value with the cell text beside it.
    public var isInterpreted: Bool {
        switch self {
        case .status, .objectType, .differenceKind, .repairOperation, .repairState, .existence: return true
        case .text, .count, .percent, .texts: return false
        }
    }
}

/// A value a record field can hold.
public protocol FieldValue: Sendable, Hashable, Codable {
    static var fieldType: FieldType { get }
}

extension String: FieldValue { public static var fieldType: FieldType { .text } }
extension Int64: FieldValue { public static var fieldType: FieldType { .count } }
extension Double: FieldValue { public static var fieldType: FieldType { .percent } }
extension Array: FieldValue where Element == String { public static var fieldType: FieldType { .texts } }
extension Interpreted: FieldValue { public static var fieldType: FieldType { Value.fieldType } }

extension FieldValue {
    func isEqual(to other: any FieldValue) -> Bool { (other as? Self) == self }
}

/// One field of a record kind, type-erased: what writers and the builder iterate over.
public protocol AnyField: Sendable {
    /// The JSON member and CSV column: `source_rows`.
    var key: String { get }
    /// The column concept the field is read from; nil for fields that are not read from one column.
    var concept: ColumnConcept? { get }
    var type: FieldType { get }
    /// The Swift type of the field's values, for decoding.
    var valueType: any FieldValue.Type { get }
}

/// One field of a record kind: declared once, in the kind's field table, as
/// `public let sourceRows = Field<Int64>("source_rows", .sourceRows)`.
public struct Field<Value: FieldValue>: AnyField {
    public let key: String
    public let concept: ColumnConcept?

    public init(_ key: String, _ concept: ColumnConcept?) {
        self.key = key
        self.concept = concept
    }

    public var type: FieldType { Value.fieldType }
    public var valueType: any FieldValue.Type { Value.self }
}

/// A record kind's field table: a struct whose stored `Field` constants, in declaration order, are
/// the kind's fields. It is the one description of the kind that the record builder, the Codable
/// conformance, the JSON/NDJSON and CSV writers and the schema test all follow.
public protocol RecordFields: Sendable {
    init()
    /// Build it as `FieldLayout(Self())`.
    static var layout: FieldLayout<Self> { get }
    /// Status codes are read as object comparisons define them (3 means "not finished").
    static var readsObjectStatusCodes: Bool { get }
    /// Whether records carry `extra` (cells of unmatched columns); generic rows keep every cell instead.
    static var keepsExtraCells: Bool { get }
}

extension RecordFields {
    public static var readsObjectStatusCodes: Bool { false }
    public static var keepsExtraCells: Bool { true }
}

/// A field table's fields in order, found once by reflection over the table.
public struct FieldLayout<Fields: RecordFields>: Sendable {
    let table: Fields
    public let fields: [any AnyField]
    private let positions: [String: Int]
    private let conceptPositions: [ColumnConcept: Int]
    /// A table holds nothing but `Field` constants, all laid out alike whatever their value type,
    /// so a field's position is its offset over this stride: no hashing per field access.
    private static var stride: Int { MemoryLayout<Field<String>>.stride }

    public init(_ table: Fields) {
        self.table = table
        fields = Mirror(reflecting: table).children.map { child in
            guard let field = child.value as? any AnyField else {
                preconditionFailure("\(Fields.self).\(child.label ?? "?") is not a Field: a field table holds only Field constants")
            }
            return field
        }
        precondition(MemoryLayout<Fields>.size == max(0, fields.count * FieldLayout.stride - (FieldLayout.stride - MemoryLayout<Field<String>>.size)),
                     "\(Fields.self) holds something besides its \(fields.count) fields")
        var positions: [String: Int] = [:]
        for (position, field) in fields.enumerated() {
            precondition(positions.updateValue(position, forKey: field.key) == nil, "\(Fields.self) declares \(field.key) twice")
        }
        self.positions = positions
        var conceptPositions: [ColumnConcept: Int] = [:]
        for (position, field) in fields.enumerated() {
            guard let concept = field.concept else { continue }
            precondition(conceptPositions.updateValue(position, forKey: concept) == nil, "\(Fields.self) reads \(concept) twice")
        }
        self.conceptPositions = conceptPositions
    }

    /// Where the field sits in ``fields``. Key paths made in this module are plain stored-property
    /// paths with an offset; others (made across a module boundary) may not be, and go by key.
    @inline(__always)
    public func position<Value>(of path: KeyPath<Fields, Field<Value>>) -> Int {
        if let offset = MemoryLayout<Fields>.offset(of: path) { return offset / FieldLayout.stride }
        return positions[table[keyPath: path].key]!
    }

    /// The position of the field with this JSON key.
    public func position(ofKey key: String) -> Int? { positions[key] }

    /// The position of the field read from `concept`, if the kind has one.
    public func position(of concept: ColumnConcept) -> Int? { conceptPositions[concept] }
}
