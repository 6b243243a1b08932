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

    // Rows completed since the consumer last took them, and the row being parsed.
    var rows = PodBuffer<RowEntry>(capacity: 1024)
    var cells = PodBuffer<RawCell>(capacity: 8192)
    var arena = ByteBuffer(capacity: 1 << 19)
    private var scratch = ByteBuffer(capacity: 64)

    private unowned(unsafe) let sharedStrings: SharedStrings
    private let styles: CellStyles
    let dateSystem: DateSystem
    private let part: String
    var box: UnsafeMutablePointer<ParserBox>?

    /// Shared-string indices past the table, read as empty cells.
    private(set) var missingSharedStrings = 0
    /// The `<dimension ref>` as declared, if any.
    private(set) var declaredDimension: String?
    /// Set once `<sheetData>` has been seen, for callers that only want the sheet's head.
    private(set) var reachedSheetData = false

    private var depth = 0
    private var sheetDataDepth = -1
    private var inRow = false
    private var rowIndex = -1
    private var rowCellStart = 0
    private var rowArenaStart = 0
    private var rowSorted = true
    private var lastColumn = -1

    private var inCell = false
    private var cellDepth = 0
    private var cellColumn = 0
    private var cellType = CellType.number
    private var cellStyle = 0
    private var value = ByteBuffer(capacity: 256)
    private var hasValue = false
    private var capturingValue = false
    private var text = TextAssembler()
    private var hasInlineText = false
    private var inInline = false
    private var inlineRun = false
    private var capturingText = false
    private var skipDepth = 0

    init(styles: CellStyles, sharedStrings: SharedStrings, dateSystem: DateSystem, part: String) {
        self.styles = styles
        self.sharedStrings = sharedStrings
        self.dateSystem = dateSystem
        self.part = part
    }

    func release() {
        rows.release()
        cells.release()
        arena.release()
        scratch.release()
        value.release()
        text.release()
    }

    /// libxml2 callbacks whose user data is a `ParserBox` targeting a `SheetState`.
    static func callbacks() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.startElementNs = { user, localname, _, _, _, _, attributeCount, _, attributes in
            let box = user!.assumingMemoryBound(to: ParserBox.self)
            guard box.pointee.enter("") else { return }
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
            sheetDataDepth = depth
            reachedSheetData = true
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
                text.endRun()
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
        if capturingValue {
            value.append(bytes, count: count)
        } else if capturingText {
            text.append(bytes, count)
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
        rowCellStart = cells.count
        rowArenaStart = arena.count
        rowSorted = true
        lastColumn = -1
        cellDepth = depth + 1
    }

    private mutating func endRow() {
        inRow = false
        var end = cells.count
        if end == rowCellStart { return }
        if !rowSorted {
            // Cells out of column order: sort, and let a later duplicate reference win.
            let sorted = (rowCellStart..<end).map { cells[$0] }.enumerated().sorted {
                $0.element.column != $1.element.column ? $0.element.column < $1.element.column : $0.offset < $1.offset
            }.map(\.element)
            cells.truncate(to: rowCellStart)
            for cell in sorted {
                if cells.count > rowCellStart, cells[cells.count - 1].column == cell.column {
                    cells[cells.count - 1] = cell
                } else {
                    cells.append(cell)
                }
            }
            end = cells.count
        }
        rows.append(RowEntry(index: rowIndex, firstCell: rowCellStart, endCell: end))
    }

    /// Forgets the rows the consumer has taken, keeping the row still being parsed (a chunk
    /// boundary can fall anywhere inside it).
    mutating func releaseDeliveredRows() {
        rows.removeAll()
        guard inRow, rowCellStart < cells.count else {
            cells.removeAll()
            arena.removeAll()
            rowCellStart = 0
            rowArenaStart = 0
            return
        }
        cells.removeFirst(rowCellStart)
        arena.removeFirst(rowArenaStart)
        let shift = Int32(rowArenaStart)
        for index in 0..<cells.count where !cells[index].isSharedText {
            cells[index].start -= shift
        }
        rowCellStart = 0
        rowArenaStart = 0
    }

    // MARK: - Cells

    private mutating func startCell(_ attributeCount: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        var column = lastColumn + 1
        cellType = .number
        cellStyle = 0
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
                        rowCellStart = cells.count
                        rowArenaStart = arena.count
                        rowSorted = true
                        lastColumn = -1
                    }
                case UInt8(ascii: "t"):
                    cellType = parseType(start, end)
                case UInt8(ascii: "s"):
                    cellStyle = parseUnsigned(start, end) ?? 0
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
        inCell = true
        hasValue = false
        hasInlineText = false
        value.removeAll()
    }

    private mutating func startInsideCell(_ name: UnsafePointer<xmlChar>, _ attributeCount: Int,
                                          _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let relative = depth - cellDepth
        if relative == 1 {
            if name[0] == UInt8(ascii: "v"), name[1] == 0 {
                capturingValue = true
                hasValue = true
            } else if name[0] == UInt8(ascii: "i"), name[1] == UInt8(ascii: "s"), name[2] == 0 {
                inInline = true
                hasInlineText = true
                text.reset()
            } else {
                skipDepth = 1  // <f>, <extLst>…
            }
        } else if inInline {
            if name[0] == UInt8(ascii: "t"), name[1] == 0, relative == 2 || (relative == 3 && inlineRun) {
                text.beginRun(preservesSpace: preservesSpace(attributeCount, attributes))
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

    /// The value bytes without surrounding XML whitespace.
    private var trimmedValue: UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = value.count
        while start < end, isXMLSpace(value.base[start]) { start += 1 }
        while end > start, isXMLSpace(value.base[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(start: value.base + start, count: end - start)
    }

    private mutating func endCell() {
        inCell = false
        capturingValue = false
        capturingText = false
        inInline = false
        inlineRun = false
        var cell = RawCell(column: Int32(cellColumn), kind: .text, flag: 0, start: Int32(arena.count), length: 0, number: .nan)
        switch cellType {
        case .shared:
            guard hasValue, let index = parseUnsigned(trimmedValue) else { return }
            guard index < sharedStrings.count else {
                missingSharedStrings += 1
                return
            }
            if sharedStrings.bytes(index).isEmpty { return }
            cell.flag = 1
            cell.start = Int32(truncatingIfNeeded: index)
            cells.append(cell)
            return
        case .inline:
            guard hasInlineText else { return }
            text.finish(into: &arena)
        case .formulaString:
            guard hasValue else { return }
            appendDecodingEscapes(UnsafeBufferPointer(start: value.base, count: value.count), to: &arena)
        case .error:
            guard hasValue else { return }
            cell.kind = .error
            arena.append(trimmedValue)
        case .boolean:
            guard hasValue else { return }
            let trimmed = trimmedValue
            guard !trimmed.isEmpty else { return }
            cell.kind = .boolean
            cell.number = trimmed.elementsEqual("0".utf8) || trimmed.elementsEqual("false".utf8) ? 0 : 1
        case .isoDate:
            guard hasValue else { return }
            if let parsed = ISODateTime.parse(UnsafeBufferPointer(start: value.base, count: value.count), kind: styles.formatClass(cellStyle).dateTimeKind) {
                cell.kind = .dateTime
                cell.flag = parsed.kind == .date ? 0 : (parsed.kind == .time ? 1 : 2)
                parsed.appendText(to: &arena)
            } else {
                arena.append(trimmedValue)
            }
        case .number:
            guard hasValue else { return }
            let source = UnsafeBufferPointer(start: value.base, count: value.count)
            let formatClass = styles.formatClass(cellStyle)
            if formatClass == .number && NumberText.isCanonical(source) {
                cell.kind = .number
                cell.flag = 1
                arena.append(source)
            } else if let number = NumberText.parse(source) {
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
                arena.append(trimmedValue)
            }
        }
        cell.length = Int32(arena.count) - cell.start
        if (cell.kind == .text || cell.kind == .error) && cell.length == 0 { return }
        cells.append(cell)
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

    // MARK: - Reading cells back

    /// A cell's canonical text; computed texts live in a scratch buffer reused by the next call.
    @inline(__always)
    mutating func text(of cell: RawCell) -> UnsafeRawBufferPointer {
        switch cell.kind {
        case .text where cell.flag == 1:
            return sharedStrings.bytes(Int(cell.start))
        case .text, .error:
            return arena.slice(Int(cell.start), Int(cell.length))
        case .number where cell.flag == 1:
            return arena.slice(Int(cell.start), Int(cell.length))
        case .dateTime where cell.length > 0:
            return arena.slice(Int(cell.start), Int(cell.length))
        case .boolean:
            scratch.removeAll()
            scratch.append(cell.number != 0 ? "TRUE" : "FALSE")
        case .number:
            scratch.removeAll()
            NumberText.appendCanonical(cell.number, to: &scratch)
        case .duration:
            scratch.removeAll()
            if let duration = dateSystem.duration(fromSerial: cell.number) {
                duration.appendText(to: &scratch)
            } else {
                NumberText.appendCanonical(cell.number, to: &scratch)
            }
        case .dateTime:
            scratch.removeAll()
            if let dateTime = dateSystem.dateTime(fromSerial: cell.number, kind: dateTimeKind(cell.flag)) {
                dateTime.appendText(to: &scratch)
            } else {
                NumberText.appendCanonical(cell.number, to: &scratch)
            }
        }
        return scratch.bytes
    }

    func value(of cell: RawCell) -> CellValue {
        switch cell.kind {
        case .text where cell.flag == 1:
            return .text(sharedStrings.string(Int(cell.start)))
        case .text:
            return .text(String(decoding: arena.slice(Int(cell.start), Int(cell.length)), as: UTF8.self))
        case .error:
            return .error(String(decoding: arena.slice(Int(cell.start), Int(cell.length)), as: UTF8.self))
        case .boolean:
            return .boolean(cell.number != 0)
        case .number:
            if cell.flag == 1 {
                let bytes = arena.slice(Int(cell.start), Int(cell.length)).assumingMemoryBound(to: UInt8.self)
                return .number(NumberText.parse(bytes) ?? 0)
            }
            return .number(cell.number)
        case .duration:
            return dateSystem.duration(fromSerial: cell.number).map(CellValue.duration) ?? .number(cell.number)
        case .dateTime:
            let kind = dateTimeKind(cell.flag)
            if cell.length > 0 {
                // t="d": the canonical text was stored; read its parts back.
                let bytes = arena.slice(Int(cell.start), Int(cell.length)).assumingMemoryBound(to: UInt8.self)
                return ISODateTime.parse(bytes, kind: kind).map(CellValue.dateTime) ?? .text(String(decoding: bytes, as: UTF8.self))
            }
            return dateSystem.dateTime(fromSerial: cell.number, kind: kind).map(CellValue.dateTime) ?? .number(cell.number)
        }
    }

    @inline(__always)
    private func dateTimeKind(_ flag: UInt8) -> ExcelDateTime.Kind {
        flag == 0 ? .date : (flag == 1 ? .time : .dateTime)
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
