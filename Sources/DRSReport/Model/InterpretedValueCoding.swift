/// How an interpreted value encodes on its own (outside ``Interpreted``, which adds the cell's
/// text): the members ``Interpreted`` writes, so one reader takes both. A known value writes its
/// name (and code, for statuses): `{"value": "timed_out", "code": 27}`; an unknown one writes
/// the text it keeps: `{"value": "unknown", "text": "Abgebrochen"}`. Decoding goes through
/// ``InterpretedValue/decoded(name:text:)``, as records read back from JSON do.
enum InterpretedValueCoding {
    private enum Key: String, CodingKey { case value, code, text }

    static func encode(_ value: some InterpretedValue, unknownText: String?, to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(value.name, forKey: .value)
        if let code = value.code { try container.encode(code, forKey: .code) }
        if let unknownText { try container.encode(unknownText, forKey: .text) }
    }

    static func decode<Value: InterpretedValue>(from decoder: any Decoder) throws -> Value {
        let container = try decoder.container(keyedBy: Key.self)
        let name = try container.decode(String.self, forKey: .value)
        return Value.decoded(name: name, text: try container.decodeIfPresent(String.self, forKey: .text) ?? name)
    }
}

extension ComparisonStatus: Codable {
    public init(from decoder: any Decoder) throws { self = try InterpretedValueCoding.decode(from: decoder) }

    public func encode(to encoder: any Encoder) throws {
        let text: String? = if case .unknown(let text) = self { text } else { nil }
        try InterpretedValueCoding.encode(self, unknownText: text, to: encoder)
    }
}

extension DifferenceKind: Codable {
    public init(from decoder: any Decoder) throws { self = try InterpretedValueCoding.decode(from: decoder) }

    public func encode(to encoder: any Encoder) throws {
        let text: String? = if case .unknown(let text) = self { text } else { nil }
        try InterpretedValueCoding.encode(self, unknownText: text, to: encoder)
    }
}

extension ObjectExistence: Codable {
    public init(from decoder: any Decoder) throws { self = try InterpretedValueCoding.decode(from: decoder) }

    public func encode(to encoder: any Encoder) throws {
        let text: String? = if case .unknown(let text) = self { text } else { nil }
        try InterpretedValueCoding.encode(self, unknownText: text, to: encoder)
    }
}

extension ObjectType: Codable {
    public init(from decoder: any Decoder) throws { self = try InterpretedValueCoding.decode(from: decoder) }

    public func encode(to encoder: any Encoder) throws {
        let text: String? = if case .unknown(let text) = self { text } else { nil }
        try InterpretedValueCoding.encode(self, unknownText: text, to: encoder)
    }
}

extension RepairOperation: Codable {
    public init(from decoder: any Decoder) throws { self = try InterpretedValueCoding.decode(from: decoder) }

    public func encode(to encoder: any Encoder) throws {
        let text: String? = if case .unknown(let text) = self { text } else { nil }
        try InterpretedValueCoding.encode(self, unknownText: text, to: encoder)
    }
}

extension RepairState: Codable {
    public init(from decoder: any Decoder) throws { self = try InterpretedValueCoding.decode(from: decoder) }

    public func encode(to encoder: any Encoder) throws {
        let text: String? = if case .unknown(let text) = self { text } else { nil }
        try InterpretedValueCoding.encode(self, unknownText: text, to: encoder)
    }
}
