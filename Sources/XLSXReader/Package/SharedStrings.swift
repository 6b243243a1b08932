internal import CDRSDiffLibXML2

/// The shared-string table, the one structure a reader must hold whole: kept as one UTF-8 byte
/// buffer plus offsets, not an array of `String`s. Immutable once read.
final class SharedStrings {
    private let bytes: ByteBuffer
    /// `offsets[i]..<offsets[i + 1]` is string `i`.
    private let offsets: PodBuffer<UInt32>
    let count: Int

    private init(bytes: ByteBuffer, offsets: PodBuffer<UInt32>) {
        self.bytes = bytes
        self.offsets = offsets
        self.count = offsets.count - 1
    }

    deinit {
        bytes.release()
        offsets.release()
    }

    /// A table holding `strings`, for callers that have them in hand rather than in a package.
    convenience init(_ strings: [String]) {
        var bytes = ByteBuffer(capacity: 16)
        var offsets = PodBuffer<UInt32>(capacity: strings.count + 1)
        offsets.append(0)
        for string in strings {
            bytes.append(string)
            offsets.append(UInt32(bytes.count))
        }
        self.init(bytes: bytes, offsets: offsets)
    }

    static var empty: SharedStrings {
        var offsets = PodBuffer<UInt32>(capacity: 1)
        offsets.append(0)
        return SharedStrings(bytes: ByteBuffer(capacity: 16), offsets: offsets)
    }

    /// The UTF-8 bytes of string `index` (which must be below `count`).
    @inline(__always)
    func bytes(_ index: Int) -> UnsafeRawBufferPointer {
        let start = Int(offsets[index])
        return bytes.slice(start, Int(offsets[index + 1]) - start)
    }

    func string(_ index: Int) -> String {
        String(decoding: bytes(index), as: UTF8.self)
    }

    static func read(part: String, from archive: ZipArchive) throws -> SharedStrings {
        guard let entry = archive.entry(named: part) else { return .empty }
        let limit = min(archive.limits.maxSharedStringBytes, Int64(UInt32.max))
        let handler = SharedStringsHandler(limit: limit, part: entry.name)
        let parser = try SAXParser(handler: handler, partName: entry.name)
        let stream = try archive.stream(entry)
        while let chunk = try stream.next() { try parser.feed(chunk) }
        try parser.finish()
        handler.handedOver = true
        return SharedStrings(bytes: handler.bytes, offsets: handler.offsets)
    }
}

private final class SharedStringsHandler: SAXHandler {
    fileprivate var bytes = ByteBuffer(capacity: 1 << 16)
    fileprivate var offsets = PodBuffer<UInt32>(capacity: 1024)
    private let limit: Int64
    private let part: String
    private var text = TextAssembler()
    private var inItem = false
    private var inRun = false
    private var itemDepth = 0
    private var capturing = false
    private var skipDepth = 0  // inside <rPh> or <phoneticPr>
    private var depth = 0

    init(limit: Int64, part: String) {
        self.limit = limit
        self.part = part
        offsets.append(0)
    }

    /// Set once `bytes` and `offsets` belong to a `SharedStrings`.
    fileprivate var handedOver = false

    deinit {
        text.release()
        if !handedOver {
            bytes.release()
            offsets.release()
        }
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
                itemDepth = depth
            }
            return
        }
        if equals(name, "t"), depth == itemDepth + 1 || (depth == itemDepth + 2 && inRun) {
            text.beginRun(preservesSpace: preservesSpace(attributeCount, attributes))
            capturing = true
        } else if equals(name, "r"), depth == itemDepth + 1 {
            inRun = true
        } else if equals(name, "rPh") || equals(name, "phoneticPr") {
            skipDepth = 1
        }
    }

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
        } else if depth == itemDepth + 1, equals(name, "r") {
            inRun = false
        } else if depth == itemDepth {
            inItem = false
            text.finish(into: &bytes)
            guard Int64(bytes.count) <= limit else {
                fail(XLSXError(.limitExceeded, "shared strings exceed the limit of \(limit) bytes", part: part,
                               hint: "raise ReaderLimits.maxSharedStringBytes (CLI: --max-shared-string-bytes) if the file is trusted"))
                return
            }
            offsets.append(UInt32(bytes.count))
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
