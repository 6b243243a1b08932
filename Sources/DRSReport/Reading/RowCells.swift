import XLSXReader

/// A row's non-empty cells by position, in ascending column order, whatever holds them: a
/// borrowed ``RowView`` on the fast path (cell texts as bytes, no `String`), an owned ``Row`` for
/// ``RecordReader``. Record reading goes through this one interface, so both read alike.
package protocol RowCells {
    /// Zero-based row index.
    var index: Int { get }
    var count: Int { get }
    func column(_ position: Int) -> Int
    func kind(_ position: Int) -> CellKind
    /// The cell's canonical text as UTF-8 bytes, valid during `body`.
    func withText<Result>(_ position: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result
    func value(_ position: Int) -> CellValue
}

extension RowView: RowCells {
    @inline(__always)
    package func withText<Result>(_ position: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(text(position))
    }
}

extension Row: RowCells {
    package var count: Int { cells.count }
    package func column(_ position: Int) -> Int { cells[position].column }

    package func kind(_ position: Int) -> CellKind {
        switch cells[position].value {
        case .empty, .text: return .text
        case .number: return .number
        case .boolean: return .boolean
        case .error: return .error
        case .dateTime: return .dateTime
        case .duration: return .duration
        }
    }

    package func withText<Result>(_ position: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        var text = cells[position].value.text
        return try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    }

    package func value(_ position: Int) -> CellValue { cells[position].value }
}
