/// The kind of a non-empty cell as the low-level row view reports it.
public enum CellKind: UInt8, Sendable {
    case text, number, boolean, error, dateTime, duration
}

/// A borrowed view of one parsed row, valid only inside the closure that receives it: the fast
/// path for converters, which reads cells as canonical UTF-8 bytes without building `String`s.
public struct RowView {
    let store: UnsafeMutablePointer<RowStore>
    let formatter: UnsafeMutablePointer<CellFormatter>
    let first: Int
    /// Zero-based row index.
    public let index: Int
    /// Number of non-empty cells.
    public let count: Int

    init(store: UnsafeMutablePointer<RowStore>, formatter: UnsafeMutablePointer<CellFormatter>, entry: RowEntry) {
        self.store = store
        self.formatter = formatter
        self.first = entry.firstCell
        self.index = entry.index
        self.count = entry.endCell - entry.firstCell
    }

    /// Zero-based column of the `position`-th cell (cells are in ascending column order).
    @inline(__always)
    public func column(_ position: Int) -> Int { Int(store.pointee.cells[first + position].column) }

    @inline(__always)
    public func kind(_ position: Int) -> CellKind { store.pointee.cells[first + position].kind }

    /// The cell's canonical text (as `CellValue.text` spells it) as UTF-8 bytes. The bytes stay
    /// valid until the next `text(_:)` call on this sheet or the end of the row's closure.
    @inline(__always)
    public func text(_ position: Int) -> UnsafeRawBufferPointer {
        formatter.pointee.text(of: store.pointee.cells[first + position], in: store)
    }

    public func value(_ position: Int) -> CellValue { formatter.pointee.value(of: store.pointee.cells[first + position], in: store) }

    /// The last column holding a cell, or -1 for a row without cells.
    public var lastColumn: Int { count == 0 ? -1 : column(count - 1) }

    /// An owned copy, for callers that keep rows.
    public func makeRow() -> Row {
        Row(index: index, cells: (0..<count).map { Cell(column: column($0), value: value($0)) })
    }
}
