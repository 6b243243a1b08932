/// The N tables with the largest absolute row difference seen so far. Entries are kept sorted,
/// largest first; on a tie the one seen first stays ahead, so the result does not depend on
/// anything but the report's order.
struct TopTables {
    let limit: Int
    private(set) var sorted: [TableDifference] = []

    init(limit: Int) { self.limit = limit }

    mutating func offer(_ table: TableDifference) {
        guard limit > 0 else { return }
        let size = table.difference.magnitude
        if sorted.count == limit, let last = sorted.last, last.difference.magnitude >= size { return }
        // After every entry at least as large: ties keep report order.
        let position = sorted.firstIndex { $0.difference.magnitude < size } ?? sorted.count
        sorted.insert(table, at: position)
        if sorted.count > limit { sorted.removeLast() }
    }
}
