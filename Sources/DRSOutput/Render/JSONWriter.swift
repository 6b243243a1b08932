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

    func array<T>(_ items: [T], _ body: (T) -> Void) {
        sink.write(byte: UInt8(ascii: "["))
        for (position, item) in items.enumerated() {
            if position > 0 { sink.write(byte: UInt8(ascii: ",")) }
            body(item)
        }
        sink.write(byte: UInt8(ascii: "]"))
    }

    /// Whole numbers without a fraction (`10`), others in Swift's shortest round-trip form (`0.5`).
    static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A small value (metadata, a title, a section's description) through its Codable
    /// conformance, on one line: the one encoding `report` and `inspect` share.
    func encoded<T: Encodable>(_ value: T) {
        sink.write((try? TreeEncoder.encode(value))?.compact ?? "null")
    }

    /// A section's description, without the closing brace (records may follow).
    func sectionHead(_ section: ReportSection) {
        var text = (try? TreeEncoder.encode(section))?.compact ?? "{"
        if text.hasSuffix("}") { text.removeLast() }
        sink.write(text)
    }
}
