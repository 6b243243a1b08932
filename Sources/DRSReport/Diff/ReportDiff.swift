import XLSXReader

/// What changed between two reports of one compare type, as a stream of typed ``DiffChange``s.
///
/// ```swift
/// let diff = try ReportDiff(old: ReportWorkbook(path: "monday.xlsx"), new: ReportWorkbook(path: "tuesday.xlsx"))
/// while let change = try diff.next() {
///     if change.isRegression { print(change.kind, change.entity, change.key.label) }
/// }
/// let outcome = try diff.finish()
/// print(outcome.verdict)   // no_regressions, regressions or incomplete
/// ```
///
/// Memory stays flat-ish: the old report is read once (the fast path: cell bytes, no records)
/// into a compact index (a keyed 128-bit hash, state and difference size per row) with its rows
/// spooled to an unlinked temporary file; the new report is then streamed, each row paired with
/// its old entry by key (see ``DiffKey``), and records are made only for the changes handed out;
/// old entries left unpaired come last. Changes come in the new report's order
/// (section by section: databases, tables, object types, objects, repair statements, differing
/// rows), then the old report's entries that the new one no longer lists, in the old order.
public final class ReportDiff {
    public struct Options: Sendable {
        /// Also hand out entries consistent on both sides (``ChangeKind/unchanged``); they are counted either way.
        public var includeUnchanged: Bool
        /// Bits of each 64-bit hash half kept: tests weaken it to force collisions.
        package var hashBits = 64

        public init(includeUnchanged: Bool = false) {
            self.includeUnchanged = includeUnchanged
        }
    }

    public let old: ReportWorkbook
    public let new: ReportWorkbook
    public let options: Options
    /// Set once ``next()`` has returned nil; ``finish()`` gives it at any time.
    public var outcome: DiffOutcome? {
        if case .done(let outcome) = stage { return outcome }
        return nil
    }

    private enum Stage {
        case start
        case new(section: Int, sheet: Int, rows: RowReader?)
        case oldOnly(ordinal: Int)
        case done(DiffOutcome)
    }

    private var stage = Stage.start
    private let oldSections: [ReportSection]
    private let newSections: [ReportSection]
    private var index = KeyIndex()
    private var spool: RowSpool?
    /// One per old section, kept to turn spooled rows back into records.
    private var oldReaders: [FieldReader] = []
    private var newReader: FieldReader?
    private var oldSummary: SummaryBuilder
    private var newSummary: SummaryBuilder
    private var oldTables = TableStates()
    private var newTables = TableStates()
    private var newFingerprints: [KeyFingerprint] = []
    private var keyBytes = ByteBuffer(capacity: 512)
    private var counts: [ChangeKind: [DiffEntity: Int]] = [:]
    private var regressions: [ChangeKind: Int] = [:]

    /// Fails with a ``DiffError`` when the reports are not of one compare type.
    public init(old: ReportWorkbook, new: ReportWorkbook, options: Options = Options()) throws {
        guard let oldType = old.report.compareType, let newType = new.report.compareType, oldType == newType else {
            throw DiffError.compareTypes(old: old.report, new: new.report)
        }
        for file in [old, new] {
            for section in ReportDiff.compared(file.report) where section.missingKeyConcepts.contains(.tableName) {
                throw DiffError.lostKey(section, in: file.report)
            }
        }
        self.old = old
        self.new = new
        self.options = options
        oldSections = ReportDiff.compared(old.report)
        newSections = ReportDiff.compared(new.report)
        oldSummary = SummaryBuilder(report: old.report, top: 0)
        newSummary = SummaryBuilder(report: new.report, top: 0)
        oldTables.listed = oldSections.contains { DiffEntity(section: $0.kind) == .table }
        newTables.listed = newSections.contains { DiffEntity(section: $0.kind) == .table }
    }

    deinit { keyBytes.release() }

    /// The next change, or nil when both reports are done (``outcome`` is then set).
    public func next() throws -> DiffChange? {
        try next { _ in true }
    }

    /// The next change `wanted` accepts: it sees each change's outline first, and only the
    /// changes it accepts are made in full (records read, keys built) and returned; the others
    /// are counted all the same. A writer that lists only some changes (Markdown) saves the
    /// cost of the records it would drop.
    public func next(where wanted: (ChangeOutline) throws -> Bool) throws -> DiffChange? {
        while true {
            switch stage {
            case .start:
                try indexOld()
                stage = .new(section: 0, sheet: 0, rows: nil)
            case .new(let position, let sheetPosition, let rows):
                guard position < newSections.count else {
                    stage = .oldOnly(ordinal: 0)
                    continue
                }
                let section = newSections[position]
                guard sheetPosition < section.sheets.count else {
                    stage = .new(section: position + 1, sheet: 0, rows: nil)
                    newReader = nil
                    continue
                }
                let sheet = section.sheets[sheetPosition]
                let reader = newReader ?? new.fieldReader(for: section)
                newReader = reader
                let source = try rows ?? new.workbook.rows(in: new.workbook.sheet(at: sheet.index))
                guard let row = try source.next() else {
                    stage = .new(section: position, sheet: sheetPosition + 1, rows: nil)
                    continue
                }
                stage = .new(section: position, sheet: sheetPosition, rows: source)
                // As the report reader does: data rows only (below the header, not a repeated header).
                if let header = sheet.headerRow, row.index < header { continue }
                if row.count == 0 || reader.isHeader(row) { continue }
                reader.read(row)
                newSummary.add(ReadRow(reader: reader, cells: row, sheet: sheet.name), in: section)
                if let change = try pairNew(reader, row, sheet: sheet.name, wanted) { return change }
            case .oldOnly(let ordinal):
                var ordinal = ordinal
                while ordinal < index.entries.count, index.entries[ordinal].matched { ordinal += 1 }
                guard ordinal < index.entries.count else {
                    stage = .done(conclude())
                    continue
                }
                stage = .oldOnly(ordinal: ordinal + 1)
                if let change = try oldOnly(index.entries[ordinal], wanted) { return change }
            case .done:
                return nil
            }
        }
    }

    /// Calls `body` with every change (those `wanted` accepts), then returns the outcome. From the
    /// start, the new report is read on the fast path (rows pushed from cell bytes, parsed on a
    /// second thread) rather than pulled row by row as ``next(where:)`` must; the changes are
    /// the same, in the same order.
    @discardableResult
    public func forEachChange(where wanted: (ChangeOutline) throws -> Bool = { _ in true },
                              _ body: (DiffChange) throws -> Void) throws -> DiffOutcome {
        if case .start = stage {
            try indexOld()
            for section in newSections {
                try new.scan(section, with: new.fieldReader(for: section)) { reader, row, sheet in
                    newSummary.add(ReadRow(reader: reader, cells: row, sheet: sheet.name), in: section)
                    if let change = try pairNew(reader, row, sheet: sheet.name, wanted) { try body(change) }
                }
            }
            stage = .oldOnly(ordinal: 0)
        }
        while let change = try next(where: wanted) { try body(change) }
        return try finish()
    }

    /// The outcome: the changes not handed out yet are read and counted (no record is made for
    /// them), then the verdict, reasons and counts are returned. After `while let change = try
    /// diff.next()` it reads nothing more; called first, it reads both reports for the verdict alone.
    public func finish() throws -> DiffOutcome {
        while true {
            if case .done(let outcome) = stage { return outcome }
            _ = try next { _ in false }
        }
    }

    // MARK: - The old report

    private func indexOld() throws {
        let spool = try RowSpool()
        self.spool = spool
        for (position, section) in oldSections.enumerated() {
            let reader = old.fieldReader(for: section)
            oldReaders.append(reader)
            try old.scan(section, with: reader) { reader, row, sheet in
                oldSummary.add(ReadRow(reader: reader, cells: row, sheet: sheet.name), in: section)
                guard let entity = KeyWriter.write(reader, row, to: &keyBytes) else { return }
                let fingerprint = fingerprint()
                let state = ReportDiff.state(reader, entity)
                if entity == .table { oldTables.add(fingerprint, state) }
                let (offset, length) = try spool.append(row, section: position, sheet: section.sheets.firstIndex(of: sheet) ?? 0)
                index.append(KeyIndex.Entry(fingerprint: fingerprint, offset: offset, length: length,
                                            size: DiffSize.of(section.kind, reader) ?? -1, state: state, entity: entity))
            }
        }
        try spool.flush()
        index.seal()
    }

    // MARK: - Pairing

    private func pairNew(_ reader: FieldReader, _ row: some RowCells, sheet: String,
                         _ wanted: (ChangeOutline) throws -> Bool) throws -> DiffChange? {
        guard let entity = KeyWriter.write(reader, row, to: &keyBytes) else { return nil }
        let fingerprint = fingerprint()
        newFingerprints.append(fingerprint)
        let newState = ReportDiff.state(reader, entity)
        if entity == .table { newTables.add(fingerprint, newState) }
        let ordinal = index.pair(fingerprint)
        let oldState: StatusCategory?
        if let ordinal {
            oldState = index.entries[ordinal].state
        } else if entity.presenceIsInconsistency {
            KeyWriter.writeTable(reader, row, to: &keyBytes)
            oldState = oldTables.stateOfAbsentRow(in: self.fingerprint())
        } else {
            oldState = nil
        }
        let outline = outline(entity, oldState, newState, oldSize: ordinal.map { index.entries[$0].size }.flatMap { $0 < 0 ? nil : $0 },
                              newSize: DiffSize.of(reader.kind, reader))
        guard outline.kind != .unchanged || options.includeUnchanged, try wanted(outline) else { return nil }
        let record = reader.record(row, sheet: sheet)
        let oldRecord = try ordinal.map { try readOld(index.entries[$0]).record() }
        return DiffChange(outline: outline, key: DiffKey(record)!, old: oldRecord, new: record)
    }

    private func oldOnly(_ entry: KeyIndex.Entry, _ wanted: (ChangeOutline) throws -> Bool) throws -> DiffChange? {
        var newState: StatusCategory?
        let old = try readOld(entry)
        if entry.entity.presenceIsInconsistency {
            KeyWriter.writeTable(old.reader, old.row, to: &keyBytes)
            newState = newTables.stateOfAbsentRow(in: fingerprint())
        }
        let outline = outline(entry.entity, entry.state, newState, oldSize: entry.size < 0 ? nil : entry.size, newSize: nil)
        guard try wanted(outline) else { return nil }
        let record = old.record()
        return DiffChange(outline: outline, key: DiffKey(record)!, old: record, new: nil)
    }

    /// Classifies and counts a change.
    private func outline(_ entity: DiffEntity, _ oldState: StatusCategory?, _ newState: StatusCategory?,
                         oldSize: Int64?, newSize: Int64?) -> ChangeOutline {
        let kind = ChangeKind.of(old: oldState, new: newState)
        let regression = ReportDiff.isRegression(kind, newState: newState, oldSize: oldSize, newSize: newSize)
        counts[kind, default: [:]][entity, default: 0] += 1
        if regression { regressions[kind, default: 0] += 1 }
        return ChangeOutline(kind: kind, entity: entity, oldState: oldState, newState: newState, oldSize: oldSize, newSize: newSize,
                             isRegression: regression)
    }

    /// An old row read back from the spool and read by its section's reader; its record is made on request.
    private func readOld(_ entry: KeyIndex.Entry) throws -> (reader: FieldReader, row: SpooledRow, record: () -> ReportRecord) {
        let (section, sheet, row) = try spool!.row(at: entry.offset, length: entry.length)
        let reader = oldReaders[section]
        reader.read(row)
        let name = oldSections[section].sheets[sheet].name
        return (reader, row, { reader.record(row, sheet: name) })
    }

    /// The fingerprint of the key just written to ``keyBytes``.
    private func fingerprint() -> KeyFingerprint {
        KeyFingerprint(keyBytes.bytes, hashBits: options.hashBits)
    }

    /// A record's state: its category; a result that says nothing either way cannot vouch for
    /// anything, so it counts as incomplete; a differing row is an inconsistency by being listed.
    private static func state(_ reader: FieldReader, _ entity: DiffEntity) -> StatusCategory {
        entity.presenceIsInconsistency ? .inconsistent : reader.category ?? .incomplete
    }

    private static func isRegression(_ kind: ChangeKind, newState: StatusCategory?, oldSize: Int64?, newSize: Int64?) -> Bool {
        switch kind {
        case .newlyInconsistent, .newlyNotComparable: return true
        case .added: return newState != .consistent
        case .stillInconsistent:
            guard let oldSize, let newSize else { return false }
            return newSize > oldSize
        case .resolved, .comparedAgain, .stillNotComparable, .removed, .unchanged: return false
        }
    }

    // MARK: - The outcome

    private func conclude() -> DiffOutcome {
        let oldSummary = oldSummary.finish(), newSummary = newSummary.finish()
        let oldRepeats = KeyIndex.repeats(in: index.sortedFingerprints)
        newFingerprints.sort()
        let newRepeats = KeyIndex.repeats(in: newFingerprints)
        newFingerprints = []

        var notes: [String] = []
        for report in [old.report, new.report] { notes += report.doubts.map { "\(report.file): \($0)" } }
        for (report, sections) in [(old.report, oldSections), (new.report, newSections)] {
            for section in report.sections where !sections.contains(section) {
                notes.append("\(report.file): sheet \"\(section.sheets[0].name)\" was not recognised: its rows are not compared")
            }
        }
        for (file, repeats) in [(old.report.file, oldRepeats.duplicates), (new.report.file, newRepeats.duplicates)] where repeats > 0 {
            notes.append("\(file): \(repeats) \(repeats == 1 ? "entry repeats a key" : "entries repeat a key") listed before in it: "
                         + "repeated keys pair in order of appearance (the first with the first)")
        }
        let collisions = oldRepeats.collisions + newRepeats.collisions + index.crossCollisions
        if collisions > 0 {
            notes.append("\(collisions) distinct keys shared a 128-bit hash; their lengths and checksums kept them apart")
        }

        let regressionTotal = regressions.values.reduce(0, +)
        var reasons: [String] = []
        if regressionTotal > 0 {
            let parts = ChangeKind.allCases.compactMap { kind -> String? in
                guard let count = regressions[kind], count > 0 else { return nil }
                switch kind {
                case .added: return "\(count) added and not consistent"
                case .stillInconsistent: return "\(count) still inconsistent and larger"
                default: return "\(count) " + kind.words
                }
            }
            reasons.append("\(regressionTotal) \(regressionTotal == 1 ? "regression" : "regressions"): " + parts.joined(separator: ", "))
        }
        for (side, summary) in [("old", oldSummary), ("new", newSummary)] where summary.verdict == .incomplete {
            reasons.append("the \(side) report is incomplete: " + summary.reasons.joined(separator: "; "))
        }
        if reasons.isEmpty {
            let resolved = (counts[.resolved]?.values.reduce(0, +) ?? 0)
            reasons.append("nothing got worse" + (resolved > 0 ? " (\(resolved) resolved)" : ""))
        }
        let verdict: DiffVerdict = oldSummary.verdict == .incomplete || newSummary.verdict == .incomplete ? .incomplete
            : regressionTotal > 0 ? .regressions : .noRegressions

        let side = { (summary: ReportSummary, entries: Int, duplicates: Int) in
            DiffReportSide(file: summary.file, compareType: summary.compareType, language: summary.language, verdict: summary.verdict,
                           reasons: summary.reasons, entries: entries, duplicateKeys: duplicates, headline: summary.headline)
        }
        let newEntries = counts.values.flatMap(\.values).reduce(0, +) - index.entries.filter { !$0.matched }.count
        var outcome = DiffOutcome(
            verdict: verdict, reasons: reasons,
            old: side(oldSummary, index.entries.count, oldRepeats.duplicates),
            new: side(newSummary, newEntries, newRepeats.duplicates),
            counts: ChangeKind.allCases.map { kind in
                let entities = DiffEntity.allCases.map { EntityCount(entity: $0, count: counts[kind]?[$0] ?? 0) }
                return ChangeCount(change: kind, total: entities.map(\.count).reduce(0, +), entities: entities)
            },
            regressions: regressionTotal, notes: notes)
        outcome.regressionsByKind = regressions.filter { $0.value > 0 }
        spool = nil
        oldReaders = []
        return outcome
    }

    /// The sections a diff compares, in the order it reads them (see ``SectionKind/diffOrder``).
    private static func compared(_ report: ComparisonReport) -> [ReportSection] {
        report.sections.enumerated()
            .filter { $0.element.kind != .unknown }
            .sorted { ($0.element.kind.diffOrder, $0.offset) < ($1.element.kind.diffOrder, $1.offset) }
            .map(\.element)
    }
}

/// The tables of one report by key, with their worst state: what a differing row absent from
/// that report means.
private struct TableStates {
    /// Whether the report has any per-table section at all.
    var listed = false
    private var states: [KeyFingerprint: StatusCategory] = [:]

    mutating func add(_ table: KeyFingerprint, _ state: StatusCategory) {
        states[table] = max(states[table] ?? state, state)
    }

    /// A row not listed is consistent when its table was compared, incomplete when the table could
    /// not be, and absent (nil) when the report has tables but not this one.
    func stateOfAbsentRow(in table: KeyFingerprint) -> StatusCategory? {
        guard listed else { return .consistent }
        guard let state = states[table] else { return nil }
        return state == .incomplete ? .incomplete : .consistent
    }
}
