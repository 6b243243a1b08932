internal import CDRSDiffLibXML2

/// The shared-string table, the one structure a reader must hold whole: kept as one UTF-8 byte
/// buffer plus offsets, not an array of `String`s.
final class SharedStrings {
    private(set) var bytes: [UInt8] = []
    /// `offsets[i]..<offsets[i + 1]` is string `i`.
    private(set) var offsets: [UInt32] = [0]

    var count: Int { offsets.count - 1 }

    static var empty: SharedStrings { SharedStrings() }

    @inline(__always)
    func range(_ index: Int) -> Range<Int> {
        Int(offsets[index])..<Int(offsets[index + 1])
    }

    func string(_ index: Int) -> String {
        String(decoding: bytes[range(index)], as: UTF8.self)
    }

    static func read(part: String, from archive: ZipArchive) throws -> SharedStrings {
        guard let entry = archive.entry(named: part) else { return .empty }
        let table = SharedStrings()
        let limit = min(archive.limits.maxSharedStringBytes, Int64(UInt32.max))
        let handler = SharedStringsHandler(table: table, limit: limit, part: entry.name)
        let parser = try XMLPushParser(handler: handler, partName: entry.name)
        let stream = try archive.stream(entry)
        while let chunk = try stream.next() { try parser.feed(chunk) }
        try parser.finish()
        return table
    }

    fileprivate func append(_ text: TextAssembler, limit: Int64, part: String) throws {
        text.finish(into: &bytes)
        guard Int64(bytes.count) <= limit else {
            throw XLSXError(.limitExceeded, "shared strings exceed the limit of \(limit) bytes", part: part,
                            hint: "raise ReaderLimits.maxSharedStringBytes if the file is trusted")
        }
        offsets.append(UInt32(bytes.count))
    }
}

private final class SharedStringsHandler: SAXHandler {
    private let table: SharedStrings
    private let limit: Int64
    private let part: String
    private var text = TextAssembler()
    private var inItem = false
    private var runDepth = 0  // depth below <si>: 1 for <t>/<r>, 2 for <r><t>
    private var capturing = false
    private var skipDepth = 0  // inside <rPh> or <phoneticPr>
    private var depth = 0

    init(table: SharedStrings, limit: Int64, part: String) {
        self.table = table
        self.limit = limit
        self.part = part
    }

    override func startElement(_ name: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?, _ attributeCount: Int,
                               _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        depth += 1
        guard skipDepth == 0 else {
            skipDepth += 1
            return
        }
        if !inItem {
            if equals(name, "si") {
                inItem = true
                text.reset()
                runDepth = depth
            }
            return
        }
        if equals(name, "t"), depth == runDepth + 1 || (depth == runDepth + 2 && inRun) {
            text.beginRun(preservesSpace: preservesSpace(attributeCount, attributes))
            capturing = true
        } else if equals(name, "r"), depth == runDepth + 1 {
            inRun = true
        } else if equals(name, "rPh") || equals(name, "phoneticPr") {
            skipDepth = 1
        }
    }

    private var inRun = false

    override func endElement(_ name: UnsafePointer<xmlChar>) {
        defer { depth -= 1 }
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        guard inItem else { return }
        if capturing, equals(name, "t") {
            capturing = false
            text.endRun()
        } else if depth == runDepth + 1, equals(name, "r") {
            inRun = false
        } else if depth == runDepth {
            inItem = false
            do { try table.append(text, limit: limit, part: part) } catch { fail(error) }
        }
    }

    override func characters(_ bytes: UnsafePointer<xmlChar>, _ count: Int) {
        if capturing { text.append(bytes, count) }
    }
}

/// True when a `<t>` carries `xml:space="preserve"`.
@inline(__always)
func preservesSpace(_ attributeCount: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Bool {
    guard let attributes else { return false }
    for index in 0..<attributeCount {
        let base = index * 5
        guard let local = attributes[base], equals(local, "space"),
              let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
        let value = UnsafeBufferPointer(start: start, count: end - start)
        return value.elementsEqual("preserve".utf8)
    }
    return false
}
