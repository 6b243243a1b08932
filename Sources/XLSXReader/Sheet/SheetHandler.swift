internal import CDRSDiffLibXML2

/// Turns a worksheet's SAX events into rows of raw cells in a `RowBatch`. This is the hot path:
/// it works on bytes, compares element names by their first bytes, and builds no `String`.
final class SheetHandler: SAXHandler {
    private enum CellType {
        case number, shared, inline, formulaString, boolean, error, isoDate
    }

    let batch: RowBatch
    private let styles: CellStyles
    private let sharedStrings: SharedStrings
    private let part: String

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
    private var value: [UInt8] = []
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
        self.part = part
        self.batch = RowBatch(sharedStrings: sharedStrings, dateSystem: dateSystem)
        value.reserveCapacity(64)
    }

    override func startElement(_ name: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?, _ attributeCount: Int,
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

    override func endElement(_ name: UnsafePointer<xmlChar>) {
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

    override func characters(_ bytes: UnsafePointer<xmlChar>, _ count: Int) {
        if capturingValue {
            value.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
        } else if capturingText {
            text.append(bytes, count)
        }
    }

    // MARK: - Rows

    private func startRow(_ attributeCount: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        var index = rowIndex + 1
        if let attributes {
            for position in 0..<attributeCount {
                let local = attributes[position * 5]!
                guard local[0] == UInt8(ascii: "r"), local[1] == 0 else { continue }
                let start = attributes[position * 5 + 3]!
                let end = attributes[position * 5 + 4]!
                if let number = parseUnsigned(start, end) {
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
        rowCellStart = batch.cells.count
        rowArenaStart = batch.arena.count
        rowSorted = true
        lastColumn = -1
        cellDepth = depth + 1
    }

    private func endRow() {
        inRow = false
        var end = batch.cells.count
        if end == rowCellStart { return }
        if !rowSorted {
            // Cells out of column order: sort, and let a later duplicate reference win.
            var cells = Array(batch.cells[rowCellStart..<end]).enumerated().sorted {
                $0.element.column != $1.element.column ? $0.element.column < $1.element.column : $0.offset < $1.offset
            }.map(\.element)
            var unique: [RawCell] = []
            for cell in cells {
                if let last = unique.last, last.column == cell.column { unique[unique.count - 1] = cell } else { unique.append(cell) }
            }
            cells = unique
            batch.cells.removeSubrange(rowCellStart..<end)
            batch.cells.append(contentsOf: cells)
            end = batch.cells.count
        }
        batch.rows.append((rowIndex, rowCellStart, end))
    }

    /// Forgets the rows the consumer has taken, keeping the row still being parsed (a chunk
    /// boundary can fall anywhere inside it).
    func releaseDeliveredRows() {
        batch.rows.removeAll(keepingCapacity: true)
        guard inRow, rowCellStart < batch.cells.count else {
            batch.cells.removeAll(keepingCapacity: true)
            batch.arena.removeAll(keepingCapacity: true)
            rowCellStart = 0
            rowArenaStart = 0
            return
        }
        batch.cells.removeSubrange(0..<rowCellStart)
        batch.arena.removeSubrange(0..<rowArenaStart)
        let shift = Int32(rowArenaStart)
        for index in batch.cells.indices where !(batch.cells[index].kind == .text && batch.cells[index].flag == 1) {
            batch.cells[index].start -= shift
        }
        rowCellStart = 0
        rowArenaStart = 0
    }

    // MARK: - Cells

    private func startCell(_ attributeCount: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
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
                        // The cell's own reference wins over its row's.
                        relocateRow(to: row)
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
        value.removeAll(keepingCapacity: true)
    }

    /// A cell whose reference names another row than its `<row>`: close the row so far and carry on
    /// in the named one.
    private func relocateRow(to row: Int) {
        endRow()
        inRow = true
        rowIndex = row
        rowCellStart = batch.cells.count
        rowArenaStart = batch.arena.count
        rowSorted = true
        lastColumn = -1
    }

    private func startInsideCell(_ name: UnsafePointer<xmlChar>, _ attributeCount: Int,
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

    private func endCell() {
        inCell = false
        capturingValue = false
        capturingText = false
        inInline = false
        inlineRun = false
        var cell = RawCell(column: Int32(cellColumn), kind: .text, flag: 0, start: Int32(batch.arena.count), length: 0, number: .nan)
        switch cellType {
        case .shared:
            guard hasValue, let index = value.withUnsafeBufferPointer({ parseUnsigned($0) }) else { return }
            guard index < sharedStrings.count else {
                missingSharedStrings += 1
                return
            }
            if sharedStrings.range(index).isEmpty { return }
            cell.flag = 1
            cell.start = Int32(truncatingIfNeeded: index)
        case .inline:
            guard hasInlineText else { return }
            text.finish(into: &batch.arena)
        case .formulaString:
            guard hasValue else { return }
            value.withUnsafeBufferPointer { appendDecodingEscapes($0, to: &batch.arena) }
        case .error:
            guard hasValue else { return }
            cell.kind = .error
            value.withUnsafeBufferPointer { buffer in
                var start = 0
                var end = buffer.count
                while start < end, isXMLSpace(buffer[start]) { start += 1 }
                while end > start, isXMLSpace(buffer[end - 1]) { end -= 1 }
                batch.arena.append(contentsOf: buffer[start..<end])
            }
        case .boolean:
            guard hasValue else { return }
            let isFalse = value.withUnsafeBufferPointer { buffer -> Bool? in
                var start = 0
                var end = buffer.count
                while start < end, isXMLSpace(buffer[start]) { start += 1 }
                while end > start, isXMLSpace(buffer[end - 1]) { end -= 1 }
                if start == end { return nil }
                let trimmed = UnsafeBufferPointer(rebasing: buffer[start..<end])
                return trimmed.elementsEqual("0".utf8) || trimmed.elementsEqual("false".utf8)
            }
            guard let isFalse else { return }
            cell.kind = .boolean
            cell.number = isFalse ? 0 : 1
        case .isoDate:
            guard hasValue else { return }
            let formatKind = styles.formatClass(cellStyle).dateTimeKind
            let parsed = value.withUnsafeBufferPointer { ISODateTime.parse($0, kind: formatKind) }
            if let parsed {
                cell.kind = .dateTime
                cell.flag = parsed.kind == .date ? 0 : (parsed.kind == .time ? 1 : 2)
                parsed.appendText(to: &batch.arena)
            } else {
                batch.arena.append(contentsOf: value)
            }
        case .number:
            guard hasValue else { return }
            let formatClass = styles.formatClass(cellStyle)
            let canonical = value.withUnsafeBufferPointer { NumberText.isCanonical($0) }
            if canonical && formatClass == .number {
                cell.kind = .number
                cell.flag = 1
                batch.arena.append(contentsOf: value)
            } else {
                guard let number = value.withUnsafeBufferPointer({ NumberText.parse($0) }) else {
                    // Not a number after all: keep the text rather than lose it.
                    let blank = value.allSatisfy(isXMLSpace)
                    if blank { return }
                    batch.arena.append(contentsOf: value)
                    cell.length = Int32(batch.arena.count) - cell.start
                    batch.cells.append(cell)
                    return
                }
                cell.number = number
                switch formatClass {
                case .number: cell.kind = .number
                case .duration: cell.kind = .duration
                case .date: cell.kind = .dateTime; cell.flag = 0
                case .time: cell.kind = .dateTime; cell.flag = 1
                case .dateTime: cell.kind = .dateTime; cell.flag = 2
                }
            }
        }
        cell.length = cell.flag == 1 && cell.kind == .text ? 0 : Int32(batch.arena.count) - cell.start
        if cell.kind == .text && cell.flag == 0 && cell.length == 0 { return }
        if cell.kind == .error && cell.length == 0 { return }
        batch.cells.append(cell)
    }

    private func parseType(_ start: UnsafePointer<xmlChar>, _ end: UnsafePointer<xmlChar>) -> CellType {
        let count = end - start
        switch (count, start[0]) {
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
