import DRSReport
/// Writes JSON values straight to a ``ByteSink``, byte by byte, without building a tree: the
/// writer every drsdiff JSON output goes through (records are written by the million).
struct JSONWriter {
    let sink: ByteSink

    func raw(_ text: String) { sink.write(text) }

    func string(_ text: String) { JSONEncoding.writeString(text, to: sink) }

    func string(_ text: String?) {
        if let text { JSONEncoding.writeString(text, to: sink) } else { sink.write("null") }
    }

    func integer<I: BinaryInteger>(_ value: I?) {
        if let value { sink.write(String(value)) } else { sink.write("null") }
    }

    func number(_ value: Double?) {
        guard let value, value.isFinite else { sink.write("null"); return }
        sink.write(JSONWriter.format(value))
    }

    func bool(_ value: Bool) { sink.write(value ? "true" : "false") }

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

    // MARK: - Report values

    func status(_ status: (any AnyInterpreted)?) {
        guard let status else { sink.write("null"); return }
        sink.write("{\"value\":")
        string(status.name)
        sink.write(",\"code\":")
        integer(status.code)
        sink.write(",\"text\":")
        string(status.text)
        if status.inferred { sink.write(",\"inferred\":true") }
        sink.write(byte: UInt8(ascii: "}"))
    }

    func reading(_ reading: (any AnyInterpreted)?) {
        guard let reading else { sink.write("null"); return }
        sink.write("{\"value\":")
        string(reading.name)
        sink.write(",\"text\":")
        string(reading.text)
        sink.write(byte: UInt8(ascii: "}"))
    }

    func record(_ record: ReportRecord) {
        let body = record.body
        sink.write("{\"kind\":")
        string(record.kind.rawValue)
        key("sheet")
        string(body.sheet)
        key("row")
        integer(body.row)
        for (position, field) in type(of: body).fields.enumerated() {
            key(field.key)
            let value = body[position]
            switch field.type {
            case .text: string(value as? String)
            case .count: integer(value as? Int64)
            case .percent: number(value as? Double)
            case .status: status(value as? any AnyInterpreted)
            case .objectType, .differenceKind, .repairOperation, .repairState, .existence: reading(value as? any AnyInterpreted)
            case .texts: array(value as? [String] ?? []) { string($0) }
            }
        }
        if type(of: body).keepsExtraCells {
            key("extra")
            array(body.extra) { extra in
                sink.write("{\"column\":")
                string(extra.column)
                sink.write(",\"header\":")
                string(extra.header)
                sink.write(",\"value\":")
                string(extra.value)
                sink.write(byte: UInt8(ascii: "}"))
            }
        }
        sink.write(byte: UInt8(ascii: "}"))
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
