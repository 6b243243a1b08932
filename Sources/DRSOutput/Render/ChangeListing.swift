import DRSReport

/// What a listing of one diff (Markdown, the HTML page) keeps, gathered as the changes stream
/// past: the `top` worst regressions, and the first `perKind` changes of each kind. Memory holds
/// those and nothing else, however long the reports.
struct ChangeListing {
    let top: Int
    let perKind: Int
    /// Whether a regression is also listed with the other changes of its kind (the HTML page), or
    /// only among the worst regressions (Markdown).
    let regressionsInKinds: Bool
    private var ranked: [(change: DiffChange, order: Int)] = []
    private var kept: [ChangeKind: [DiffChange]] = [:]
    private var offered: [ChangeKind: Int] = [:]
    /// Outlines seen: the order changes came in.
    private var seen = 0

    init(top: Int, perKind: Int, regressionsInKinds: Bool) {
        self.top = max(0, top)
        self.perKind = max(0, perKind)
        self.regressionsInKinds = regressionsInKinds
    }

    /// The worst regressions kept, worst first.
    var worst: [DiffChange] { ranked.map(\.change) }

    /// The changes kept of a kind, in the order they came.
    func changes(of kind: ChangeKind) -> [DiffChange] { kept[kind] ?? [] }

    /// How many changes of a kind were offered to its list (without regressions unless
    /// `regressionsInKinds`): the list holds the first `perKind` of them.
    func offered(of kind: ChangeKind) -> Int { offered[kind] ?? 0 }

    /// Counts every change; wants only those it will keep: a regression that ranks among the
    /// `top` worst so far, the first `perKind` changes of each kind.
    mutating func wants(_ outline: ChangeOutline) -> Bool {
        seen += 1
        var wanted = false
        if !outline.isRegression || regressionsInKinds {
            offered[outline.kind, default: 0] += 1
            wanted = (kept[outline.kind]?.count ?? 0) < perKind
        }
        if outline.isRegression, top > 0 {
            if ranked.count < top {
                wanted = true
            } else if let last = ranked.last, ChangeListing.rank(outline, seen) < ChangeListing.rank(last.change.outline, last.order) {
                wanted = true
            }
        }
        return wanted
    }

    /// A change ``wants(_:)`` accepted, which came last.
    mutating func add(_ change: DiffChange) {
        if change.isRegression, top > 0 {
            let rank = ChangeListing.rank(change.outline, seen)
            let position = ranked.firstIndex { rank < ChangeListing.rank($0.change.outline, $0.order) } ?? ranked.count
            ranked.insert((change, seen), at: position)
            if ranked.count > top { ranked.removeLast() }
        }
        if !change.isRegression || regressionsInKinds, (kept[change.kind]?.count ?? 0) < perKind {
            kept[change.kind, default: []].append(change)
        }
    }

    /// Coarse entries first (databases, tables… differing rows last), then not comparable before
    /// inconsistent before added before larger, then the largest growth of the difference, then
    /// the order the changes came in.
    private static func rank(_ outline: ChangeOutline, _ order: Int) -> (Int, Int, Int64, Int) {
        let kinds: [ChangeKind] = [.newlyNotComparable, .newlyInconsistent, .added, .stillInconsistent]
        let growth = (outline.newSize ?? 0) &- (outline.oldSize ?? 0)
        return (outline.entity.level, kinds.firstIndex(of: outline.kind) ?? kinds.count, 0 &- growth, order)
    }
}
