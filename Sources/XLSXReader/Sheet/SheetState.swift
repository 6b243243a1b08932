internal import CDRSDiffLibXML2

/// Everything the worksheet parser keeps, behind one pointer: libxml2's callbacks reach it without
/// class dispatch, reference counting or exclusivity checks. This is the hot path: it works on
/// bytes, compares element names by their first bytes, and builds no `String`.
///
/// This file follows the events into rows and cells (which element opens what, where each cell
/// goes, what is corrupt). The pieces it leans on live apart: the callback table
/// (SheetCallbacks.swift), the decoding of a closed cell's text (CellDecoder.swift), the byte
/// parsers (SheetBytes.swift) and the hand-off of rows to the consumer (RowHandoff.swift).
struct SheetState {
    /// Rows completed since the consumer last took them, and the row being parsed.
    private(set) var store: UnsafeMutablePointer<RowStore>

    private let decoder: CellDecoder
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
        self.decoder = CellDecoder(sharedStrings: sharedStrings, styles: styles)
        self.part = part
        self.lenient = lenient
        self.stopsAtSheetData = stopsAtSheetData
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

    /// Forgets the rows the consumer has taken, keeping the row still being parsed.
    mutating func releaseDeliveredRows() {
        guard inRow else {
            store.pointee.removeAll()
            return
        }
        store.pointee.dropCompletedRows(keepingOpenRowAt: rowCellStart, arenaStart: rowArenaStart)
        rebaseOpenRow(by: rowArenaStart)
    }

    /// Continues parsing into `empty`, carrying over the row still being parsed, and returns the
    /// store holding the completed rows, for a consumer on another thread.
    mutating func switchStore(to empty: UnsafeMutablePointer<RowStore>) -> UnsafeMutablePointer<RowStore> {
        let filled = store
        if inRow {
            filled.pointee.moveOpenRow(at: rowCellStart, arenaStart: rowArenaStart, to: empty)
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
                    cellType = CellType(attribute: start, end)
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
        if cellStyle >= decoder.styles.count && cellStyle > 0 || styleText != nil {
            let place = openCellPlace
            let what = styleText.map { "\(place)'s style \"\($0)\" is not an index into the styles table" }
                ?? "\(place) uses style \(cellStyle), past the end of the styles table (\(decoder.styles.count) entries)"
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

    private mutating func endCell() {
        inCell = false
        capturingValue = false
        capturingText = false
        inInline = false
        inlineRun = false
        guard cellType == .inline ? hasInlineText : hasValue else { return }
        let decoded = decoder.decode(cellType, column: cellColumn, style: cellStyle, textStart: valueStart,
                                     inlineTrim: (leading: firstPreserves == false, trailing: !lastPreserves), arena: &store.pointee.arena)
        switch decoded {
        case .cell(let cell):
            store.pointee.cells.append(cell)
        case .empty:
            break
        case .missingSharedString(let index):
            let place = openCellPlace
            let reference = String(decoding: store.pointee.arena.slice(valueStart, store.pointee.arena.count - valueStart), as: UTF8.self)
            store.pointee.arena.count = valueStart
            let what = index.map { "\(place) refers to shared string \($0), past the end of the table (\(decoder.sharedStrings.count) strings)" }
                ?? "\(place)'s shared-string reference \"\(reference)\" is not an index"
            _ = corrupt(.sharedString, at: place, what)
        }
    }
}
