import Foundation

/// Checks that a downloaded file ends like a whole ZIP archive: its end-of-central-directory
/// record sits at the very end (after at most a 64 KiB comment) and points back at a central
/// directory inside the file. A body cut short (a connection closed early without a
/// Content-Length, a proxy's partial copy) starts with the ZIP signature but fails this.
enum ZipEndCheck {
    static let endRecordSize = 22
    static let maximumCommentSize = 0xFFFF
    private static let endSignature: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
    private static let zip64LocatorSignature: [UInt8] = [0x50, 0x4B, 0x06, 0x07]
    private static let centralDirectorySignature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]

    /// nil when the archive ends well, else what is wrong.
    /// - Parameter read: the bytes at an offset of the file (fewer only at its end).
    static func problem(size: Int64, read: (_ offset: Int64, _ count: Int) throws -> Data) rethrows -> String? {
        guard size >= endRecordSize else { return "it is too short to be a ZIP archive" }
        let tailSize = Int(min(size, Int64(endRecordSize + maximumCommentSize)))
        let tailStart = size - Int64(tailSize)
        let tail = [UInt8](try read(tailStart, tailSize))
        guard tail.count == tailSize else { return "it could not be read back whole" }
        guard let end = findEndRecord(tail) else {
            return "it has no ZIP end-of-central-directory record at its end"
        }
        let entries = UInt16(tail[end + 10]) | UInt16(tail[end + 11]) << 8
        let directorySize = Int64(le32(tail, end + 12))
        let directoryOffset = Int64(le32(tail, end + 16))
        let endOffset = tailStart + Int64(end)
        if entries == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // ZIP64: the locator just before the record names the real end record.
            let locator = end - 20
            guard locator >= 0, Array(tail[locator..<locator + 4]) == zip64LocatorSignature else {
                return "its ZIP64 end record has no locator"
            }
            let zip64Offset = (0..<8).reduce(Int64(0)) { $0 | Int64(tail[locator + 8 + $1]) << (8 * $1) }
            return zip64Offset >= 0 && zip64Offset + 56 <= tailStart + Int64(locator)
                ? nil : "its ZIP64 end record points outside the file"
        }
        guard directoryOffset + directorySize <= endOffset else {
            return "its central directory would lie beyond the end of the file"
        }
        guard entries > 0 else { return nil }
        let first = try read(directoryOffset, 4)
        return [UInt8](first) == centralDirectorySignature ? nil : "its central directory is not where its end record says"
    }

    /// The offset in `tail` of an end record whose comment reaches exactly to the end.
    private static func findEndRecord(_ tail: [UInt8]) -> Int? {
        var position = tail.count - endRecordSize
        while position >= 0 {
            if tail[position] == 0x50, Array(tail[position..<position + 4]) == endSignature {
                let commentSize = Int(tail[position + 20]) | Int(tail[position + 21]) << 8
                if position + endRecordSize + commentSize == tail.count { return position }
            }
            position -= 1
        }
        return nil
    }

    private static func le32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }
}
