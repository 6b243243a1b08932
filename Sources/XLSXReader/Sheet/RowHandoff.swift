/// The hand-off of parsed rows to the consumer: completed rows leave the store, while the row still
/// being parsed (a chunk boundary can fall anywhere inside it, even inside a cell's text) stays with
/// the parser, moved to the front of its store so that its offsets start at zero again.
extension RowStore {
    /// Forgets the completed rows; the open row's cells (from `cellStart`) and bytes (from
    /// `arenaStart`) move to the front. The caller rebases its own offsets by `arenaStart`.
    mutating func dropCompletedRows(keepingOpenRowAt cellStart: Int, arenaStart: Int) {
        rows.removeAll()
        cells.removeFirst(cellStart)
        arena.removeFirst(arenaStart)
        let shift = Int32(arenaStart)
        for index in 0..<cells.count where !cells[index].isSharedText {
            cells[index].start -= shift
        }
    }

    /// Moves the open row's cells (from `cellStart`) and bytes (from `arenaStart`) to the front of
    /// `empty`, leaving this store with the completed rows only: the parser carries on in `empty`
    /// while a consumer on another thread reads this one. The caller rebases by `arenaStart`.
    mutating func moveOpenRow(at cellStart: Int, arenaStart: Int, to empty: UnsafeMutablePointer<RowStore>) {
        let shift = Int32(arenaStart)
        for index in cellStart..<cells.count {
            var cell = cells[index]
            if !cell.isSharedText { cell.start -= shift }
            empty.pointee.cells.append(cell)
        }
        empty.pointee.arena.append(arena.slice(arenaStart, arena.count - arenaStart))
        cells.truncate(to: cellStart)
        arena.removeLast(arena.count - arenaStart)
    }
}
