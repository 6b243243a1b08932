/// A reference inside a sheet that the package cannot honour without losing or misplacing data.
/// By default each is an ``XLSXError`` of kind ``XLSXError/Kind/corruptReference``; with
/// ``ReaderLimits/lenient`` the reader takes it past as described and counts it in ``SheetReadNotes``.
public enum CorruptReference: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A `t="s"` cell whose index is past the end of the shared-string table (or no index at all):
    /// read leniently as an empty cell.
    case sharedString
    /// A cell whose style (`s`) is past the end of the styles table: read leniently as unformatted
    /// (a number stays a number, never a date).
    case style
    /// Two cells of one row at the same column: read leniently, the later one wins.
    case duplicateCell
    /// A row at or above a row already read: read leniently where it appears, out of place.
    case rowOrder

    public static func < (left: CorruptReference, right: CorruptReference) -> Bool {
        allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
    }

    /// "N cells …" or "N rows …": what lenient reading met and what it did.
    func sentence(count: Int) -> String {
        let one = count == 1
        switch self {
        case .sharedString:
            return "\(count) cell\(one ? " refers" : "s refer") past the end of the shared-string table and \(one ? "was" : "were") read as empty"
        case .style:
            return "\(count) cell\(one ? " uses" : "s use") a style past the end of the styles table and \(one ? "was" : "were") read unformatted"
        case .duplicateCell:
            return "\(count) cell\(one ? " repeats" : "s repeat") an earlier cell of \(one ? "its" : "their") row; the later one was kept"
        case .rowOrder:
            return "\(count) row\(one ? " comes" : "s come") at or above a row already read and \(one ? "was" : "were") read where \(one ? "it appears" : "they appear")"
        }
    }

    /// The strict reader's error for one occurrence; `what` says what was found, `place` where.
    func error(_ what: String, place: String, part: String) -> XLSXError {
        let outcome: String
        switch self {
        case .sharedString: outcome = "take such cells as empty"
        case .style: outcome = "read such cells unformatted"
        case .duplicateCell: outcome = "keep the later cell"
        case .rowOrder: outcome = "read rows where they appear"
        }
        return XLSXError(.corruptReference, what, part: part, location: place,
                         hint: "the workbook is damaged; read it with ReaderLimits.lenient (CLI: --lenient) to \(outcome)")
    }
}

/// The corrupt references a lenient read took past in one sheet: how many of each, and where the
/// first one was. Always empty in strict mode, where the first one is an error instead.
public struct SheetReadNotes: Sendable, Hashable {
    private var counts: [CorruptReference: Int] = [:]
    private var firstPlaces: [CorruptReference: String] = [:]

    public init() {}

    public var isEmpty: Bool { counts.isEmpty }

    /// Occurrences of `reference` (cells, or rows for ``CorruptReference/rowOrder``).
    public func count(of reference: CorruptReference) -> Int { counts[reference] ?? 0 }

    /// Where the first occurrence was: "cell B7", "row 12".
    public func firstPlace(of reference: CorruptReference) -> String? { firstPlaces[reference] }

    /// One sentence per kind met, for a note: "2 cells refer past the end of the shared-string
    /// table and were read as empty (the first: cell B1)".
    public var sentences: [String] {
        counts.keys.sorted().map { reference in
            reference.sentence(count: counts[reference]!) + " (the first: \(firstPlaces[reference]!))"
        }
    }

    mutating func record(_ reference: CorruptReference, at place: String) {
        counts[reference, default: 0] += 1
        if firstPlaces[reference] == nil { firstPlaces[reference] = place }
    }

    /// Keeps, per kind, the larger count of the two: reads of one sheet meet the same references,
    /// a partial read (recognition's first rows) only some of them.
    mutating func merge(_ other: SheetReadNotes) {
        for (reference, count) in other.counts where count > self.count(of: reference) {
            counts[reference] = count
            if firstPlaces[reference] == nil { firstPlaces[reference] = other.firstPlaces[reference] }
        }
    }
}
