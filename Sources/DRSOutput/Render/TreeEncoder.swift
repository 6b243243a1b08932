import DRSReport
/// Encodes `Encodable` values into a ``JSONValue`` tree, keeping members in the order the value
/// encodes them. For small documents (summaries, inspections, a diff's keys and outcome) where a
/// tree is harmless; records go through ``RecordJSON``. An absent optional member is left out,
/// unless its value is a ``FixedJSONShape``: then it is written as `null`, here and nowhere else.
struct TreeEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let root = Node()
        try value.encode(to: NodeEncoder(node: root, codingPath: [], fixedShape: value is any FixedJSONShape))
        return root.value
    }
}

/// A value under construction: an object or array filled in by containers after it was handed out.
private final class Node {
    enum Content {
        case empty
        case scalar(JSONValue)
        case object([(String, Node)])
        case array([Node])
    }

    var content = Content.empty

    var value: JSONValue {
        switch content {
        case .empty: return .object([])
        case .scalar(let value): return value
        case .object(let members): return .object(members.map { ($0.0, $0.1.value) })
        case .array(let items): return .array(items.map(\.value))
        }
    }

    func member(_ key: String) -> Node {
        if case .object(let members) = content, let existing = members.first(where: { $0.0 == key }) { return existing.1 }
        let node = Node()
        if case .object(var members) = content {
            members.append((key, node))
            content = .object(members)
        } else {
            content = .object([(key, node)])
        }
        return node
    }

    func append() -> Node {
        let node = Node()
        if case .array(var items) = content {
            items.append(node)
            content = .array(items)
        } else {
            content = .array([node])
        }
        return node
    }
}

private struct NodeEncoder: Encoder {
    let node: Node
    let codingPath: [any CodingKey]
    /// The value being encoded is a ``FixedJSONShape``: its absent optionals become `null`.
    var fixedShape = false
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object([]) }
        return KeyedEncodingContainer(Keyed<Key>(node: node, codingPath: codingPath, fixedShape: fixedShape))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return Unkeyed(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node, codingPath: codingPath) }
}

private func scalar<T: Encodable>(_ value: T) -> JSONValue? {
    switch value {
    case let value as String: return .string(value)
    case let value as Bool: return .bool(value)
    case let value as Int: return .integer(Int64(value))
    case let value as Int64: return .integer(value)
    case let value as Double: return .number(value)
    default: return nil
    }
}

private func encode<T: Encodable>(_ value: T, into node: Node, codingPath: [any CodingKey]) throws {
    if let scalar = scalar(value) {
        node.content = .scalar(scalar)
        return
    }
    try value.encode(to: NodeEncoder(node: node, codingPath: codingPath, fixedShape: value is any FixedJSONShape))
}

private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]
    let fixedShape: Bool

    mutating func encodeNil(forKey key: Key) throws { node.member(key.stringValue).content = .scalar(.null) }

    /// Synthesised `encode(to:)` calls these for optionals: absent, a member is left out, or
    /// written as `null` for a ``FixedJSONShape``. Every overload is given: the standard library's
    /// defaults for the primitive types would skip the `null`.
    private mutating func encodeOptional<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else if fixedShape { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try DRSOutput.encode(value, into: node.member(key.stringValue), codingPath: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key], fixedShape: fixedShape).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]) }
}

private struct Unkeyed: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    var count: Int {
        if case .array(let items) = node.content { return items.count }
        return 0
    }

    mutating func encodeNil() throws { node.append().content = .scalar(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws { try DRSOutput.encode(value, into: node.append(), codingPath: codingPath) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.append(), codingPath: codingPath).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { NodeEncoder(node: node.append(), codingPath: codingPath).unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.append(), codingPath: codingPath) }
}

private struct Single: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .scalar(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws { try DRSOutput.encode(value, into: node, codingPath: codingPath) }
}

extension JSONValue {
    /// Two-space indented JSON; arrays of scalars and small objects stay on one line.
    func pretty(indent: String = "") -> String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return JSONWriter.format(value)
        case .integer(let value): return String(value)
        case .string(let value): return JSONEncoding.quoted(value)
        case .array(let items):
            if items.isEmpty { return "[]" }
            let inner = indent + "  "
            if items.allSatisfy(\.isScalar) { return "[" + items.map { $0.pretty() }.joined(separator: ", ") + "]" }
            return "[\n" + items.map { inner + $0.pretty(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            let inner = indent + "  "
            if members.count <= 8, members.allSatisfy({ $0.1.isScalar }) {
                let line = "{" + members.map { JSONEncoding.quoted($0.0) + ": " + $0.1.pretty() }.joined(separator: ", ") + "}"
                if line.count <= 160 { return line }
            }
            return "{\n" + members.map { inner + JSONEncoding.quoted($0.0) + ": " + $0.1.pretty(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "}"
        }
    }

    /// JSON on one line, without spaces.
    var compact: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return JSONWriter.format(value)
        case .integer(let value): return String(value)
        case .string(let value): return JSONEncoding.quoted(value)
        case .array(let items): return "[" + items.map(\.compact).joined(separator: ",") + "]"
        case .object(let members): return "{" + members.map { JSONEncoding.quoted($0.0) + ":" + $0.1.compact }.joined(separator: ",") + "}"
        }
    }

    var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }
}
