internal import CDRSDiffLibXML2

/// A cell as the sheet parser leaves it: its bytes stay in the arena (or in the shared strings),
/// and numbers stay as their source text until someone needs the double.
struct RawCell {
    var column: Int32
    var kind: CellKind
    /// Numbers: 1 when the source text already is the canonical spelling. Dates: the
    /// `ExcelDateTime.Kind` (0 date, 1 time, 2 date-time). Text: 1 when it lives in the shared strings.
    var flag: UInt8
    /// Offset in the arena, or the shared-string index.
    var start: Int32
    var length: Int32
    /// The value of numbers, booleans, dates and durations; NaN while a canonical number is unparsed.
    var number: Double

    @inline(__always) var isSharedText: Bool { kind == .text && flag == 1 }
}

struct RowEntry {
    var index: Int
    var firstCell: Int
    var endCell: Int
}

/// Everything the worksheet parser keeps, behind one pointer: libxml2's callbacks reach it without
/// class dispatch, reference counting or exclusivity checks. This is the hot path: it works on
/// bytes, compares element names by their first bytes, and builds no `String`.
struct SheetState {
    private enum CellType {
        case number, shared, inline, formulaString, boolean, error, isoDate
    }

    /// Rows completed since the consumer last took them, and the row being parsed.
    private(set) var store: UnsafeMutablePointer<RowStore>

    private unowned(unsafe) let sharedStrings: SharedStrings
    private let styles: CellStyles
    private let part: String
    /// Corrupt references become notes instead of errors.
    private let lenient: Bool
    var box: UnsafeMutablePointer<ParserBox>?

    /// The corrupt references read past (lenient mode only).
    private(set) var notes = SheetReadNotes()
    /// The `<dimension ref>` as declared, if any.
    private(set) var declaredDimension: String?
    /// Stop at `<sheetData>`: the caller only wants the sheet's head (its `<dimension>`).
    private let stopsAtSheetData: Bool

    /// Ends a head-only parse where the cells begin.
    struct ReachedSheetData: Error {}

    private var depth = 0
    private var sheetDataDepth = -1
    private var inRow = false
    private var rowIndex = -1
    private var rowCellStart = 0
    private var rowArenaStart = 0
    private var rowSorted = true
    private var lastColumn = -1
    /// The highest row index delivered with cells: a row at or above it would land out of place.
    private var lastRowWithCells = -1

    private var inCell = false
    private var cellDepth = 0
    private var cellColumn = 0
    private var cellType = CellType.number
    private var cellStyle = 0
    /// Where the open cell's `<v>` text or inline string begins in the arena: cell text is read
    /// straight into the arena and trimmed or decoded there, never copied through a scratch buffer.
    private var valueStart = 0
    private var hasValue = false
    private var capturingValue = false
    private var hasInlineText = false
    private var runStart = 0
    private var runPreserves = false
    private var firstPreserves: Bool?
    private var lastPreserves = false
    private var inInline = false
    private var inlineRun = false
    private var capturingText = false
    private var skipDepth = 0

    init(store: UnsafeMutablePointer<RowStore>, styles: CellStyles, sharedStrings: SharedStrings, part: String, lenient: Bool,
         stopsAtSheetData: Bool = false) {
        self.store = store
        self.styles = styles
        self.sharedStrings = sharedStrings
        self.part = part
        self.lenient = lenient
        self.stopsAtSheetData = stopsAtSheetData
    }

    func release() {}

    /// libxml2 callbacks whose user data is a `ParserBox` targeting a `SheetState`.
    static func callbacks() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.startElementNs = { user, localname, _, _, _, _, attributeCount, _, attributes in
            let box = user!.assumingMemoryBound(to: ParserBox.self)
            guard box.pointee.enter() else { return }
            box.pointee.target.assumingMemoryBound(to: SheetState.self).pointee.startElement(localname!, Int(attributeCount), attributes)
        }
        sax.endElementNs = { user, _, _, _ in
            let box = user!.assumingMemoryBound(to: ParserBox.self)
            box.pointee.depth -= 1
            box.pointee.target.assumingMemoryBound(to: SheetState.self).pointee.endElement()
        }
        sax.characters = { user, bytes, count in
            user!.assumingMemoryBound(to: ParserBox.self).pointee.target.assumingMemoryBound(to: SheetState.self)
                .pointee.characters(bytes!, Int(count))
        }
        return sax
    }

    private mutating func fail(_ error: XLSXError) {
        box?.pointee.fail(error)
    }

    /// A corrupt reference: in lenient mode a note (and reading goes on, true), else the read's
    /// error (false).
    private mutating func corrupt(_ reference: CorruptReference, at place: String, _ what: String) -> Bool {
        if lenient {
            notes.record(reference, at: place)
            return true
        }
        fail(reference.error(what, place: place, part: part))
        return false
    }

    private var openCellPlace: String { "cell " + CellReference(row: rowIndex, column: cellColumn).description }

    // MARK: - Events

    @inline(__always)
    mutating func startElement(_ name: UnsafePointer<xmlChar>, _ attributeCount: Int,
                               _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        depth += 1
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        if inCell {
            startInsideCell(name, attributeCount, attributes)
            return
        }
        if inRow {
            if name[0] == UInt8(ascii: "c"), name[1] == 0, depth == cellDepth {
                startCell(attributeCount, attributes)
            }
            return
        }
        if sheetDataDepth >= 0 {
            if depth == sheetDataDepth + 1, equals(name, "row") { startRow(attributeCount, attributes) }
            return
        }
        if equals(name, "sheetData") {
            if stopsAtSheetData { box?.pointee.fail(ReachedSheetData()) }
            sheetDataDepth = depth
        } else if equals(name, "dimension"), let attributes {
            for index in 0..<attributeCount where equals(attributes[index * 5]!, "ref") {
                declaredDimension = string(attributes[index * 5 + 3]!, attributes[index * 5 + 4]!)
            }
        }
    }

    @inline(__always)
    mutating func endElement() {
        defer { depth -= 1 }
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        if inCell {
            if depth == cellDepth {
                endCell()
            } else if capturingValue {
                capturingValue = false
            } else if capturingText {
                capturingText = false
                if store.pointee.arena.count > runStart {
                    if firstPreserves == nil { firstPreserves = runPreserves }
                    lastPreserves = runPreserves
                }
            } else if inlineRun, depth == cellDepth + 2 {
                inlineRun = false
            } else if inInline, depth == cellDepth + 1 {
                inInline = false
            }
            return
        }
        if inRow, depth == sheetDataDepth + 1 {
            endRow()
        } else if depth == sheetDataDepth {
            sheetDataDepth = -1
        }
    }

    @inline(__always)
    mutating func characters(_ bytes: UnsafePointer<xmlChar>, _ count: Int) {
        if capturingValue || capturingText {
            store.pointee.arena.append(bytes, count: count)
        }
    }

    // MARK: - Rows

    private mutating func startRow(_ attributeCount: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        var index = rowIndex + 1
        if let attributes {
            for position in 0..<attributeCount {
                let local = attributes[position * 5]!
                guard local[0] == UInt8(ascii: "r"), local[1] == 0 else { continue }
                if let number = parseUnsigned(attributes[position * 5 + 3]!, attributes[position * 5 + 4]!) {
                    guard number >= 1, number <= ReaderLimits.maxRows else {
                        fail(XLSXError(.limitExceeded, "row number \(number) is outside Excel's 1 to \(ReaderLimits.maxRows)", part: part))
                        return
                    }
                    index = number - 1
                }
            }
        }
        guard index < ReaderLimits.maxRows else {
            fail(XLSXError(.limitExceeded, "more than Excel's \(ReaderLimits.maxRows) rows", part: part))
            return
        }
        inRow = true
        rowIndex = index
        rowCellStart = store.pointee.cells.count
        rowArenaStart = store.pointee.arena.count
        rowSorted = true
        lastColumn = -1
        cellDepth = depth + 1
    }

    private mutating func endRow() {
        inRow = false
        var end = store.pointee.cells.count
        if end == rowCellStart { return }
        if !rowSorted {
            // Cells out of column order: sort; a cell given twice is corrupt (leniently, the later wins).
            let sorted = (rowCellStart..<end).map { store.pointee.cells[$0] }.enumerated().sorted {
                $0.element.column != $1.element.column ? $0.element.column < $1.element.column : $0.offset < $1.offset
            }.map(\.element)
            store.pointee.cells.truncate(to: rowCellStart)
            for cell in sorted {
                if store.pointee.cells.count > rowCellStart, store.pointee.cells[store.pointee.cells.count - 1].column == cell.column {
                    let place = "cell " + CellReference(row: rowIndex, column: Int(cell.column)).description
                    guard corrupt(.duplicateCell, at: place, "\(place) appears twice in row \(rowIndex + 1): the later one would hide the earlier") else { return }
                    store.pointee.cells[store.pointee.cells.count - 1] = cell
                } else {
                    store.pointee.cells.append(cell)
                }
            }
            end = store.pointee.cells.count
        }
        if rowIndex <= lastRowWithCells {
            guard corrupt(.rowOrder, at: "row \(rowIndex + 1)",
                          "row \(rowIndex + 1) comes after row \(lastRowWithCells + 1): its cells would be out of place") else { return }
        }
        lastRowWithCells = max(lastRowWithCells, rowIndex)
        store.pointee.rows.append(RowEntry(index: rowIndex, firstCell: rowCellStart, endCell: end))
    }

    /// Forgets the rows the consumer has taken, keeping the row still being parsed (a chunk
    /// boundary can fall anywhere inside it, even inside a cell's text).
    mutating func releaseDeliveredRows() {
        store.pointee.rows.removeAll()
        guard inRow else {
            store.pointee.cells.removeAll()
            store.pointee.arena.removeAll()
            return
        }
        store.pointee.cells.removeFirst(rowCellStart)
        store.pointee.arena.removeFirst(rowArenaStart)
        let shift = Int32(rowArenaStart)
        for index in 0..<store.pointee.cells.count where !store.pointee.cells[index].isSharedText {
            store.pointee.cells[index].start -= shift
        }
        rebaseOpenRow(by: rowArenaStart)
    }

    /// Continues parsing into `empty`, carrying over the row still being parsed, and returns the
    /// store holding the completed rows, for a consumer on another thread.
    mutating func switchStore(to empty: UnsafeMutablePointer<RowStore>) -> UnsafeMutablePointer<RowStore> {
        let filled = store
        if inRow {
            let shift = Int32(rowArenaStart)
            for index in rowCellStart..<filled.pointee.cells.count {
                var cell = filled.pointee.cells[index]
                if !cell.isSharedText { cell.start -= shift }
                empty.pointee.cells.append(cell)
            }
            empty.pointee.arena.append(filled.pointee.arena.slice(rowArenaStart, filled.pointee.arena.count - rowArenaStart))
            filled.pointee.cells.truncate(to: rowCellStart)
            filled.pointee.arena.removeLast(filled.pointee.arena.count - rowArenaStart)
            rebaseOpenRow(by: rowArenaStart)
        }
        store = empty
        return filled
    }

    /// The open row now starts at the front of its store.
    private mutating func rebaseOpenRow(by shift: Int) {
        valueStart -= shift
        runStart -= shift
        rowCellStart = 0
        rowArenaStart = 0
    }

    // MARK: - Cells

    private mutating func startCell(_ attributeCount: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        var column = lastColumn + 1
        cellType = .number
        cellStyle = 0
        var styleText: String?
        if let attributes {
            for position in 0..<attributeCount {
                let local = attributes[position * 5]!
                guard local[1] == 0 else { continue }
                let start = attributes[position * 5 + 3]!
                let end = attributes[position * 5 + 4]!
                switch local[0] {
                case UInt8(ascii: "r"):
                    guard start < end else { break }
                    guard let reference = parseReference(start, end) else {
                        fail(XLSXError(.malformedXML, "invalid cell reference \"\(string(start, end))\"", part: part,
                                       location: "row \(rowIndex + 1)"))
                        return
                    }
                    guard reference.column < ReaderLimits.maxColumns, (reference.row ?? 0) < ReaderLimits.maxRows else {
                        fail(XLSXError(.limitExceeded, "cell reference \(string(start, end)) is beyond Excel's grid (XFD1048576)", part: part))
                        return
                    }
                    column = reference.column
                    if let row = reference.row, row != rowIndex {
                        // The cell's own reference wins over its row's: close the row so far and carry
                        // on in the named one.
                        endRow()
                        inRow = true
                        rowIndex = row
                        rowCellStart = store.pointee.cells.count
                        rowArenaStart = store.pointee.arena.count
                        rowSorted = true
                        lastColumn = -1
                    }
                case UInt8(ascii: "t"):
                    cellType = parseType(start, end)
                case UInt8(ascii: "s"):
                    if let index = parseUnsigned(start, end) {
                        cellStyle = index
                    } else if !UnsafeBufferPointer(start: start, count: end - start).allSatisfy(isXMLSpace) {
                        styleText = string(start, end)
                    }
                default:
                    break
                }
            }
        }
        guard column < ReaderLimits.maxColumns else {
            fail(XLSXError(.limitExceeded, "more than Excel's \(ReaderLimits.maxColumns) columns", part: part, location: "row \(rowIndex + 1)"))
            return
        }
        if column <= lastColumn { rowSorted = false }
        lastColumn = column
        cellColumn = column
        if cellStyle >= styles.count && cellStyle > 0 || styleText != nil {
            let place = openCellPlace
            let what = styleText.map { "\(place)'s style \"\($0)\" is not an index into the styles table" }
                ?? "\(place) uses style \(cellStyle), past the end of the styles table (\(styles.count) entries)"
            guard corrupt(.style, at: place, what) else { return }
            cellStyle = -1  // unformatted: past the table, formatClass reads General
        }
        inCell = true
        hasValue = false
        hasInlineText = false
        valueStart = store.pointee.arena.count
    }

    private mutating func startInsideCell(_ name: UnsafePointer<xmlChar>, _ attributeCount: Int,
                                          _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let relative = depth - cellDepth
        if relative == 1 {
            // One text per cell: the first <v> (none for inline strings, whose stray <v> is
            // ignored) or the first <is> of an inline-string cell.
            if name[0] == UInt8(ascii: "v"), name[1] == 0, cellType != .inline, !hasValue {
                capturingValue = true
                hasValue = true
                valueStart = store.pointee.arena.count
            } else if name[0] == UInt8(ascii: "i"), name[1] == UInt8(ascii: "s"), name[2] == 0, cellType == .inline, !hasInlineText {
                inInline = true
                hasInlineText = true
                valueStart = store.pointee.arena.count
                firstPreserves = nil
                lastPreserves = false
            } else {
                skipDepth = 1  // <f>, <extLst>…
            }
        } else if inInline {
            if name[0] == UInt8(ascii: "t"), name[1] == 0, relative == 2 || (relative == 3 && inlineRun) {
                runStart = store.pointee.arena.count
                runPreserves = preservesSpace(attributeCount, attributes)
                capturingText = true
            } else if name[0] == UInt8(ascii: "r"), name[1] == 0, relative == 2 {
                inlineRun = true
            } else {
                skipDepth = 1  // <rPh>, <phoneticPr>, <rPr>
            }
        } else {
            skipDepth = 1
        }
    }

    /// The open cell's text in the arena.
    private var valueBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: store.pointee.arena.base + valueStart, count: store.pointee.arena.count - valueStart)
    }

    /// The open cell's text without surrounding XML whitespace, as offsets into the arena.
    private func trimmedRange(leading: Bool = true, trailing: Bool = true) -> (start: Int, end: Int) {
        let base = store.pointee.arena.base
        var start = valueStart
        var end = store.pointee.arena.count
        if leading { while start < end, isXMLSpace(base[start]) { start += 1 } }
        if trailing { while end > start, isXMLSpace(base[end - 1]) { end -= 1 } }
        return (start, end)
    }

    /// Makes `arena[start..<end]` the open cell's whole text, `_xHHHH_` escapes decoded if asked.
    private mutating func keepValue(_ range: (start: Int, end: Int), decodingEscapes: Bool) {
        let length = compactInPlace(store.pointee.arena.base, from: range.start, to: range.end, into: valueStart, decodingEscapes: decodingEscapes)
        store.pointee.arena.count = valueStart + length
    }

    private mutating func dropValue() {
        store.pointee.arena.count = valueStart
    }

    private mutating func endCell() {
        inCell = false
        capturingValue = false
        capturingText = false
        inInline = false
        inlineRun = false
        var cell = RawCell(column: Int32(cellColumn), kind: .text, flag: 0, start: Int32(valueStart), length: 0, number: .nan)
        switch cellType {
        case .shared:
            guard hasValue else { return }
            let index = parseUnsigned(valueBytes)
            if index.map({ $0 >= sharedStrings.count }) ?? !valueBytes.allSatisfy(isXMLSpace) {
                let place = openCellPlace
                let what = index.map { "\(place) refers to shared string \($0), past the end of the table (\(sharedStrings.count) strings)" }
                    ?? "\(place)'s shared-string reference \"\(String(decoding: valueBytes, as: UTF8.self))\" is not an index"
                dropValue()
                _ = corrupt(.sharedString, at: place, what)
                return
            }
            dropValue()
            guard let index else { return }
            if sharedStrings.bytes(index).isEmpty { return }
            cell.flag = 1
            cell.start = Int32(truncatingIfNeeded: index)
            store.pointee.cells.append(cell)
            return
        case .inline:
            guard hasInlineText else { return }
            keepValue(trimmedRange(leading: firstPreserves == false, trailing: !lastPreserves), decodingEscapes: true)
        case .formulaString:
            guard hasValue else { return }
            keepValue((valueStart, store.pointee.arena.count), decodingEscapes: true)
        case .error:
            guard hasValue else { return }
            cell.kind = .error
            keepValue(trimmedRange(), decodingEscapes: false)
        case .boolean:
            guard hasValue else { return }
            let (start, end) = trimmedRange()
            let trimmed = UnsafeBufferPointer(start: store.pointee.arena.base + start, count: end - start)
            let isFalse = trimmed.elementsEqual("0".utf8) || trimmed.elementsEqual("false".utf8)
            dropValue()
            guard start < end else { return }
            cell.kind = .boolean
            cell.number = isFalse ? 0 : 1
        case .isoDate:
            guard hasValue else { return }
            if let parsed = ISODateTime.parse(valueBytes, kind: styles.formatClass(cellStyle).dateTimeKind) {
                dropValue()
                cell.kind = .dateTime
                cell.flag = parsed.kind == .date ? 0 : (parsed.kind == .time ? 1 : 2)
                parsed.appendText(to: &store.pointee.arena)
            } else {
                keepValue(trimmedRange(), decodingEscapes: false)
            }
        case .number:
            guard hasValue else { return }
            let formatClass = styles.formatClass(cellStyle)
            if formatClass == .number && NumberText.isCanonical(valueBytes) {
                // The source text is already the canonical spelling: it stays where it is.
                cell.kind = .number
                cell.flag = 1
            } else if let number = NumberText.parse(valueBytes) {
                dropValue()
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
                keepValue(trimmedRange(), decodingEscapes: false)
            }
        }
        cell.length = Int32(store.pointee.arena.count - valueStart)
        if (cell.kind == .text || cell.kind == .error) && cell.length == 0 { return }
        store.pointee.cells.append(cell)
    }

    private func parseType(_ start: UnsafePointer<xmlChar>, _ end: UnsafePointer<xmlChar>) -> CellType {
        switch (end - start, start[0]) {
        case (1, UInt8(ascii: "s")): return .shared
        case (1, UInt8(ascii: "n")): return .number
        case (1, UInt8(ascii: "b")): return .boolean
        case (1, UInt8(ascii: "e")): return .error
        case (1, UInt8(ascii: "d")): return .isoDate
        case (3, UInt8(ascii: "s")): return .formulaString
        case (9, UInt8(ascii: "i")): return .inline
        default: return .number
        }
    }
}

@inline(__always)
private func parseUnsigned(_ start: UnsafePointer<xmlChar>, _ end: UnsafePointer<xmlChar>) -> Int? {
    parseUnsigned(UnsafeBufferPointer(start: start, count: end - start))
}

@inline(__always)
private func parseUnsigned(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
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

/// `B7` → column 1, row 6; `$AB$12` works too; a reference without digits gives no row.
@inline(__always)
private func parseReference(_ start: UnsafePointer<xmlChar>, _ end: UnsafePointer<xmlChar>) -> (column: Int, row: Int?)? {
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
