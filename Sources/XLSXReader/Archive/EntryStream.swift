internal import CDRSDiffZlib
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Counts inflated bytes across every entry of one archive, so many small bombs add up too.
/// Sheets can be inflated on several threads at once, so the count is kept under a lock.
final class InflateBudget: @unchecked Sendable {
    let limits: ReaderLimits
    private var inflatedBytes: Int64 = 0
    private var lock = pthread_mutex_t()

    init(limits: ReaderLimits) {
        self.limits = limits
        pthread_mutex_init(&lock, nil)
    }

    deinit { pthread_mutex_destroy(&lock) }

    func spend(_ count: Int) throws {
        pthread_mutex_lock(&lock)
        inflatedBytes += Int64(count)
        let total = inflatedBytes
        pthread_mutex_unlock(&lock)
        if total > limits.maxInflatedBytes {
            throw XLSXError(.limitExceeded, "inflated data passed the limit of \(limits.maxInflatedBytes) bytes",
                            hint: "raise ReaderLimits.maxInflatedBytes (CLI: --max-inflated-bytes) if the file is trusted")
        }
    }
}

/// Streams one entry's inflated bytes in chunks, checking sizes, CRC-32 and the safety limits as it
/// goes: into the caller's buffer (`read(into:)`, what the prefetching ring uses, so no chunk is
/// copied on its way to the parser), or into its own (`next()`, valid until the next call).
final class EntryStream {
    let entry: ZipEntry
    private let archive: ZipArchive
    private var stream = z_stream()
    private var inflating = false
    /// zlib has seen the end of the deflate stream.
    private var streamEnded = false
    /// Every byte was handed out and sizes and CRC were verified.
    private var verified = false
    private var input: UnsafeMutableRawBufferPointer
    /// `next()`'s buffer, allocated on its first call.
    private var output: UnsafeMutableRawBufferPointer?
    private var nextReadOffset: Int64
    private var compressedLeft: Int64
    private var produced: Int64 = 0
    private var checksum: UInt = 0

    static let inputChunk = 1 << 16
    static let outputChunk = 1 << 18

    init(archive: ZipArchive, entry: ZipEntry) throws {
        self.archive = archive
        self.entry = entry
        if entry.flags & 1 != 0 {
            throw XLSXError(.encryptedOrLegacy, "the ZIP entry is encrypted", part: entry.name)
        }
        guard entry.method == ZipEntry.stored || entry.method == ZipEntry.deflated else {
            throw XLSXError(.corruptArchive, "unsupported compression method \(entry.method) (only stored and deflate occur in .xlsx)", part: entry.name)
        }
        let limits = archive.limits
        if entry.uncompressedSize > limits.compressionRatioGrace,
           entry.uncompressedSize / max(entry.compressedSize, 1) > limits.maxCompressionRatio {
            throw XLSXError(.limitExceeded,
                            "declares \(entry.uncompressedSize) bytes from \(entry.compressedSize) compressed, a ratio above the limit of \(limits.maxCompressionRatio):1 (zip bomb?)",
                            part: entry.name, hint: "raise ReaderLimits.maxCompressionRatio (CLI: --max-compression-ratio) if the file is trusted")
        }
        // The local header repeats the name and may carry a different extra field; only its lengths matter.
        let header = try archive.bytes(at: entry.localHeaderOffset, count: 30)
        guard header.count == 30, header.uint32(at: 0) == 0x0403_4B50 else {
            throw XLSXError(.corruptArchive, "local header missing at offset \(entry.localHeaderOffset)", part: entry.name)
        }
        let dataStart = entry.localHeaderOffset + 30 + Int64(header.uint16(at: 26)) + Int64(header.uint16(at: 28))
        guard dataStart + entry.compressedSize <= archive.fileSize else {
            throw XLSXError(.corruptArchive, "entry is truncated: its data runs past the end of the file", part: entry.name)
        }
        nextReadOffset = dataStart
        compressedLeft = entry.compressedSize
        input = .allocate(byteCount: EntryStream.inputChunk, alignment: 16)
        if entry.method == ZipEntry.deflated {
            let status = cdrsdiff_inflateInit2(&stream, -MAX_WBITS)
            guard status == Z_OK else {
                input.deallocate()
                throw XLSXError(.corruptArchive, "zlib could not start inflating (status \(status))", part: entry.name)
            }
            inflating = true
        }
    }

    deinit {
        if inflating { inflateEnd(&stream) }
        input.deallocate()
        output?.deallocate()
    }

    /// The next chunk of inflated bytes, or nil after the last one (sizes and CRC verified).
    func next() throws -> UnsafeRawBufferPointer? {
        let buffer = output ?? .allocate(byteCount: EntryStream.outputChunk, alignment: 16)
        output = buffer
        let count = try read(into: buffer)
        return count == 0 ? nil : UnsafeRawBufferPointer(rebasing: buffer[0..<count])
    }

    /// Inflates the next bytes into `buffer` (filling it unless the entry ends first) and returns
    /// how many; 0 after the last one, once sizes and CRC are verified.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if verified { return 0 }
        let count = entry.method == ZipEntry.stored ? try nextStored(into: buffer) : try nextInflated(into: buffer)
        if count == 0 {
            try verifyEnd()
            verified = true
            return 0
        }
        produced += Int64(count)
        if produced > entry.uncompressedSize {
            throw XLSXError(.corruptArchive, "entry inflates to more than its declared \(entry.uncompressedSize) bytes", part: entry.name)
        }
        let limits = archive.limits
        if produced > limits.compressionRatioGrace, produced / max(entry.compressedSize, 1) > limits.maxCompressionRatio {
            throw XLSXError(.limitExceeded,
                            "inflates past \(limits.maxCompressionRatio) bytes per compressed byte (zip bomb?)",
                            part: entry.name, hint: "raise ReaderLimits.maxCompressionRatio (CLI: --max-compression-ratio) if the file is trusted")
        }
        try archive.budget.spend(count)
        checksum = crc32(checksum, buffer.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(count))
        return count
    }

    /// Reads the whole entry into memory: only for small parts (relationships, workbook, styles).
    func readAll() throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(min(entry.uncompressedSize, 1 << 24)))
        while let chunk = try next() { bytes.append(contentsOf: chunk) }
        return bytes
    }

    private func nextStored(into output: UnsafeMutableRawBufferPointer) throws -> Int {
        guard compressedLeft > 0 else { return 0 }
        let want = Int(min(compressedLeft, Int64(output.count)))
        let got = try archive.read(into: UnsafeMutableRawBufferPointer(rebasing: output[0..<want]), at: nextReadOffset)
        guard got == want else { throw XLSXError(.corruptArchive, "entry is truncated", part: entry.name) }
        nextReadOffset += Int64(got)
        compressedLeft -= Int64(got)
        return got
    }

    private func nextInflated(into output: UnsafeMutableRawBufferPointer) throws -> Int {
        if streamEnded { return 0 }
        stream.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(output.count)
        while stream.avail_out > 0 {
            if stream.avail_in == 0 && compressedLeft > 0 {
                let want = Int(min(compressedLeft, Int64(input.count)))
                let got = try archive.read(into: UnsafeMutableRawBufferPointer(rebasing: input[0..<want]), at: nextReadOffset)
                guard got == want else { throw XLSXError(.corruptArchive, "entry is truncated", part: entry.name) }
                nextReadOffset += Int64(got)
                compressedLeft -= Int64(got)
                stream.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(got)
            }
            let status = inflate(&stream, Z_NO_FLUSH)
            if status == Z_STREAM_END {
                streamEnded = true
                break
            }
            if status == Z_BUF_ERROR && stream.avail_in == 0 && compressedLeft == 0 {
                throw XLSXError(.corruptArchive, "deflate stream ends early (truncated entry)", part: entry.name)
            }
            guard status == Z_OK || status == Z_BUF_ERROR else {
                let reason = stream.msg.map { String(cString: $0) } ?? "status \(status)"
                throw XLSXError(.corruptArchive, "damaged deflate data: \(reason)", part: entry.name)
            }
        }
        return output.count - Int(stream.avail_out)
    }

    private func verifyEnd() throws {
        guard produced == entry.uncompressedSize else {
            throw XLSXError(.corruptArchive, "entry inflates to \(produced) bytes, not the declared \(entry.uncompressedSize)", part: entry.name)
        }
        guard UInt32(truncatingIfNeeded: checksum) == entry.crc32 else {
            throw XLSXError(.checksumMismatch, "CRC-32 mismatch: the entry is damaged", part: entry.name)
        }
    }
}

extension ZipArchive {
    func stream(_ entry: ZipEntry) throws -> EntryStream {
        try EntryStream(archive: self, entry: entry)
    }
}
