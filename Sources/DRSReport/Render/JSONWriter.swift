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

    func status(_ status: Interpreted<ComparisonStatus>?) {
        guard let status else { sink.write("null"); return }
        sink.write("{\"value\":")
        string(status.value.name)
        sink.write(",\"code\":")
        integer(status.value.code)
        sink.write(",\"text\":")
        string(status.text)
        sink.write(byte: UInt8(ascii: "}"))
    }

    func reading(name: String?, text: String?) {
        guard let name, let text else { sink.write("null"); return }
        sink.write("{\"value\":")
        string(name)
        sink.write(",\"text\":")
        string(text)
        sink.write(byte: UInt8(ascii: "}"))
    }

    func record(_ record: ReportRecord) {
        sink.write("{\"kind\":")
        string(record.kind.rawValue)
        key("sheet")
        string(record.sheet)
        key("row")
        integer(record.row)
        for (name, value) in record.fields {
            key(name)
            switch value {
            case .text(let text): string(text)
            case .count(let count): integer(count)
            case .number(let value): number(value)
            case .integer(let value): integer(value)
            case .status(let status): self.status(status)
            case .reading(let name, let text): reading(name: name, text: text)
            case .texts(let texts): array(texts) { string($0) }
            }
        }
        if case .generic = record {} else {
            key("extra")
            array(record.extra) { extra in
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

    func metadata(_ entry: MetadataEntry) {
        sink.write("{\"key\":")
        string(entry.key)
        key("value")
        string(entry.value)
        key("name")
        string(entry.name)
        key("sheet")
        string(entry.sheet)
        key("row")
        integer(entry.row)
        sink.write(byte: UInt8(ascii: "}"))
    }

    func title(_ title: ReportTitle) {
        sink.write("{\"sheet\":")
        string(title.sheet)
        key("row")
        integer(title.row)
        key("text")
        string(title.text)
        sink.write(byte: UInt8(ascii: "}"))
    }

    func column(_ column: ColumnMapping) {
        sink.write("{\"index\":")
        integer(column.index)
        key("letter")
        string(column.letter)
        key("header")
        string(column.header)
        key("concept")
        string(column.concept?.rawValue)
        key("score")
        number(column.score)
        key("via")
        string(column.via)
        sink.write(byte: UInt8(ascii: "}"))
    }

    func sheet(_ sheet: SectionSheet) {
        sink.write("{\"name\":")
        string(sheet.name)
        key("index")
        integer(sheet.index)
        key("header_row")
        integer(sheet.headerRow)
        sink.write(byte: UInt8(ascii: "}"))
    }

    /// A section's description, without the closing brace (records may follow).
    func sectionHead(_ section: ReportSection) {
        sink.write("{\"kind\":")
        string(section.kind.rawValue)
        key("confidence")
        number(section.confidence)
        key("sheets")
        array(section.sheets) { self.sheet($0) }
        key("columns")
        array(section.columns) { self.column($0) }
    }
}
