/// The kind of a non-empty cell as the low-level row view reports it.
public enum CellKind: UInt8, Sendable {
    case text, number, boolean, error, dateTime, duration
}

/// A cell as the sheet parser leaves it: its bytes stay in the batch's arena (or in the shared
/// strings), and numbers stay as their source text until someone needs the double.
struct RawCell {
    var column: Int32
    var kind: CellKind
    /// For numbers: the source text is already the canonical spelling. For dates: the
    /// `ExcelDateTime.Kind` (raw value). For text: the bytes live in the shared strings.
    var flag: UInt8
    var start: Int32
    var length: Int32
    var number: Double
}

/// Rows completed by the parser since the consumer last drained them.
final class RowBatch {
    var rows: [(index: Int, firstCell: Int, endCell: Int)] = []
    var cells: [RawCell] = []
    var arena: [UInt8] = []
    let sharedStrings: SharedStrings
    let dateSystem: DateSystem
    /// Scratch space for canonical text that is computed (numbers, dates), reused per call.
    var scratch: [UInt8] = []

    init(sharedStrings: SharedStrings, dateSystem: DateSystem) {
        self.sharedStrings = sharedStrings
        self.dateSystem = dateSystem
        rows.reserveCapacity(1024)
        cells.reserveCapacity(8192)
        arena.reserveCapacity(1 << 19)
        scratch.reserveCapacity(64)
    }

    var isEmpty: Bool { rows.isEmpty }

    func value(_ cell: RawCell) -> CellValue {
        switch cell.kind {
        case .text:
            return .text(withBytes(cell) { String(decoding: $0, as: UTF8.self) })
        case .error:
            return .error(withBytes(cell) { String(decoding: $0, as: UTF8.self) })
        case .boolean:
            return .boolean(cell.number != 0)
        case .number:
            return .number(number(cell))
        case .duration:
            return dateSystem.duration(fromSerial: cell.number).map(CellValue.duration) ?? .number(cell.number)
        case .dateTime:
            let kind = dateTimeKind(cell.flag)
            if cell.length > 0 {
                // t="d": the canonical text was stored; read its parts back.
                return withBytes(cell) { ISODateTime.parse($0, kind: kind) }.map(CellValue.dateTime) ?? .text(withBytes(cell) { String(decoding: $0, as: UTF8.self) })
            }
            return dateSystem.dateTime(fromSerial: cell.number, kind: kind).map(CellValue.dateTime) ?? .number(cell.number)
        }
    }

    @inline(__always)
    func withBytes<R>(_ cell: RawCell, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if cell.kind == .text && cell.flag == 1 {
            let range = sharedStrings.range(Int(cell.start))
            return try sharedStrings.bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
        }
        return try arena.withUnsafeBufferPointer {
            try body(UnsafeBufferPointer(rebasing: $0[Int(cell.start)..<Int(cell.start + cell.length)]))
        }
    }

    @inline(__always)
    func number(_ cell: RawCell) -> Double {
        if !cell.number.isNaN { return cell.number }
        return arena.withUnsafeBufferPointer { NumberText.parse(UnsafeBufferPointer(rebasing: $0[Int(cell.start)..<Int(cell.start + cell.length)])) } ?? 0
    }

    /// The canonical text of a cell, without allocating for the common cases.
    @inline(__always)
    func withText<R>(_ cell: RawCell, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch cell.kind {
        case .text, .error:
            return try withBytes(cell) { try body(UnsafeRawBufferPointer($0)) }
        case .number where cell.flag == 1:
            return try withBytes(cell) { try body(UnsafeRawBufferPointer($0)) }
        case .dateTime where cell.length > 0:
            return try withBytes(cell) { try body(UnsafeRawBufferPointer($0)) }
        case .boolean:
            return try (cell.number != 0 ? "TRUE" : "FALSE").utf8.withContiguousStorageIfAvailable { try body(UnsafeRawBufferPointer($0)) }!
        case .number:
            scratch.removeAll(keepingCapacity: true)
            NumberText.appendCanonical(number(cell), to: &scratch)
        case .duration:
            scratch.removeAll(keepingCapacity: true)
            if let duration = dateSystem.duration(fromSerial: cell.number) {
                duration.appendText(to: &scratch)
            } else {
                NumberText.appendCanonical(cell.number, to: &scratch)
            }
        case .dateTime:
            scratch.removeAll(keepingCapacity: true)
            if let dateTime = dateSystem.dateTime(fromSerial: cell.number, kind: dateTimeKind(cell.flag)) {
                dateTime.appendText(to: &scratch)
            } else {
                NumberText.appendCanonical(cell.number, to: &scratch)
            }
        }
        return try scratch.withUnsafeBytes { try body($0) }
    }

    @inline(__always)
    func dateTimeKind(_ flag: UInt8) -> ExcelDateTime.Kind {
        flag == 0 ? .date : (flag == 1 ? .time : .dateTime)
    }
}

/// A borrowed view of one parsed row, valid only inside the closure that receives it: the fast
/// path for converters, which reads cells as canonical UTF-8 bytes without building `String`s.
public struct RowView {
    let batch: RowBatch
    let first: Int
    /// Zero-based row index.
    public let index: Int
    /// Number of non-empty cells.
    public let count: Int

    /// Zero-based column of the `position`-th cell (cells are in ascending column order).
    @inline(__always)
    public func column(_ position: Int) -> Int { Int(batch.cells[first + position].column) }

    @inline(__always)
    public func kind(_ position: Int) -> CellKind { batch.cells[first + position].kind }

    /// The cell's canonical text (as `CellValue.text` spells it) as UTF-8 bytes.
    @inline(__always)
    public func withText<R>(_ position: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try batch.withText(batch.cells[first + position], body)
    }

    public func value(_ position: Int) -> CellValue { batch.value(batch.cells[first + position]) }

    /// The last column holding a cell, or -1 for a row without cells.
    public var lastColumn: Int { count == 0 ? -1 : column(count - 1) }

    /// An owned copy, for callers that keep rows.
    public func makeRow() -> Row {
        Row(index: index, cells: (0..<count).map { Cell(column: column($0), value: value($0)) })
    }
}
