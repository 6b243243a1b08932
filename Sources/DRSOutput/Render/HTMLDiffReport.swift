import DRSReport

/// A diff of two reports (``ReportDiff``) as one self-contained HTML page, on the summary page's
/// shell (``HTMLPage``: the same head, style sheet, script and Content-Security-Policy): a banner
/// with the verdict, its reasons and the count of each change; both reports; the counts per
/// change and entity; the worst regressions first; then each change's entries in tables that
/// sort and filter, old and new side by side. It fetches nothing, prints cleanly, and shows every
/// text from the reports as text.
public enum HTMLDiffReport {
    public struct Options: Sendable {
        /// Regressions listed first, worst first.
        public var top: Int
        /// Entries listed per change (regressions among them); the rest are counted, not listed.
        public var rowsPerChange: Int

        public init(top: Int = 10, rowsPerChange: Int = 500) {
            self.top = top
            self.rowsPerChange = rowsPerChange
        }
    }

    /// Runs the diff to its end and writes the page; returns the outcome. Memory holds the
    /// outcome and at most `top` regressions and `rowsPerChange` entries per change, whatever
    /// the reports' size: records are made only for the changes listed.
    @discardableResult
    public static func write(_ diff: ReportDiff, options: Options = Options(), to sink: ByteSink) throws -> DiffOutcome {
        var listing = ChangeListing(top: options.top, perKind: options.rowsPerChange, regressionsInKinds: true)
        let outcome = try diff.forEachChange(where: { listing.wants($0) }) { listing.add($0) }
        sink.write(page(outcome, listing: listing, unchangedListed: diff.options.includeUnchanged))
        return outcome
    }

    static func page(_ outcome: DiffOutcome, listing: ChangeListing, unchangedListed: Bool) -> String {
        let language = outcome.new.language ?? outcome.old.language
        let words = HTMLDiffLabels.forLanguage(language)
        let page = HTMLPage(words: HTMLLabels.forLanguage(language))
        let verdict = words.verdicts[outcome.verdict] ?? outcome.verdict.rawValue
        let files = outcome.old.file + " → " + outcome.new.file
        // Unchanged entries are counted always, handed out only on request.
        let listed = ChangeKind.allCases.filter { outcome.count(of: $0) > 0 && ($0 != .unchanged || unchangedListed) }
        let cut = listed.filter { outcome.count(of: $0) > listing.changes(of: $0).count }

        var banner = "<h1>" + page.text(page.words.verdict + ": " + verdict) + "</h1>\n"
        banner += page.paragraph(files, class: "file")
        banner += page.list(DiffReasons.forLanguage(language).lines(outcome))
        let counts = outcome.counts.filter { $0.total > 0 }.map { (words.changes[$0.change] ?? $0.change.words) + " " + HTMLLabels.grouped($0.total) }
        if !counts.isEmpty { banner += page.paragraph(words.countsLine + ": " + counts.joined(separator: " · "), class: "counts") }
        if !cut.isEmpty {
            let left = cut.reduce(0) { $0 + outcome.count(of: $1) - listing.changes(of: $1).count }
            banner += page.paragraph(words.cutBanner(cut.count, left, listing.perKind), class: "cut")
        }

        var blocks: [HTMLPage.Block] = []
        blocks.append(.init(id: "reports", title: words.reports, body: reports(outcome, page, words)))
        blocks.append(.init(id: "changes", title: words.changeCounts, body: changeCounts(outcome, page, words)))
        if outcome.regressions > 0 {
            let worst = listing.worst
            var body = changes(worst, withKind: true, page, words)
            if worst.count < outcome.regressions { body += page.paragraph(words.worstOf(worst.count, outcome.regressions), class: "note") }
            blocks.append(.init(id: "regressions", title: words.worstRegressions + " (\(HTMLLabels.grouped(outcome.regressions)))", body: body))
        }
        for kind in listed {
            let shown = listing.changes(of: kind)
            let total = outcome.count(of: kind)
            var body = changes(shown, withKind: false, page, words)
            if shown.count < total { body += page.paragraph(words.shownOf(shown.count, total, total - shown.count), class: "note") }
            let name = words.changes[kind] ?? kind.words
            let title = name.prefix(1).uppercased() + String(name.dropFirst()) + " (\(HTMLLabels.grouped(total)))"
            blocks.append(.init(id: "change-" + kind.rawValue, title: title, body: body))
        }
        if !outcome.notes.isEmpty { blocks.append(.init(id: "notes", title: page.words.notes, body: page.list(outcome.notes))) }

        return page.document(title: "\(words.title): \(files): \(verdict)", bannerClass: outcome.verdict.rawValue, banner: banner,
                             blocks: blocks, footer: page.words.generatedBy + " " + files + " (" + DiffOutcome.schema + ")")
    }

    // MARK: - Blocks

    private static func reports(_ outcome: DiffOutcome, _ page: HTMLPage, _ words: HTMLDiffLabels) -> String {
        let labels = SummaryLabels.forLanguage(outcome.new.language ?? outcome.old.language)
        let rows = [(words.old, outcome.old), (words.new, outcome.new)].map { name, side -> [HTMLPage.Cell] in
            [.text(name), .text(side.file), .text(labels.compareTypeName(side.compareType)), .text(side.language?.rawValue ?? ""),
             .markup(state(side.verdict, labels.verdictWord(side.verdict), page)),
             .number(side.entries), .number(side.duplicateKeys),
             .text(side.headline.map { labels.reasons($0, judged: true) } ?? side.reasons.joined(separator: "\n"))]
        }
        return page.table(["", words.file, words.compareType, words.language, words.ownVerdict, words.entries, words.repeatedKeys, words.reasons], rows)
    }

    private static func changeCounts(_ outcome: DiffOutcome, _ page: HTMLPage, _ words: HTMLDiffLabels) -> String {
        let entities = DiffEntity.allCases.filter { entity in outcome.counts.contains { $0.entities.contains { $0.entity == entity && $0.count > 0 } } }
        let rows = outcome.counts.filter { $0.total > 0 }.map { count -> [HTMLPage.Cell] in
            [.text(words.changes[count.change] ?? count.change.words)]
                + entities.map { entity in .number(count.entities.first { $0.entity == entity }?.count ?? 0) } + [.number(count.total)]
        }
        let headers = [words.change] + entities.map { words.entityColumns[$0] ?? $0.rawValue } + [words.total]
        return page.table(headers, rows) + page.paragraph(words.sizeLegend, class: "note")
    }

    // MARK: - Changes

    /// A table of changes: what each is (its key in columns), then old and new side by side: the
    /// difference, then the state and what the report says. `withKind` (the worst regressions)
    /// adds the change; a kind's own table marks its regressions when only some are.
    private static func changes(_ changes: [DiffChange], withKind: Bool, _ page: HTMLPage, _ words: HTMLDiffLabels) -> String {
        let keyed = changes.contains { !detail(of: $0.key).isEmpty }
        let marked = !withKind && changes.contains { $0.isRegression } && changes.contains { !$0.isRegression }
        let headers = (withKind ? [words.change] : []) + [words.entry, words.database, words.tableOrObject] + (keyed ? [words.key] : [])
            + [words.oldSize, words.newSize, words.oldSide, words.newSide] + (marked ? [words.regression] : [])
        let rows = changes.map { change -> [HTMLPage.Cell] in
            let key = change.key
            let side = { (record: ReportRecord?, state: StatusCategory?) -> HTMLPage.Cell in
                let description = ChangeSide.shortened(ChangeSide.detail(record, state: state, entity: change.entity, words: words.side), limit: 400)
                guard let state else { return .text(description) }
                let word = words.side.state(state)
                return .markup(HTMLDiffReport.state(state, word, page) + (description.isEmpty || description == word ? "" : " " + page.text(description)))
            }
            let size = { (value: Int64?) -> HTMLPage.Cell in value.map { .number($0) } ?? .text("") }
            return (withKind ? [.text(words.changes[change.kind] ?? change.kind.words)] : [])
                + [.text(words.entities[change.entity] ?? change.entity.rawValue), .name(key.database ?? ""), .name(key.table ?? key.name ?? "")]
                + (keyed ? [.name(detail(of: key))] : [])
                + [size(change.oldSize), size(change.newSize), side(change.old, change.oldState), side(change.new, change.newState)]
                + (marked ? [.text(change.isRegression ? words.yes : "")] : [])
        }
        return page.table(headers, rows, rowClasses: changes.map { $0.isRegression ? "regression" : nil }, filter: true)
    }

    /// What of a key is not its database and table or name: object type, key values, column, operation.
    private static func detail(of key: DiffKey) -> String {
        [key.objectType, key.keyValues, key.column, key.operation].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// A state in its colour.
    private static func state(_ state: StatusCategory, _ word: String, _ page: HTMLPage) -> String {
        "<span class=\"v \(state.rawValue)\">" + page.text(word) + "</span>"
    }
}
