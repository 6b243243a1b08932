/// A value drsdiff interprets from a cell's text: a status, a difference kind, an operation…
public protocol InterpretedValue: Sendable, Hashable {
    /// The stable snake_case name written to JSON and CSV (`unknown` when nothing matched).
    var name: String { get }
    /// A numeric code, where the API defines one (statuses).
    var code: Int? { get }
    /// The value a name read back from JSON stands for; `text` fills `unknown` cases.
    static func decoded(name: String, text: String) -> Self
    /// How a record field of these values is read and written.
    static var fieldType: FieldType { get }
}

extension InterpretedValue {
    public var code: Int? { nil }
}

/// An interpreted value with the cell text it was read from: nothing is lost when the
/// interpretation is wrong or `unknown`. In JSON: `{"value": "consistent", "code": 2, "text": "一致"}`,
/// plus `"inferred": true` when the word was unknown and its meaning was learned from the rows.
public struct Interpreted<Value: InterpretedValue>: Sendable, Hashable, Codable {
    public var value: Value
    /// The cell's text as found.
    public var text: String
    /// The meaning was inferred from the report's rows (see ``ColumnMapping/learned``), not known.
    public var inferred: Bool

    public init(_ value: Value, text: String, inferred: Bool = false) {
        self.value = value
        self.text = text
        self.inferred = inferred
    }

    private enum CodingKeys: String, CodingKey { case value, code, text, inferred }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        value = Value.decoded(name: try container.decode(String.self, forKey: .value), text: text)
        inferred = try container.decodeIfPresent(Bool.self, forKey: .inferred) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value.name, forKey: .value)
        if let code = value.code { try container.encode(code, forKey: .code) }
        try container.encode(text, forKey: .text)
        if inferred { try container.encode(true, forKey: .inferred) }
    }
}

/// An interpreted value of any kind, for code that writes fields without knowing their type.
public protocol AnyInterpreted: Sendable {
    /// The stable name (``InterpretedValue/name``).
    var name: String { get }
    var code: Int? { get }
    /// The cell's text as found.
    var text: String { get }
    /// Learned from the rows rather than known.
    var inferred: Bool { get }
}

extension Interpreted: AnyInterpreted {
    public var name: String { value.name }
    public var code: Int? { value.code }
}
