import DRSReport

/// Writes the small JSON around records (a report's head, sections' descriptions) straight to a
/// ``ByteSink``; records themselves go through ``JSONRecordEncoder``.
struct JSONWriter {
    let sink: ByteSink

    func string(_ text: String) { JSONEncoding.writeString(text, to: sink) }

    func string(_ text: String?) {
        if let text { JSONEncoding.writeString(text, to: sink) } else { sink.write("null") }
    }

    /// `"key":` with a leading comma unless it is the first member.
    func key(_ name: String, first: Bool = false) {
        if !first { sink.write(byte: UInt8(ascii: ",")) }
        JSONEncoding.writeString(name, to: sink)
        sink.write(byte: UInt8(ascii: ":"))
    }

    func array<T>(_ items: [T], _ body: (T) throws -> Void) rethrows {
        sink.write(byte: UInt8(ascii: "["))
        for (position, item) in items.enumerated() {
            if position > 0 { sink.write(byte: UInt8(ascii: ",")) }
            try body(item)
        }
        sink.write(byte: UInt8(ascii: "]"))
    }

    /// Whole numbers without a fraction (`10`), others in Swift's shortest round-trip form (`0.5`).
    static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A small value (metadata, a title, a section's description) through its Codable
    /// conformance, on one line: the one encoding `report` and `inspect` share. A value that
    /// cannot be encoded is an error, never a `null` in its place.
    func encoded<T: Encodable>(_ value: T) throws {
        sink.write(try TreeEncoder.encode(value).compact)
    }

    /// A section's description, without the closing brace (records may follow).
    func sectionHead(_ section: ReportSection) throws {
        try sink.write(JSONWriter.members(of: TreeEncoder.encode(section), opening: true))
    }

    /// An object's members as compact JSON without its closing brace, and without its opening one
    /// unless `opening`: for documents whose other members are streamed around them.
    static func members(of value: JSONValue, opening: Bool) throws -> String {
        guard case .object = value else { throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "not an object")) }
        var text = value.compact
        text.removeLast()
        if !opening { text.removeFirst() }
        return text
    }
}
