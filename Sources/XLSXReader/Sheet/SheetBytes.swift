/// The byte parsers of the sheet's hot path: attribute values as libxml2 hands them over (a start
/// and an end pointer, not NUL-terminated), parsed without building a `String`.

/// A decimal number of at most 12 digits, surrounding XML whitespace allowed; nil otherwise.
@inline(__always)
func parseUnsigned(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Int? {
    parseUnsigned(UnsafeBufferPointer(start: start, count: end - start))
}

@inline(__always)
func parseUnsigned(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var start = 0
    var end = bytes.count
    while start < end, isXMLSpace(bytes[start]) { start += 1 }
    while end > start, isXMLSpace(bytes[end - 1]) { end -= 1 }
    guard start < end, end - start <= 12 else { return nil }
    var value = 0
    for index in start..<end {
        let digit = bytes[index] &- 0x30
        guard digit < 10 else { return nil }
        value = value * 10 + Int(digit)
    }
    return value
}

/// `B7` → column 1, row 6; `$AB$12` works too; a reference without digits gives no row. Nil for
/// anything else, or more than 4 letters or 8 digits (far past Excel's grid, checked by the caller).
@inline(__always)
func parseReference(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> (column: Int, row: Int?)? {
    var pointer = start
    if pointer < end, pointer.pointee == UInt8(ascii: "$") { pointer += 1 }
    var column = 0
    var letters = 0
    while pointer < end {
        let byte = pointer.pointee | 0x20
        guard byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") else { break }
        column = column * 26 + Int(byte - UInt8(ascii: "a") + 1)
        letters += 1
        guard letters <= 4 else { return nil }
        pointer += 1
    }
    guard letters > 0 else { return nil }
    if pointer < end, pointer.pointee == UInt8(ascii: "$") { pointer += 1 }
    if pointer == end { return (column - 1, nil) }
    var row = 0
    var digits = 0
    while pointer < end {
        let digit = pointer.pointee &- 0x30
        guard digit < 10, digits < 8 else { return nil }
        row = row * 10 + Int(digit)
        digits += 1
        pointer += 1
    }
    guard row >= 1 else { return nil }
    return (column - 1, row - 1)
}

extension CellType {
    /// A cell's `t` attribute; anything unknown reads as a number, as Excel does.
    @inline(__always)
    init(attribute start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) {
        guard start < end else {
            self = .number
            return
        }
        switch (end - start, start[0]) {
        case (1, UInt8(ascii: "s")): self = .shared
        case (1, UInt8(ascii: "n")): self = .number
        case (1, UInt8(ascii: "b")): self = .boolean
        case (1, UInt8(ascii: "e")): self = .error
        case (1, UInt8(ascii: "d")): self = .isoDate
        case (3, UInt8(ascii: "s")): self = .formulaString
        case (9, UInt8(ascii: "i")): self = .inline
        default: self = .number
        }
    }
}
