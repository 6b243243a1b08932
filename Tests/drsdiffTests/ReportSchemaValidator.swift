import Foundation

/// A JSON value as the validator sees it: integers apart from other numbers, by their spelling.
indirect enum ReportJSON: Equatable {
    case null, bool(Bool), integer(Int64), number(Double), string(String), array([ReportJSON]), object([String: ReportJSON])

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ text: String) throws -> ReportJSON {
        var parser = Parser(bytes: Array(text.utf8))
        let value = try parser.value()
        parser.space()
        guard parser.position == parser.bytes.count else { throw ParseError(description: "text after the value at byte \(parser.position)") }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var position = 0

        mutating func space() { while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 } }

        mutating func expect(_ byte: UInt8) throws {
            space()
            guard position < bytes.count, bytes[position] == byte else { throw ParseError(description: "expected \(UnicodeScalar(byte)) at byte \(position)") }
            position += 1
        }

        mutating func value() throws -> ReportJSON {
            space()
            guard position < bytes.count else { throw ParseError(description: "unexpected end") }
            switch bytes[position] {
            case UInt8(ascii: "{"):
                position += 1
                var members: [String: ReportJSON] = [:]
                space()
                if bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
                repeat {
                    space()
                    guard case .string(let key) = try value() else { throw ParseError(description: "member name expected at byte \(position)") }
                    try expect(UInt8(ascii: ":"))
                    guard members[key] == nil else { throw ParseError(description: "duplicate member \(key)") }
                    members[key] = try value()
                    space()
                } while try separator(UInt8(ascii: "}"))
                return .object(members)
            case UInt8(ascii: "["):
                position += 1
                var items: [ReportJSON] = []
                space()
                if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
                repeat { items.append(try value()) } while try separator(UInt8(ascii: "]"))
                return .array(items)
            case UInt8(ascii: "\""):
                let start = position
                position += 1
                while bytes[position] != UInt8(ascii: "\"") { position += bytes[position] == UInt8(ascii: "\\") ? 2 : 1 }
                position += 1
                let literal = String(decoding: bytes[start..<position], as: UTF8.self)
                guard let text = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed) as? String else {
                    throw ParseError(description: "bad string at byte \(start)")
                }
                return .string(text)
            case UInt8(ascii: "t"): position += 4; return .bool(true)
            case UInt8(ascii: "f"): position += 5; return .bool(false)
            case UInt8(ascii: "n"): position += 4; return .null
            default:
                let start = position
                while position < bytes.count, "+-.eE0123456789".utf8.contains(bytes[position]) { position += 1 }
                let literal = String(decoding: bytes[start..<position], as: UTF8.self)
                if let integer = Int64(literal) { return .integer(integer) }
                guard let number = Double(literal) else { throw ParseError(description: "bad number \(literal)") }
                return .number(number)
            }
        }

        mutating func separator(_ closing: UInt8) throws -> Bool {
            space()
            if bytes[position] == UInt8(ascii: ",") { position += 1; return true }
            try expect(closing)
            return false
        }
    }
}

/// Validates JSON against the subset of JSON Schema (2020-12) that the schemas in schema/ use:
/// type, required, properties, additionalProperties, enum, items, minimum, oneOf and $ref, local
/// (`#/$defs/x`) or to a sibling schema file (`drsdiff.report.v1.json#/$defs/record`, as the
/// `$id`s of both files resolve it). Any other keyword is an error, so a schema cannot quietly
/// outgrow the validator.
struct ReportSchemaValidator {
    /// Schema documents by file name; `main` is the one validated against.
    let documents: [String: ReportJSON]
    let main: String
    static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs"]
    static let keywords: Set<String> = ["type", "required", "properties", "additionalProperties", "enum", "items", "minimum", "oneOf", "$ref"]

    init(schema: ReportJSON, named main: String = "drsdiff.report.v1.json", siblings: [String: ReportJSON] = [:]) {
        documents = siblings.merging([main: schema]) { _, mine in mine }
        self.main = main
    }

    /// Problems found, each with its JSON path; empty when the value is valid.
    func validate(_ value: ReportJSON, against reference: String = "#") -> [String] {
        var problems: [String] = []
        let (schema, document) = resolve(reference, in: main)
        check(value, schema, document: document, path: "$", problems: &problems)
        return problems
    }

    private func resolve(_ reference: String, in document: String) -> (ReportJSON, String) {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let file = parts[0].isEmpty ? document : String(parts[0])
        guard var node = documents[file] else { return (.object(["unresolved": .string(reference)]), document) }
        for part in (parts.count > 1 ? parts[1] : "").split(separator: "/") {
            guard case .object(let members) = node, let next = members[String(part)] else { return (.object(["unresolved": .string(reference)]), file) }
            node = next
        }
        return (node, file)
    }

    private func check(_ value: ReportJSON, _ schema: ReportJSON, document: String, path: String, problems: inout [String]) {
        guard case .object(let rules) = schema else { problems.append("\(path): schema is not an object"); return }
        for key in rules.keys where !Self.keywords.contains(key) && !Self.annotations.contains(key) {
            problems.append("\(path): the validator does not support \"\(key)\"")
        }
        if case .string(let reference)? = rules["$ref"] {
            let (target, file) = resolve(reference, in: document)
            check(value, target, document: file, path: path, problems: &problems)
        }
        if case .array(let types)? = rules["type"] {
            if !types.contains(where: { matches(value, $0) }) { problems.append("\(path): \(describe(value)) is not of type \(types)") }
        } else if let type = rules["type"], !matches(value, type) {
            problems.append("\(path): \(describe(value)) is not of type \(type)")
        }
        if case .array(let allowed)? = rules["enum"], !allowed.contains(value) {
            problems.append("\(path): \(describe(value)) is not one of \(allowed)")
        }
        if case .integer(let minimum)? = rules["minimum"], case .integer(let number) = value, number < minimum {
            problems.append("\(path): \(number) < \(minimum)")
        }
        if case .array(let choices)? = rules["oneOf"] {
            var matching = 0
            var closest: [String] = []
            for choice in choices {
                var inner: [String] = []
                check(value, choice, document: document, path: path, problems: &inner)
                if inner.isEmpty { matching += 1 } else if closest.isEmpty || inner.count < closest.count { closest = inner }
            }
            if matching != 1 { problems.append("\(path): matches \(matching) of oneOf's \(choices.count) choices" + (closest.first.map { "; closest: \($0)" } ?? "")) }
        }
        if case .object(let members) = value {
            if case .array(let required)? = rules["required"] {
                for case .string(let name) in required where members[name] == nil { problems.append("\(path): missing \"\(name)\"") }
            }
            let properties: [String: ReportJSON]
            if case .object(let declared)? = rules["properties"] { properties = declared } else { properties = [:] }
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                if let rule = properties[name] {
                    check(member, rule, document: document, path: path + "." + name, problems: &problems)
                } else if rules["additionalProperties"] == .bool(false) {
                    problems.append("\(path): unexpected member \"\(name)\"")
                } else if let rule = rules["additionalProperties"], case .object = rule {
                    check(member, rule, document: document, path: path + "." + name, problems: &problems)
                }
            }
        }
        if case .array(let items) = value, let rule = rules["items"] {
            for (index, item) in items.enumerated() { check(item, rule, document: document, path: path + "[\(index)]", problems: &problems) }
        }
    }

    private func matches(_ value: ReportJSON, _ type: ReportJSON) -> Bool {
        guard case .string(let name) = type else { return false }
        switch (name, value) {
        case ("null", .null), ("boolean", .bool), ("integer", .integer), ("number", .integer), ("number", .number),
             ("string", .string), ("array", .array), ("object", .object):
            return true
        default:
            return false
        }
    }

    private func describe(_ value: ReportJSON) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return String(flag)
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        case .string(let text): return "\"\(text.prefix(40))\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
