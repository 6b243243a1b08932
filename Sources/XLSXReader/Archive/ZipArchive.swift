/// One file inside the archive, as the central directory describes it.
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif
struct ZipEntry: Sendable {
    let name: String
    let method: UInt16
    let flags: UInt16
    let crc32: UInt32
    let compressedSize: Int64
    let uncompressedSize: Int64
    let localHeaderOffset: Int64

    static let stored: UInt16 = 0
    static let deflated: UInt16 = 8
}

/// A ZIP archive read through its central directory with `pread`: entries are located by name and
/// streamed one chunk at a time, never read whole.
final class ZipArchive {
    let path: String
    let entries: [ZipEntry]
    let fileSize: Int64
    private let descriptor: Int32
    private let entryByKey: [String: Int]
    let limits: ReaderLimits
    let budget: InflateBudget

    init(path: String, limits: ReaderLimits) throws {
        self.path = path
        self.limits = limits
        self.budget = InflateBudget(limits: limits)
        // Opening a FIFO blocks until a writer comes, and a device may never answer: the type is
        // checked before the open, and the open itself cannot block (should the path change in
        // between, the check on the open descriptor still refuses it).
        var info = stat()
        if stat(path, &info) == 0, let kind = ZipArchive.notRegular(info.st_mode) {
            throw XLSXError(.fileNotReadable, "\(kind), not a regular file: it is not read")
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw XLSXError(.fileNotReadable, "cannot open: " + String(cString: strerror(errno)))
        }
        guard fstat(descriptor, &info) == 0, ZipArchive.notRegular(info.st_mode) == nil else {
            let kind = ZipArchive.notRegular(info.st_mode) ?? "unknown file type"
            close(descriptor)
            throw XLSXError(.fileNotReadable, "\(kind), not a regular file: it is not read")
        }
        self.descriptor = descriptor
        self.fileSize = Int64(info.st_size)
        do {
            let directory = try ZipArchive.readCentralDirectory(descriptor: descriptor, fileSize: fileSize, limits: limits)
            entries = directory
            var byKey: [String: Int] = [:]
            byKey.reserveCapacity(directory.count)
            for (index, entry) in directory.enumerated() {
                let key = ZipArchive.key(entry.name)
                if key.hasPrefix("__macosx/") || key.hasSuffix("/") { continue }
                if byKey[key] == nil { byKey[key] = index }
            }
            entryByKey = byKey
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit { close(descriptor) }

    /// What a file that is not a regular file is, for the message; nil for a regular file.
    static func notRegular(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a directory"
        default: "an unknown file type"
        }
    }

    /// Part names compare without case, with `/` or `\` separators and with or without a leading `/`.
    static func key(_ name: String) -> String {
        var key = String(name.map { $0 == "\\" ? "/" : $0 }).lowercased()
        while key.hasPrefix("/") { key.removeFirst() }
        return key
    }

    func entry(named name: String) -> ZipEntry? {
        entryByKey[ZipArchive.key(name)].map { entries[$0] }
    }

    func contains(_ name: String) -> Bool { entryByKey[ZipArchive.key(name)] != nil }

    /// Reads exactly `count` bytes at `offset`, or fewer only at the end of the file.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws -> Int {
        try ZipArchive.pread(descriptor, buffer, offset)
    }

    /// Up to `count` bytes at `offset` (fewer only at the end of the file).
    func bytes(at offset: Int64, count: Int) throws -> [UInt8] {
        try ZipArchive.readBytes(descriptor, at: offset, count: count)
    }

    fileprivate static func pread(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ offset: Int64) throws -> Int {
        var done = 0
        while done < buffer.count {
            let count = readAtOffset(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if count < 0 {
                if errno == EINTR { continue }
                throw XLSXError(.fileNotReadable, "read failed: " + String(cString: strerror(errno)))
            }
            if count == 0 { break }
            done += count
        }
        return done
    }

    // MARK: - Central directory

    private static func readCentralDirectory(descriptor: Int32, fileSize: Int64, limits: ReaderLimits) throws -> [ZipEntry] {
        let head = try readBytes(descriptor, at: 0, count: Int(min(fileSize, 8)))
        if head.count == 8, head == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
            throw describeCompoundFile(descriptor: descriptor, fileSize: fileSize)
        }
        let tailLength = Int(min(fileSize, 22 + 65_535 + 20))
        let tail = try readBytes(descriptor, at: fileSize - Int64(tailLength), count: tailLength)
        guard let eocd = findEndOfCentralDirectory(tail) else {
            throw describeNonZip(head: try readBytes(descriptor, at: 0, count: Int(min(fileSize, 4096))), fileSize: fileSize)
        }
        let eocdOffset = fileSize - Int64(tailLength) + Int64(eocd)
        var entryCount = Int64(tail.uint16(at: eocd + 10))
        var directorySize = Int64(tail.uint32(at: eocd + 12))
        var directoryOffset = Int64(tail.uint32(at: eocd + 16))
        var directoryEnd = eocdOffset

        if entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // ZIP64: the locator sits right before the classic record and points at the ZIP64 record.
            guard eocdOffset >= 20 else { throw corrupt("ZIP64 end-of-central-directory locator missing") }
            let locator = try readBytes(descriptor, at: eocdOffset - 20, count: 20)
            guard locator.uint32(at: 0) == 0x0706_4B50 else { throw corrupt("ZIP64 end-of-central-directory locator missing") }
            let recordOffset = Int64(bitPattern: locator.uint64(at: 8))
            guard recordOffset >= 0, recordOffset + 56 <= eocdOffset else { throw corrupt("ZIP64 end-of-central-directory record out of range") }
            let record = try readBytes(descriptor, at: recordOffset, count: 56)
            guard record.uint32(at: 0) == 0x0606_4B50 else { throw corrupt("ZIP64 end-of-central-directory record missing") }
            entryCount = Int64(bitPattern: record.uint64(at: 32))
            directorySize = Int64(bitPattern: record.uint64(at: 40))
            directoryOffset = Int64(bitPattern: record.uint64(at: 48))
            directoryEnd = recordOffset
        }
        guard entryCount >= 0, entryCount <= Int64(limits.maxEntries) else {
            throw XLSXError(.limitExceeded, "the archive lists \(entryCount) entries, more than the limit of \(limits.maxEntries)",
                            hint: "raise ReaderLimits.maxEntries (CLI: --max-entries) if the file is trusted")
        }
        guard directorySize >= 0, directoryOffset >= 0, directorySize <= directoryEnd else {
            throw corrupt("central directory out of range")
        }
        // Data prepended to the archive (a self-extractor stub) shifts every offset by the same amount.
        let shift = directoryEnd - directorySize - directoryOffset
        guard shift >= 0 else { throw corrupt("central directory out of range (truncated file?)") }
        let directory = try readBytes(descriptor, at: directoryOffset + shift, count: Int(directorySize))
        guard directory.count == Int(directorySize) else { throw corrupt("central directory truncated") }

        var entries: [ZipEntry] = []
        entries.reserveCapacity(Int(entryCount))
        var position = 0
        for _ in 0..<entryCount {
            guard position + 46 <= directory.count, directory.uint32(at: position) == 0x0201_4B50 else {
                throw corrupt("central directory damaged at entry \(entries.count + 1)")
            }
            let flags = directory.uint16(at: position + 8)
            let method = directory.uint16(at: position + 10)
            let crc = directory.uint32(at: position + 16)
            var compressed = Int64(directory.uint32(at: position + 20))
            var uncompressed = Int64(directory.uint32(at: position + 24))
            let nameLength = Int(directory.uint16(at: position + 28))
            let extraLength = Int(directory.uint16(at: position + 30))
            let commentLength = Int(directory.uint16(at: position + 32))
            var localOffset = Int64(directory.uint32(at: position + 42))
            let nameStart = position + 46
            let extraStart = nameStart + nameLength
            let next = extraStart + extraLength + commentLength
            guard next <= directory.count else { throw corrupt("central directory damaged at entry \(entries.count + 1)") }
            let name = String(decoding: directory[nameStart..<extraStart], as: UTF8.self)

            var extra = extraStart
            while extra + 4 <= extraStart + extraLength {
                let tag = directory.uint16(at: extra)
                let size = Int(directory.uint16(at: extra + 2))
                var field = extra + 4
                let fieldEnd = min(field + size, extraStart + extraLength)
                if tag == 0x0001 {
                    if uncompressed == 0xFFFF_FFFF, field + 8 <= fieldEnd {
                        uncompressed = Int64(bitPattern: directory.uint64(at: field)); field += 8
                    }
                    if compressed == 0xFFFF_FFFF, field + 8 <= fieldEnd {
                        compressed = Int64(bitPattern: directory.uint64(at: field)); field += 8
                    }
                    if localOffset == 0xFFFF_FFFF, field + 8 <= fieldEnd {
                        localOffset = Int64(bitPattern: directory.uint64(at: field))
                    }
                }
                extra += 4 + size
            }
            guard compressed >= 0, uncompressed >= 0, localOffset >= 0 else {
                throw corrupt("entry \(name) has impossible sizes")
            }
            entries.append(ZipEntry(
                name: name, method: method, flags: flags, crc32: crc,
                compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: localOffset + shift))
            position = next
        }
        return entries
    }

    private static func findEndOfCentralDirectory(_ tail: [UInt8]) -> Int? {
        guard tail.count >= 22 else { return nil }
        var index = tail.count - 22
        while index >= 0 {
            if tail[index] == 0x50, tail[index + 1] == 0x4B, tail[index + 2] == 0x05, tail[index + 3] == 0x06 {
                let commentLength = Int(tail.uint16(at: index + 20))
                if index + 22 + commentLength <= tail.count { return index }
            }
            index -= 1
        }
        return nil
    }

    static func readBytes(_ descriptor: Int32, at offset: Int64, count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        let read = try bytes.withUnsafeMutableBytes { try pread(descriptor, $0, offset) }
        if read < count { bytes.removeLast(count - read) }
        return bytes
    }

    private static func corrupt(_ message: String) -> XLSXError {
        XLSXError(.corruptArchive, message)
    }

    /// Password-protected OOXML files are OLE2 compound files holding an `EncryptedPackage` stream;
    /// legacy .xls files hold a `Workbook` (or `Book`) stream. Their directory names are UTF-16LE.
    private static func describeCompoundFile(descriptor: Int32, fileSize: Int64) -> XLSXError {
        let sample = (try? readBytes(descriptor, at: 0, count: Int(min(fileSize, 8 << 20)))) ?? []
        func holds(_ name: String) -> Bool {
            let pattern = Array(name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            return sample.firstRange(of: pattern) != nil
        }
        if holds("EncryptedPackage") {
            return XLSXError(.encryptedOrLegacy, "the workbook is encrypted (password-protected)",
                             hint: "open it in Excel, remove the password (File > Info > Protect Workbook), save, and try again")
        }
        if holds("Workbook") || holds("Book") {
            return XLSXError(.encryptedOrLegacy, "this is a legacy Excel 97-2003 .xls workbook, not .xlsx",
                             hint: "save it as .xlsx (Excel Workbook) and try again")
        }
        return XLSXError(.encryptedOrLegacy, "an OLE2 compound file: an encrypted (password-protected) workbook or a legacy .xls",
                         hint: "save it as an unprotected .xlsx and try again")
    }

    private static func describeNonZip(head: [UInt8], fileSize: Int64) -> XLSXError {
        if fileSize == 0 { return XLSXError(.notAZip, "the file is empty") }
        var start = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[start]) { start += 1 }
        let text = String(decoding: head[start...].prefix(512), as: UTF8.self).lowercased()
        if text.hasPrefix("<!doctype html") || text.hasPrefix("<html") || text.contains("<table") {
            return XLSXError(.notAZip, "this is an HTML file with a spreadsheet's name, not an .xlsx workbook",
                             hint: "some systems export HTML tables as .xls/.xlsx; open it in a browser or save it as .xlsx from Excel")
        }
        if text.hasPrefix("<?xml") || text.hasPrefix("<") {
            return XLSXError(.notAZip, "this is an XML file (perhaps Excel 2003 XML), not an .xlsx workbook",
                             hint: "save it as .xlsx (Excel Workbook) and try again")
        }
        if head.starts(with: [0x50, 0x4B]) {
            return XLSXError(.corruptArchive, "the ZIP archive is truncated or damaged: its end-of-central-directory record is missing")
        }
        let printable = head.prefix(4096).allSatisfy { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        if printable {
            return XLSXError(.notAZip, "this is a text or CSV file with an .xlsx name, not an .xlsx workbook",
                             hint: "read it as CSV directly, or save it as .xlsx from a spreadsheet program")
        }
        return XLSXError(.notAZip, "not a ZIP archive, so not an .xlsx workbook")
    }
}

extension Array where Element == UInt8 {
    @inline(__always) func uint16(at index: Int) -> UInt16 {
        UInt16(self[index]) | UInt16(self[index + 1]) << 8
    }

    @inline(__always) func uint32(at index: Int) -> UInt32 {
        UInt32(self[index]) | UInt32(self[index + 1]) << 8 | UInt32(self[index + 2]) << 16 | UInt32(self[index + 3]) << 24
    }

    @inline(__always) func uint64(at index: Int) -> UInt64 {
        UInt64(uint32(at: index)) | UInt64(uint32(at: index + 4)) << 32
    }
}
