/// The kind of a non-empty cell as the low-level row view reports it.
public enum CellKind: UInt8, Sendable {
    case text, number, boolean, error, dateTime, duration
}

/// A borrowed view of one parsed row, valid only inside the closure that receives it: the fast
/// path for converters, which reads cells as canonical UTF-8 bytes without building `String`s.
public struct RowView {
    let state: UnsafeMutablePointer<SheetState>
    let first: Int
    /// Zero-based row index.
    public let index: Int
    /// Number of non-empty cells.
    public let count: Int

    /// Zero-based column of the `position`-th cell (cells are in ascending column order).
    @inline(__always)
    public func column(_ position: Int) -> Int { Int(state.pointee.cells[first + position].column) }

    @inline(__always)
    public func kind(_ position: Int) -> CellKind { state.pointee.cells[first + position].kind }

    /// The cell's canonical text (as `CellValue.text` spells it) as UTF-8 bytes. The bytes stay
    /// valid until the next `text(_:)` call on this sheet or the end of the row's closure.
    @inline(__always)
    public func text(_ position: Int) -> UnsafeRawBufferPointer {
        state.pointee.text(of: state.pointee.cells[first + position])
    }

    public func value(_ position: Int) -> CellValue { state.pointee.value(of: state.pointee.cells[first + position]) }

    /// The last column holding a cell, or -1 for a row without cells.
    public var lastColumn: Int { count == 0 ? -1 : column(count - 1) }

    /// Shared-string indices past the table seen so far in this sheet.
    var missingSharedStrings: Int { state.pointee.missingSharedStrings }

    /// An owned copy, for callers that keep rows.
    public func makeRow() -> Row {
        Row(index: index, cells: (0..<count).map { Cell(column: column($0), value: value($0)) })
    }
}
