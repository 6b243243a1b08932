/// A cell's `t=` type: how its text is to be read.
enum CellType: UInt8, CaseIterable {
    case number, shared, inline, formulaString, boolean, error, isoDate
}

/// What a closed cell's text decodes to (a plain value: this is returned for every cell).
enum DecodedCell {
    case cell(RawCell)
    /// Nothing to keep: an empty text or shared string, an empty boolean.
    case empty
    /// A shared-string reference the table cannot honour: past its end (`index`), or no index at
    /// all (`index` nil). Its text is left at the end of the arena for the message; the caller drops it.
    case missingSharedString(index: Int?)
}

/// Decodes one closed cell's text, by its type and number format, where the sheet parser left it:
/// at the end of the arena. Works in place (trimming, `_xHHHH_` decoding, the canonical date text),
/// so a cell costs no copy and no `String`.
struct CellDecoder {
    unowned(unsafe) let sharedStrings: SharedStrings
    let styles: CellStyles

    /// The text runs from `textStart` to the end of `arena`; on return the arena ends where the
    /// cell's own bytes do (the decoded cell's `start`/`length`), or at `textStart` when it keeps
    /// none. `inlineTrim` says which ends of an inline string Excel trims (by its first and last
    /// runs' `xml:space`); other types trim fully or not at all.
    @inline(__always)
    func decode(_ type: CellType, column: Int, style: Int, textStart: Int, inlineTrim: (leading: Bool, trailing: Bool),
                arena: inout ByteBuffer) -> DecodedCell {
        var cell = RawCell(column: Int32(column), kind: .text, flag: 0, start: Int32(textStart), length: 0, number: .nan)
        let text = UnsafeBufferPointer(start: arena.base + textStart, count: arena.count - textStart)
        switch type {
        case .shared:
            let index = parseUnsigned(text)
            if index.map({ $0 >= sharedStrings.count }) ?? !text.allSatisfy(isXMLSpace) {
                return .missingSharedString(index: index)
            }
            arena.count = textStart
            guard let index, !sharedStrings.bytes(index).isEmpty else { return .empty }
            cell.flag = 1
            cell.start = Int32(truncatingIfNeeded: index)
            return .cell(cell)
        case .inline:
            keep(trimmed(text, textStart, leading: inlineTrim.leading, trailing: inlineTrim.trailing), textStart, decodingEscapes: true, &arena)
        case .formulaString:
            keep((textStart, arena.count), textStart, decodingEscapes: true, &arena)
        case .error:
            cell.kind = .error
            keep(trimmed(text, textStart), textStart, decodingEscapes: false, &arena)
        case .boolean:
            let (start, end) = trimmed(text, textStart)
            let value = UnsafeBufferPointer(start: arena.base + start, count: end - start)
            let isFalse = value.elementsEqual("0".utf8) || value.elementsEqual("false".utf8)
            arena.count = textStart
            guard start < end else { return .empty }
            cell.kind = .boolean
            cell.number = isFalse ? 0 : 1
        case .isoDate:
            if let parsed = ISODateTime.parse(text, kind: styles.formatClass(style).dateTimeKind) {
                arena.count = textStart
                cell.kind = .dateTime
                cell.flag = parsed.kind == .date ? 0 : (parsed.kind == .time ? 1 : 2)
                parsed.appendText(to: &arena)
            } else {
                keep(trimmed(text, textStart), textStart, decodingEscapes: false, &arena)
            }
        case .number:
            let formatClass = styles.formatClass(style)
            if formatClass == .number && NumberText.isCanonical(text) {
                // The source text is already the canonical spelling: it stays where it is.
                cell.kind = .number
                cell.flag = 1
            } else if let number = NumberText.parse(text) {
                arena.count = textStart
                cell.number = number
                switch formatClass {
                case .number: cell.kind = .number
                case .duration: cell.kind = .duration
                case .date: cell.kind = .dateTime; cell.flag = 0
                case .time: cell.kind = .dateTime; cell.flag = 1
                case .dateTime: cell.kind = .dateTime; cell.flag = 2
                }
            } else {
                // Not a number after all: keep the text rather than lose it.
                keep(trimmed(text, textStart), textStart, decodingEscapes: false, &arena)
            }
        }
        cell.length = Int32(arena.count - textStart)
        if (cell.kind == .text || cell.kind == .error) && cell.length == 0 { return .empty }
        return .cell(cell)
    }

    /// The text without surrounding XML whitespace (at the ends asked), as arena offsets.
    @inline(__always)
    private func trimmed(_ text: UnsafeBufferPointer<UInt8>, _ textStart: Int, leading: Bool = true, trailing: Bool = true) -> (start: Int, end: Int) {
        var start = 0
        var end = text.count
        if leading { while start < end, isXMLSpace(text[start]) { start += 1 } }
        if trailing { while end > start, isXMLSpace(text[end - 1]) { end -= 1 } }
        return (textStart + start, textStart + end)
    }

    /// Makes `arena[range]` the cell's whole text from `textStart`, `_xHHHH_` escapes decoded if asked.
    @inline(__always)
    private func keep(_ range: (start: Int, end: Int), _ textStart: Int, decodingEscapes: Bool, _ arena: inout ByteBuffer) {
        let length = compactInPlace(arena.base, from: range.start, to: range.end, into: textStart, decodingEscapes: decodingEscapes)
        arena.count = textStart + length
    }
}
