internal import CDRSDiffZlib

/// Builds ZIP archives byte by byte, so tests (and every fixture workbook) can make exactly the
/// damage or the feature they need: stored or deflated entries, data already deflated elsewhere
/// (a bomb too large to hold inflated), data descriptors, ZIP64 records, wrong CRCs, junk before
/// the archive. The one ZIP writer and the one CRC-32 of the test suite.
public struct ZipWriter {
    public struct Entry {
        public var name: String
        /// The entry's inflated bytes, or its deflated ones when `precompressed` is set.
        public var data: [UInt8]
        public var deflate = true
        public var dataDescriptor = false
        public var zip64 = false
        public var crcOverride: UInt32?
        public var declaredSizeOverride: Int64?
        /// `data` is already deflated and inflates to this many bytes with CRC `crcOverride`.
        public var precompressed: (inflatedSize: Int64, crc: UInt32)?

        public init(name: String, data: [UInt8], deflate: Bool = true, dataDescriptor: Bool = false, zip64: Bool = false,
                    crcOverride: UInt32? = nil, declaredSizeOverride: Int64? = nil) {
            self.name = name
            self.data = data
            self.deflate = deflate
            self.dataDescriptor = dataDescriptor
            self.zip64 = zip64
            self.crcOverride = crcOverride
            self.declaredSizeOverride = declaredSizeOverride
        }

        /// An entry whose data was deflated elsewhere (method 8).
        public static func deflated(_ name: String, _ data: [UInt8], inflatedSize: Int64, crc: UInt32) -> Entry {
            var entry = Entry(name: name, data: data)
            entry.precompressed = (inflatedSize, crc)
            return entry
        }
    }

    public var entries: [Entry] = []
    public var prefix: [UInt8] = []

    public init() {}

    public mutating func add(_ name: String, _ text: String, deflate: Bool = true) {
        entries.append(Entry(name: name, data: Array(text.utf8), deflate: deflate))
    }

    public mutating func add(_ name: String, _ data: [UInt8], deflate: Bool = true, crc: UInt32? = nil) {
        entries.append(Entry(name: name, data: data, deflate: deflate, crcOverride: crc))
    }

    public mutating func add(_ entry: Entry) { entries.append(entry) }

    public func bytes() -> [UInt8] {
        var out = prefix
        var central: [UInt8] = []
        for entry in entries {
            let offset = out.count - prefix.count
            let payload = entry.precompressed != nil || !entry.deflate ? entry.data : ZipWriter.deflate(entry.data)
            let crc = entry.precompressed?.crc ?? entry.crcOverride ?? ZipWriter.crc(entry.data)
            let size = entry.declaredSizeOverride ?? entry.precompressed?.inflatedSize ?? Int64(entry.data.count)
            let name = Array(entry.name.utf8)
            let flags: UInt16 = entry.dataDescriptor ? 0x0008 : 0
            let method: UInt16 = entry.deflate || entry.precompressed != nil ? 8 : 0
            // Local header
            out += le32(0x0403_4B50) + le16(entry.zip64 ? 45 : 20) + le16(flags) + le16(method) + le16(0) + le16(0x21)
            if entry.dataDescriptor {
                out += le32(0) + le32(0) + le32(0)
            } else if entry.zip64 {
                out += le32(crc) + le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF)
            } else {
                out += le32(crc) + le32(UInt32(payload.count)) + le32(UInt32(size))
            }
            let localExtra: [UInt8] = entry.zip64 && !entry.dataDescriptor ? le16(1) + le16(16) + le64(UInt64(size)) + le64(UInt64(payload.count)) : []
            out += le16(UInt16(name.count)) + le16(UInt16(localExtra.count)) + name + localExtra
            out += payload
            if entry.dataDescriptor {
                out += le32(0x0807_4B50) + le32(crc) + le32(UInt32(payload.count)) + le32(UInt32(size))
            }
            // Central directory header
            let centralExtra: [UInt8] = entry.zip64 ? le16(1) + le16(24) + le64(UInt64(size)) + le64(UInt64(payload.count)) + le64(UInt64(offset)) : []
            central += le32(0x0201_4B50) + le16(45) + le16(entry.zip64 ? 45 : 20) + le16(flags) + le16(method) + le16(0) + le16(0x21)
            central += le32(crc)
            central += entry.zip64 ? le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) : le32(UInt32(payload.count)) + le32(UInt32(size))
            central += le16(UInt16(name.count)) + le16(UInt16(centralExtra.count)) + le16(0) + le16(0) + le16(0) + le32(0)
            central += entry.zip64 ? le32(0xFFFF_FFFF) : le32(UInt32(offset))
            central += name + centralExtra
        }
        let centralOffset = out.count - prefix.count
        out += central
        if entries.contains(where: \.zip64) {
            let recordOffset = out.count - prefix.count
            out += le32(0x0606_4B50) + le64(44) + le16(45) + le16(45) + le32(0) + le32(0)
            out += le64(UInt64(entries.count)) + le64(UInt64(entries.count)) + le64(UInt64(central.count)) + le64(UInt64(centralOffset))
            out += le32(0x0706_4B50) + le32(0) + le64(UInt64(recordOffset)) + le32(1)
            out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(0xFFFF) + le16(0xFFFF) + le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) + le16(0)
        } else {
            out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
            out += le32(UInt32(central.count)) + le32(UInt32(centralOffset)) + le16(0)
        }
        return out
    }

    public static func crc(_ data: [UInt8]) -> UInt32 {
        UInt32(data.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) })
    }

    public static func deflate(_ data: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        _ = deflateInit2_(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(data.count))) + 64)
        var input = data
        let produced = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer -> Int in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = uInt(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = uInt(outputBuffer.count)
                _ = CDRSDiffZlib.deflate(&stream, Z_FINISH)
                return outputBuffer.count - Int(stream.avail_out)
            }
        }
        deflateEnd(&stream)
        return Array(output[0..<produced])
    }

    private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
    private func le64(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8((value >> (8 * UInt64($0))) & 0xFF) } }
}
