/// How an entry changed, before any record is made: what ``ReportDiff/next(where:)`` shows the
/// caller to decide whether it wants the change in full. Encodes with the member names of
/// `diff --format json`'s changes (`change`, `entity`, `regression`, `old_state`…), every member
/// written, `null` included.
public struct ChangeOutline: Sendable, Hashable, Codable {
    public var kind: ChangeKind
    public var entity: DiffEntity
    /// The entry's state in each report; nil when absent. For a differing row, the side without
    /// the row takes its table's state: consistent when the table was compared, incomplete when it
    /// could not be, nil when the table is not in that report.
    public var oldState: StatusCategory?
    public var newState: StatusCategory?
    /// How large the entry's difference is on each side (``DiffSize``), where it has a size.
    public var oldSize: Int64?
    public var newSize: Int64?
    /// Whether the entry got worse: newly inconsistent, newly not comparable, added while not
    /// consistent, or still inconsistent with a larger size.
    public var isRegression: Bool

    public init(kind: ChangeKind, entity: DiffEntity, oldState: StatusCategory?, newState: StatusCategory?,
                oldSize: Int64?, newSize: Int64?, isRegression: Bool) {
        self.kind = kind
        self.entity = entity
        self.oldState = oldState
        self.newState = newState
        self.oldSize = oldSize
        self.newSize = newSize
        self.isRegression = isRegression
    }

    enum CodingKeys: String, CodingKey {
        case kind = "change", entity, isRegression = "regression", oldState = "old_state", newState = "new_state"
        case oldSize = "old_size", newSize = "new_size"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(entity, forKey: .entity)
        try container.encode(isRegression, forKey: .isRegression)
        try container.encode(oldState, forKey: .oldState)
        try container.encode(newState, forKey: .newState)
        try container.encode(oldSize, forKey: .oldSize)
        try container.encode(newSize, forKey: .newSize)
    }
}

/// One entry that differs between two reports (or, on request, one that did not change): how it
/// changed, its key, and its record on each side. Changes are renderer-friendly: every writer
/// (Markdown, JSON, NDJSON, CSV) and any HTML one reads only these members.
///
/// Encodes as one object, as `diff --format json` lists changes: the outline's members
/// (``ChangeOutline``), `key`, `row_difference` (written, not read back: it is derived from the
/// records), `old` and `new` (records as `report` writes them, with their `kind`).
@dynamicMemberLookup
public struct DiffChange: Sendable, Hashable, Codable {
    /// Kind, entity, states, sizes, regression: `change.kind`, `change.isRegression`…
    public var outline: ChangeOutline
    public var key: DiffKey
    /// The records, as `report` writes them; nil on the side that does not list the entry.
    public var old: ReportRecord?
    public var new: ReportRecord?

    public init(outline: ChangeOutline, key: DiffKey, old: ReportRecord?, new: ReportRecord?) {
        self.outline = outline
        self.key = key
        self.old = old
        self.new = new
    }

    public subscript<Value>(dynamicMember path: KeyPath<ChangeOutline, Value>) -> Value { outline[keyPath: path] }

    private enum CodingKeys: String, CodingKey { case key, rowDifference = "row_difference", old, new }
    private enum RowDifferenceKeys: String, CodingKey { case old, new }

    public init(from decoder: any Decoder) throws {
        outline = try ChangeOutline(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(DiffKey.self, forKey: .key)
        old = try container.decodeIfPresent(ReportRecord.self, forKey: .old)
        new = try container.decodeIfPresent(ReportRecord.self, forKey: .new)
    }

    public func encode(to encoder: any Encoder) throws {
        try outline.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        if let difference = rowDifference {
            var pair = container.nestedContainer(keyedBy: RowDifferenceKeys.self, forKey: .rowDifference)
            try pair.encode(difference.old, forKey: .old)
            try pair.encode(difference.new, forKey: .new)
        } else {
            try container.encodeNil(forKey: .rowDifference)
        }
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
    }

    /// A table's row difference on each side (the stated difference, else source minus destination rows).
    public var rowDifference: (old: Int64?, new: Int64?)? {
        guard outline.entity == .table else { return nil }
        let (old, new) = (old.flatMap(DiffSize.rowDifference), new.flatMap(DiffSize.rowDifference))
        return old == nil && new == nil ? nil : (old, new)
    }
}

/// The size of an entry's difference, for telling "still inconsistent" from "got worse" and for
/// ranking regressions: a table's absolute row difference (failed rows for a repair progress
/// line), a database's inconsistent tables, an object type's absolute count difference. Other
/// entries have none.
public enum DiffSize {
    public static func of(_ record: ReportRecord) -> Int64? {
        of(record.kind, RecordVerdictInputs(record: record.body))
    }

    /// The size from a record's counts, whatever holds them (a typed record or a row just read).
    static func of(_ kind: SectionKind, _ record: some VerdictInputs) -> Int64? {
        switch kind {
        case .tableRowCounts, .tableValues, .sampling:
            let difference = record.count(of: .difference)
                ?? record.count(of: .sourceRows).flatMap { source in record.count(of: .targetRows).map { source &- $0 } }
            return difference.map(magnitude)
        case .repairProgress: return record.count(of: .failedRows)
        case .databaseSummary: return record.count(of: .tablesInconsistent)
        case .objectSummary:
            guard let source = record.count(of: .sourceCount), let target = record.count(of: .targetCount) else { return nil }
            return magnitude(source &- target)
        case .cannotCompare, .objectDifferences, .valueDifferences, .repairStatements, .unknown: return nil
        }
    }

    static func rowDifference(_ record: ReportRecord) -> Int64? {
        switch record {
        case .tableRowCount(let r), .uncomparableTable(let r): return r.rowDifference
        case .tableValues(let r): return r.rowDifference
        case .samplingResult(let r): return r.rowDifference
        default: return nil
        }
    }

    private static func magnitude(_ value: Int64) -> Int64 { value == .min ? .max : abs(value) }
}

/// What a diff found as a whole: the verdict, both reports' own verdicts, counts per change and
/// entity, and notes (duplicate keys, hash collisions, sheets not compared).
public struct DiffOutcome: Sendable, Hashable, Codable {
    public static let schema = "drsdiff.diff/v1"

    public var verdict: DiffVerdict
    /// The verdict in sentences: "2 regressions: 1 newly inconsistent, 1 newly not comparable".
    public var reasons: [String]
    public var old: DiffReportSide
    public var new: DiffReportSide
    /// Per change kind, in ``ChangeKind`` order, every kind present (zero included).
    public var counts: [ChangeCount]
    public var regressions: Int
    /// Regressions per change kind (kinds without any left out), for writers that word the
    /// reasons in a report's language. Not part of the JSON: `reasons` says it there.
    public var regressionsByKind: [ChangeKind: Int] = [:]
    public var notes: [String]

    /// The count of one change kind.
    public func count(of kind: ChangeKind) -> Int { counts.first { $0.change == kind }?.total ?? 0 }

    enum CodingKeys: String, CodingKey { case verdict, reasons, regressions, counts, old, new, notes }

    public init(verdict: DiffVerdict, reasons: [String], old: DiffReportSide, new: DiffReportSide, counts: [ChangeCount],
                regressions: Int, notes: [String]) {
        self.verdict = verdict
        self.reasons = reasons
        self.old = old
        self.new = new
        self.counts = counts
        self.regressions = regressions
        self.notes = notes
    }

    /// `counts` is an object keyed by change kind, each `{"total": n, "<entity>": n, …}`, for `jq '.counts.resolved.total'`.
    private typealias NameKey = NamedCodingKey

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        verdict = try container.decode(DiffVerdict.self, forKey: .verdict)
        reasons = try container.decode([String].self, forKey: .reasons)
        regressions = try container.decode(Int.self, forKey: .regressions)
        old = try container.decode(DiffReportSide.self, forKey: .old)
        new = try container.decode(DiffReportSide.self, forKey: .new)
        notes = try container.decode([String].self, forKey: .notes)
        let byKind = try container.nestedContainer(keyedBy: NameKey.self, forKey: .counts)
        counts = try ChangeKind.allCases.map { kind in
            let entry = try byKind.nestedContainer(keyedBy: NameKey.self, forKey: NameKey(kind.rawValue))
            return ChangeCount(change: kind, total: try entry.decode(Int.self, forKey: NameKey("total")),
                               entities: try DiffEntity.allCases.map { EntityCount(entity: $0, count: try entry.decode(Int.self, forKey: NameKey($0.rawValue))) })
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(reasons, forKey: .reasons)
        try container.encode(regressions, forKey: .regressions)
        var byKind = container.nestedContainer(keyedBy: NameKey.self, forKey: .counts)
        for count in counts {
            var entry = byKind.nestedContainer(keyedBy: NameKey.self, forKey: NameKey(count.change.rawValue))
            try entry.encode(count.total, forKey: NameKey("total"))
            for entity in count.entities { try entry.encode(entity.count, forKey: NameKey(entity.entity.rawValue)) }
        }
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
        try container.encode(notes, forKey: .notes)
    }
}

/// One report as the diff saw it.
public struct DiffReportSide: Sendable, Hashable, Codable, FixedJSONShape {
    public var file: String
    public var compareType: CompareType?
    public var language: ReportLanguage?
    /// The report's own verdict and reasons, as `summary` and `check` give them.
    public var verdict: StatusCategory
    public var reasons: [String]
    /// Entries of the report that the diff keyed.
    public var entries: Int
    /// Entries whose key occurs more than once in the report (see docs/report.md for how they pair).
    public var duplicateKeys: Int
    /// The report's verdict with its counts, for writers that word it in the report's language.
    /// Not part of the JSON: `verdict` and `reasons` say it there.
    public var headline: SummaryHeadline?

    enum CodingKeys: String, CodingKey {
        case file, compareType = "compare_type", language, verdict, reasons, entries, duplicateKeys = "duplicate_keys"
    }
}

/// Changes of one kind: in total and per entity (every entity present, zero included).
public struct ChangeCount: Sendable, Hashable, Codable {
    public var change: ChangeKind
    public var total: Int
    public var entities: [EntityCount]
}

public struct EntityCount: Sendable, Hashable, Codable {
    public var entity: DiffEntity
    public var count: Int
}
