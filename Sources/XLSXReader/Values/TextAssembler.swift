/// Builds the text of an `<si>` or `<is>`: the `<t>` runs joined in document order, then trimmed
/// as Excel shows it (leading whitespace unless the first non-empty run preserves it, trailing
/// unless the last one does — never at run boundaries), then `_xHHHH_` escapes decoded.
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif
struct TextAssembler {
    private(set) var raw = ByteBuffer(capacity: 256)
    private var runStart = 0
    private var runPreserves = false
    private var firstPreserves: Bool?
    private var lastPreserves = false

    func release() { raw.release() }

    mutating func reset() {
        raw.removeAll()
        firstPreserves = nil
        lastPreserves = false
    }

    mutating func beginRun(preservesSpace: Bool) {
        runStart = raw.count
        runPreserves = preservesSpace
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
        raw.append(bytes, count: count)
    }

    mutating func endRun() {
        guard raw.count > runStart else { return }
        if firstPreserves == nil { firstPreserves = runPreserves }
        lastPreserves = runPreserves
    }

    /// Appends the finished text to `output`.
    func finish(into output: inout ByteBuffer) {
        var start = 0
        var end = raw.count
        if firstPreserves == false {
            while start < end, isXMLSpace(raw.base[start]) { start += 1 }
        }
        if !lastPreserves {
            while end > start, isXMLSpace(raw.base[end - 1]) { end -= 1 }
        }
        appendDecodingEscapes(UnsafeBufferPointer(start: raw.base + start, count: end - start), to: &output)
    }
}

@inline(__always)
func isXMLSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}

/// Copies `bytes` to `output`, turning each `_xHHHH_` (any four hex digits) into the character
/// U+HHHH, left to right, so `_x005F_x000D_` reads as the literal text `_x000D_`. UTF-16 surrogate
/// pairs written as two escapes become one character; a lone surrogate becomes U+FFFD.
func appendDecodingEscapes(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout ByteBuffer) {
    let start = output.count
    output.append(bytes)
    guard bytes.count >= 7 else { return }
    output.count = start + compactInPlace(output.base, from: start, to: output.count, into: start, decodingEscapes: true)
}

/// Moves `base[from..<to]` down to `base[into...]` (`into` ≤ `from`), decoding `_xHHHH_` escapes
/// on the way when asked (a decoded character never takes more bytes than its escape), and
/// returns the resulting length.
func compactInPlace(_ base: UnsafeMutablePointer<UInt8>, from: Int, to end: Int, into: Int, decodingEscapes: Bool) -> Int {
    var read = from
    var write = into
    if decodingEscapes {
        let whole = UnsafeBufferPointer(start: UnsafePointer(base), count: end)
        while read < end {
            guard let found = memchr(base + read, Int32(UInt8(ascii: "_")), end - read) else { break }
            let underscore = found.assumingMemoryBound(to: UInt8.self) - base
            if underscore > read {
                memmove(base + write, base + read, underscore - read)
                write += underscore - read
            }
            read = underscore
            guard read + 7 <= end, let unit = escapedUnit(whole, at: read) else {
                base[write] = base[read]
                write += 1
                read += 1
                continue
            }
            read += 7
            var scalarValue = UInt32(unit)
            if (0xD800..<0xDC00).contains(unit), read + 7 <= end, base[read] == UInt8(ascii: "_"),
               let low = escapedUnit(whole, at: read), (0xDC00..<0xE000).contains(low) {
                scalarValue = 0x10000 + (UInt32(unit) - 0xD800) << 10 + (UInt32(low) - 0xDC00)
                read += 7
            }
            for byte in String(Character(Unicode.Scalar(scalarValue) ?? "\u{FFFD}")).utf8 {
                base[write] = byte
                write += 1
            }
        }
    }
    if read < end {
        if write != read { memmove(base + write, base + read, end - read) }
        write += end - read
    }
    return write - into
}

@inline(__always)
private func escapedUnit(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt16? {
    guard bytes[index + 1] == UInt8(ascii: "x"), bytes[index + 6] == UInt8(ascii: "_") else { return nil }
    var value: UInt16 = 0
    for offset in 2...5 {
        let byte = bytes[index + offset]
        let digit: UInt8
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
        default: return nil
        }
        value = value << 4 | UInt16(digit)
    }
    return value
}
