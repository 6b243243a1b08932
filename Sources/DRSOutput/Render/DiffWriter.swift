import DRSReport

/// Writes diffs (``ReportDiff``) as Markdown, `drsdiff.diff/v1` JSON or NDJSON, or CSV, one pair
/// or several. JSON, NDJSON and CSV stream the changes as the diff hands them out; Markdown keeps
/// only what it lists (the `top` worst regressions and the first `top` changes of each other
/// kind), so memory stays flat either way. The formats are described in `docs/report.md` and
/// `schema/drsdiff.diff.v1.json`.
public final class DiffWriter {
    public enum Format: String, Sendable, CaseIterable {
        case markdown = "md", json, ndjson, csv
    }

    private let format: Format
    private let top: Int
    private let several: Bool
    private let sink: ByteSink
    private let json: JSONWriter
    private var pairs: [(old: String, new: String, result: Result<(DiffOutcome, String), PairFailure>)] = []
    private var wroteDocument = false
    private var wroteHeader = false

    private struct PairFailure: Error {
        let message: String
        /// Not an error: a report in one directory only, which makes the run incomplete.
        let unpaired: Bool
    }

    /// `several`: more than one pair may come (several pairs given, or a directory pair): JSON is
    /// then an array of documents and Markdown opens with an overview of every pair.
    public init(format: Format, top: Int = 10, several: Bool, to sink: ByteSink) {
        self.format = format
        self.top = max(0, top)
        self.several = several
        self.sink = sink
        json = JSONWriter(sink: sink)
    }

    /// Runs one diff to its end, writing it; returns its outcome.
    @discardableResult
    public func write(_ diff: ReportDiff) throws -> DiffOutcome {
        let (old, new) = (diff.old.report.file, diff.new.report.file)
        let outcome: DiffOutcome
        switch format {
        case .markdown:
            var markdown = MarkdownListing(top: top)
            outcome = try diff.forEachChange(where: { markdown.listing.wants($0) }) { markdown.listing.add($0) }
            pairs.append((old, new, .success((outcome, markdown.render(outcome, diff: diff)))))
            return outcome
        case .json:
            sink.write(several ? (wroteDocument ? ",\n" : "[\n") : "")
            wroteDocument = true
            sink.write("{")
            writeHead(diff)
            sink.write(",\n\"changes\":[")
            var first = true
            outcome = try diff.forEachChange { change in
                sink.write(first ? "\n" : ",\n")
                first = false
                try writeChange(change, kind: false)
            }
            sink.write(first ? "],\n" : "\n],\n")
            try writeOutcomeMembers(outcome)
            sink.write("}")
            if !several { sink.write("\n") }
        case .ndjson:
            sink.write("{\"kind\":\"diff\",")
            writeHead(diff)
            sink.write("}\n")
            outcome = try diff.forEachChange { change in
                try writeChange(change, kind: true)
                sink.write(byte: 0x0A)
            }
            sink.write("{\"kind\":\"outcome\",")
            try writeOutcomeMembers(outcome)
            sink.write("}\n")
        case .csv:
            writeCSVHeader()
            var fields: [String] = []
            outcome = try diff.forEachChange { change in
                fields.removeAll(keepingCapacity: true)
                DiffWriter.csvFields(change, old: old, new: new, into: &fields)
                CSVEncoding.writeRecord(fields, to: sink)
            }
        }
        pairs.append((old, new, .success((outcome, ""))))
        return outcome
    }

    /// A pair that could not be diffed (unreadable, or of different compare types): listed in the
    /// Markdown overview; the other formats leave it out (the command says why on stderr).
    public func failed(old: String, new: String, message: String) {
        pairs.append((old, new, .failure(PairFailure(message: message, unpaired: false))))
    }

    /// A report found in one directory of a directory pair only: listed in the Markdown overview
    /// as not diffed, which makes the run incomplete.
    public func unpaired(old: String?, new: String?) {
        let side = old == nil ? "new" : "old"
        pairs.append((old ?? "", new ?? "", .failure(PairFailure(message: "only in the \(side) directory: not diffed", unpaired: true))))
    }

    /// Closes the output: the JSON array, the CSV header of an empty diff, the Markdown.
    public func finish() {
        switch format {
        case .json:
            if several { sink.write(wroteDocument ? "\n]\n" : "[]\n") }
        case .csv:
            writeCSVHeader()
        case .ndjson:
            break
        case .markdown:
            if several { sink.write(overview()) }
            for pair in pairs {
                if case .success((_, let text)) = pair.result { sink.write((several ? "\n" : "") + text) }
            }
        }
    }

    // MARK: - JSON and NDJSON

    private func writeHead(_ diff: ReportDiff) {
        json.key("schema", first: true)
        json.string(DiffOutcome.schema)
        json.key("old_file")
        json.string(diff.old.report.file)
        json.key("new_file")
        json.string(diff.new.report.file)
        json.key("compare_type")
        json.string(diff.old.report.compareType?.rawValue)
    }

    private func writeOutcomeMembers(_ outcome: DiffOutcome) throws {
        sink.write(try JSONWriter.members(of: TreeEncoder.encode(outcome), opening: false))
    }

    private func writeChange(_ change: DiffChange, kind: Bool) throws {
        let key = try TreeEncoder.encode(change.key).compact
        sink.write { buffer in
            buffer.append(kind ? "{\"kind\":\"change\",\"change\":" : "{\"change\":")
            RecordJSON.string(change.kind.rawValue, &buffer)
            buffer.append(",\"entity\":")
            RecordJSON.string(change.entity.rawValue, &buffer)
            buffer.append(change.isRegression ? ",\"regression\":true,\"key\":" : ",\"regression\":false,\"key\":")
            buffer.append(key)
            buffer.append(",\"old_state\":")
            buffer.append(change.oldState.map { JSONEncoding.quoted($0.rawValue) } ?? "null")
            buffer.append(",\"new_state\":")
            buffer.append(change.newState.map { JSONEncoding.quoted($0.rawValue) } ?? "null")
            buffer.append(",\"row_difference\":")
            if let difference = change.rowDifference {
                let old: String = difference.old.map { String($0) } ?? "null"
                let new: String = difference.new.map { String($0) } ?? "null"
                buffer.append("{\"old\":\(old),\"new\":\(new)}")
            } else {
                buffer.append("null")
            }
            buffer.append(",\"old\":")
            if let old = change.old { RecordJSON.append(old, to: &buffer) } else { buffer.append("null") }
            buffer.append(",\"new\":")
            if let new = change.new { RecordJSON.append(new, to: &buffer) } else { buffer.append("null") }
            buffer.append(0x7D)
        }
    }

    // MARK: - CSV

    static let csvColumns = [
        "old_file", "new_file", "change", "entity", "regression",
        "database", "table", "object_type", "name", "key_values", "column", "operation",
        "old_state", "new_state", "old_status", "new_status", "old_status_text", "new_status_text",
        "old_source_count", "new_source_count", "old_target_count", "new_target_count", "old_row_difference", "new_row_difference",
        "old_source_value", "new_source_value", "old_target_value", "new_target_value", "old_message", "new_message",
        "old_sheet", "old_row", "new_sheet", "new_row",
    ]

    private func writeCSVHeader() {
        guard !wroteHeader else { return }
        wroteHeader = true
        CSVEncoding.writeRecord(DiffWriter.csvColumns, to: sink)
    }

    static func csvFields(_ change: DiffChange, old oldFile: String, new newFile: String, into fields: inout [String]) {
        let (old, new) = (ChangeSide(change.old), ChangeSide(change.new))
        let number = { (value: Int64?) in value.map(String.init) ?? "" }
        let key = change.key
        fields += [oldFile, newFile, change.kind.rawValue, change.entity.rawValue, change.isRegression ? "true" : "false",
                   key.database ?? "", key.table ?? "", key.objectType ?? "", key.name ?? "", key.keyValues ?? "", key.column ?? "", key.operation ?? "",
                   change.oldState?.rawValue ?? "", change.newState?.rawValue ?? "",
                   old.status?.name ?? "", new.status?.name ?? "", old.status?.text ?? "", new.status?.text ?? "",
                   number(old.sourceCount), number(new.sourceCount), number(old.targetCount), number(new.targetCount),
                   number(old.rowDifference), number(new.rowDifference),
                   old.sourceValue ?? "", new.sourceValue ?? "", old.targetValue ?? "", new.targetValue ?? "",
                   old.message ?? "", new.message ?? "",
                   change.old?.sheet ?? "", change.old.map { String($0.row) } ?? "",
                   change.new?.sheet ?? "", change.new.map { String($0.row) } ?? ""]
    }

    // MARK: - Markdown

    private func overview() -> String {
        let outcomes = pairs.compactMap { pair -> DiffOutcome? in
            if case .success((let outcome, _)) = pair.result { return outcome }
            return nil
        }
        let languages = Set(outcomes.map { $0.new.language ?? $0.old.language })
        let language = languages.count == 1 ? languages.first! : nil
        let words = HTMLDiffLabels.forLanguage(language), summary = SummaryLabels.forLanguage(language)
        let failures = pairs.filter { pair in
            if case .failure(let failure) = pair.result { return !failure.unpaired }
            return false
        }.count
        let unpaired = pairs.count - outcomes.count - failures
        var out = "# \(words.severalTitle): \(words.pairs(pairs.count))\n\n"
        if failures > 0 {
            out += "**\(summary.verdict)\(summary.headlineParts.colon)\(words.error)** (\(words.couldNotDiff(failures, pairs.count)))\n\n"
        } else {
            let worst = (outcomes.map(\.verdict) + (unpaired > 0 ? [.incomplete] : [])).max() ?? .incomplete
            out += "**\(summary.verdict)\(summary.headlineParts.colon)\(words.verdicts[worst] ?? worst.rawValue)** (\(words.worstOfAll(pairs.count))"
                + (unpaired > 0 ? "; \(words.notDiffed(unpaired))" : "") + ")\n\n"
        }
        let shown: [ChangeKind] = [.newlyInconsistent, .newlyNotComparable, .resolved, .stillInconsistent, .comparedAgain, .added, .removed]
        var table = TextTable([words.old, words.new, words.compareType, summary.verdict, words.regressionsColumn]
                              + shown.map { words.changes[$0] ?? $0.words }, numeric: Set(4..<(5 + shown.count)))
        for pair in pairs {
            switch pair.result {
            case .success((let outcome, _)):
                table.add([pair.old, pair.new, summary.compareTypeName(outcome.old.compareType), words.verdicts[outcome.verdict] ?? outcome.verdict.rawValue,
                           String(outcome.regressions)] + shown.map { String(outcome.count(of: $0)) })
            case .failure(let failure):
                let message = failure.unpaired ? words.onlyIn(pair.new.isEmpty) : words.error + summary.headlineParts.colon + failure.message
                table.add([pair.old, pair.new, "", message, ""] + shown.map { _ in "" })
            }
        }
        return out + table.markdown
    }
}

/// The Markdown of one diff, in the new report's language: the worst regressions, and the first
/// changes of each other kind.
private struct MarkdownListing {
    var listing: ChangeListing

    init(top: Int) { listing = ChangeListing(top: top, perKind: top, regressionsInKinds: false) }

    /// Non-regressions listed by kind, in this order (newly inconsistent and newly not comparable are always regressions).
    static let otherKinds: [ChangeKind] = [.resolved, .stillInconsistent, .comparedAgain, .stillNotComparable, .added, .removed, .unchanged]

    func render(_ outcome: DiffOutcome, diff: ReportDiff) -> String {
        let language = outcome.new.language ?? outcome.old.language
        let words = HTMLDiffLabels.forLanguage(language), summary = SummaryLabels.forLanguage(language)
        let colon = summary.headlineParts.colon
        var out = "## \(MarkdownEncoding.inline(words.title)): \(MarkdownEncoding.inline(outcome.old.file)) → \(MarkdownEncoding.inline(outcome.new.file))\n\n"
        out += "**\(summary.verdict)\(colon)\(words.verdicts[outcome.verdict] ?? outcome.verdict.rawValue)**\n\n"
        for reason in DiffReasons.forLanguage(language).lines(outcome) { out += "- " + MarkdownEncoding.cell(reason) + "\n" }

        var reports = TextTable([words.reports, words.file, words.compareType, words.language, words.ownVerdict, words.entries], numeric: [5])
        for (name, side) in [(words.old, outcome.old), (words.new, outcome.new)] {
            reports.add([name, side.file, summary.compareTypeName(side.compareType), side.language?.rawValue ?? "", summary.verdictWord(side.verdict),
                         String(side.entries)])
        }
        out += "\n" + reports.markdown

        let entities = DiffEntity.allCases.filter { entity in outcome.counts.contains { $0.entities.contains { $0.entity == entity && $0.count > 0 } } }
        var counts = TextTable([words.change] + entities.map { words.entityColumns[$0] ?? $0.rawValue } + [words.total],
                               numeric: Set(1...(entities.count + 1)))
        for count in outcome.counts where count.total > 0 {
            counts.add([words.changes[count.change] ?? count.change.words]
                       + entities.map { entity in String(count.entities.first { $0.entity == entity }?.count ?? 0) } + [String(count.total)])
        }
        out += "\n### \(words.changeCounts)\n\n" + (counts.rows.isEmpty ? words.noEntries + "\n" : counts.markdown)

        if outcome.regressions > 0 {
            let worst = listing.worst
            out += "\n### \(words.regressionsWorstFirst) (\(MarkdownListing.counted(outcome.regressions, shown: worst.count, words)))\n\n"
            var table = TextTable([words.change, words.entry, words.old, words.new])
            for change in worst { table.add(MarkdownListing.row(change, withKind: true, words)) }
            out += table.markdown
        }
        for kind in MarkdownListing.otherKinds {
            let count = listing.offered(of: kind)
            guard count > 0 else { continue }
            let title: String
            switch kind {
            case .stillInconsistent: title = words.stillInconsistentNotLarger
            case .added: title = words.addedConsistent
            default:
                let name = words.changes[kind] ?? kind.words
                title = String(name.prefix(1).uppercased() + name.dropFirst())
            }
            let shown = listing.changes(of: kind)
            out += "\n### \(title) (\(MarkdownListing.counted(count, shown: shown.count, words)))\n\n"
            var table = TextTable([words.entry, words.old, words.new])
            for change in shown { table.add(MarkdownListing.row(change, withKind: false, words)) }
            out += listing.top > 0 ? table.markdown : ""
        }
        if !outcome.notes.isEmpty {
            out += "\n### \(HTMLLabels.forLanguage(language).notes)\n\n" + outcome.notes.map { "- " + MarkdownEncoding.cell($0) + "\n" }.joined()
        }
        return out
    }

    private static func counted(_ count: Int, shown: Int, _ words: HTMLDiffLabels) -> String {
        shown < count ? words.countedFirst(count, shown) : String(count)
    }

    private static func row(_ change: DiffChange, withKind: Bool, _ words: HTMLDiffLabels) -> [String] {
        let name = (words.entities[change.entity] ?? change.entity.rawValue) + " " + ChangeSide.shortened(change.key.label, limit: 80)
        let cells = [name, describe(change.old, state: change.oldState, entity: change.entity, words),
                     describe(change.new, state: change.newState, entity: change.entity, words)]
        return withKind ? [words.changes[change.kind] ?? change.kind.words] + cells : cells
    }

    /// `inconsistent: source 1234, destination 1230, difference 4: Inconsistent`, shortened for a table cell.
    private static func describe(_ record: ReportRecord?, state: StatusCategory?, entity: DiffEntity, _ words: HTMLDiffLabels) -> String {
        let detail = ChangeSide.detail(record, state: state, entity: entity, words: words.side)
        guard record != nil else { return detail }
        return ChangeSide.shortened((state.map(words.side.state) ?? "?") + (detail.isEmpty ? "" : words.side.separator + detail))
    }
}
