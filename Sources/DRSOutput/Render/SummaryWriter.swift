import DRSReport
/// Writes a ``ReportSummary`` as Markdown (to paste into a ticket), plain text or JSON
/// (`drsdiff.summary/v1`).
public enum SummaryWriter {
    public enum Format: String, Sendable, CaseIterable {
        case markdown = "md", text, json
    }

    public static func write(_ summary: ReportSummary, as format: Format, to sink: ByteSink) throws {
        switch format {
        case .json:
            var tree = try TreeEncoder.encode(summary)
            if case .object(let members) = tree { tree = .object([("schema", .string(ReportSummary.schema))] + members) }
            sink.write(tree.pretty() + "\n")
        case .markdown:
            sink.write(markdown(summary))
        case .text:
            sink.write(text(summary))
        }
    }

    /// One file of a several-file summary: its summary, or why it could not be read.
    public enum Entry: Sendable {
        case summary(ReportSummary)
        case failure(file: String, message: String)
    }

    /// Several files: JSON is an array of `drsdiff.summary/v1` documents (files that could not be
    /// read are left out: the command says why on stderr); Markdown and text open with an overview
    /// of every file (its verdict and reasons, or its error), then each file's summary.
    public static func write(several entries: [Entry], as format: Format, to sink: ByteSink) throws {
        let summaries = entries.compactMap { entry -> ReportSummary? in
            if case .summary(let summary) = entry { return summary }
            return nil
        }
        switch format {
        case .json:
            let documents = try summaries.map { summary -> JSONValue in
                var tree = try TreeEncoder.encode(summary)
                if case .object(let members) = tree { tree = .object([("schema", .string(ReportSummary.schema))] + members) }
                return tree
            }
            sink.write(JSONValue.array(documents).pretty() + "\n")
        case .markdown, .text:
            let words = SummaryLabels.forLanguage(commonLanguage(summaries))
            let failures = entries.count - summaries.count
            let worst = summaries.map(\.verdict).max()
            let verdict = failures > 0 ? words.error : worst.map(words.verdictWord) ?? words.error
            let why = failures > 0 ? words.unreadable(failures, entries.count) : words.worstOf(entries.count)
            var table = TextTable([words.file, words.compareType, words.language, words.verdict.lowercased()])
            for entry in entries {
                switch entry {
                case .summary(let summary):
                    table.add([summary.file, words.compareTypeName(summary.compareType), words.languageName(summary.language),
                               words.headline(summary.headline, judged: summary.judged)])
                case .failure(let file, let message):
                    table.add([file, "", "", words.error + words.headlineParts.colon + message])
                }
            }
            if format == .markdown {
                sink.write("# \(MarkdownEncoding.inline(words.severalTitle)): \(words.files(entries.count))\n\n**\(words.verdict)\(words.headlineParts.colon)\(verdict)** (\(why))\n\n"
                           + table.markdown)
                for summary in summaries { sink.write("\n" + markdown(summary)) }
            } else {
                sink.write("\(words.severalTitle): \(words.files(entries.count))\n\(words.verdict.lowercased())\(words.headlineParts.colon)\(verdict) (\(why))\n\n" + table.text())
                for summary in summaries { sink.write("\n" + text(summary)) }
            }
        }
    }

    /// The language of every summary when they share one (their overview is then in it), else English.
    private static func commonLanguage(_ summaries: [ReportSummary]) -> ReportLanguage? {
        let languages = Set(summaries.map(\.language))
        return languages.count == 1 ? languages.first! : nil
    }

    /// The whole verdict on one line, in English: "incomplete: 25 tables could not be compared,
    /// 50 inconsistent" (`check` prints it; the summary's formats word it in the report's language).
    public static func headline(_ summary: ReportSummary) -> String {
        SummaryLabels.english.headline(summary.headline, judged: summary.judged)
    }

    /// Tables listed with their value differences in Markdown and text (JSON lists them all).
    static let listedTables = 10

    // MARK: - Blocks shared by Markdown and text

    private enum Block {
        /// The report's metadata: a table in Markdown, `key: value` lines in text.
        case about(TextTable)
        case table(String, TextTable)
        case list(String, [String])
    }

    private static func blocks(_ summary: ReportSummary) -> [Block] {
        let words = SummaryLabels.forLanguage(summary.language)
        var blocks: [Block] = []
        blocks.append(fixFirst(summary, words))

        var about = TextTable([words.report, words.value])
        about.add([words.compareType, words.compareTypeName(summary.compareType)])
        about.add([words.language, words.languageName(summary.language)])
        var seen: Set<[String]> = []
        for entry in summary.metadata where seen.insert([entry.key, entry.value]).inserted {
            about.add([entry.key, entry.value])
        }
        blocks.append(.about(about))

        if !summary.sections.isEmpty {
            var sections = TextTable([words.section, words.sheets, words.records, words.verdictWord(.consistent),
                                      words.verdictWord(.inconsistent), words.verdictWord(.incomplete)], numeric: [2, 3, 4, 5])
            var statuses = TextTable([words.section, words.status, words.code, words.count], numeric: [2, 3])
            for section in summary.sections {
                sections.add([words.sectionKind(section.kind), section.sheets.joined(separator: ", "), String(section.records),
                              String(section.consistent), String(section.inconsistent), String(section.incomplete)])
                for status in section.statuses {
                    statuses.add([words.sectionKind(section.kind), status.text, status.code.map { String($0) } ?? "", String(status.count)])
                }
            }
            blocks.append(.table(words.sections, sections))
            if !statuses.rows.isEmpty { blocks.append(.table(words.resultsByStatus, statuses)) }
        }

        if !summary.databases.isEmpty {
            var table = TextTable([words.database, words.tables, words.verdictWord(.consistent), words.verdictWord(.inconsistent),
                                   words.verdictWord(.incomplete), words.rowDifference, words.databaseStatus], numeric: [1, 2, 3, 4, 5])
            for database in summary.databases {
                table.add([database.database, String(database.tables), String(database.consistent), String(database.inconsistent),
                           String(database.incomplete), String(database.rowDifference), database.status?.text ?? ""])
            }
            blocks.append(.table(words.databases, table))
        }

        if !summary.topTables.isEmpty {
            var table = TextTable([words.database, words.table, words.sourceRows, words.targetRows, words.difference, words.reason], numeric: [2, 3, 4])
            for entry in summary.topTables {
                table.add([entry.database ?? "", entry.table ?? "", entry.sourceRows.map { String($0) } ?? "",
                           entry.targetRows.map { String($0) } ?? "", String(entry.difference), entry.reason ?? ""])
            }
            blocks.append(.table("\(words.largest) (\(summary.topTables.count))", table))
        }

        if summary.uncomparableCount > 0 {
            var table = TextTable([words.database, words.table, words.status, words.reason])
            for entry in summary.uncomparable {
                table.add([entry.database ?? "", entry.table ?? "", entry.status?.text ?? "", entry.reason])
            }
            let more = summary.uncomparableCount - summary.uncomparable.count
            blocks.append(.table("\(words.uncomparable) (" + (more > 0 ? words.firstOf(summary.uncomparable.count, summary.uncomparableCount)
                                                                : String(summary.uncomparableCount)) + ")", table))
        }

        if summary.failedObjectCount > 0 {
            var table = TextTable([words.objectType, words.database, words.object, words.result, words.reason])
            for object in summary.failedObjects {
                table.add([object.objectType, object.database ?? "", object.name ?? "", words.verdictWord(object.category), object.reason ?? ""])
            }
            let more = summary.failedObjectCount - summary.failedObjects.count
            blocks.append(.table("\(words.failedObjects) (" + (more > 0 ? words.firstOf(summary.failedObjects.count, summary.failedObjectCount)
                                                                  : String(summary.failedObjectCount)) + ")", table))
        }

        if !summary.objectTypes.isEmpty {
            var table = TextTable([words.objectType, words.source, words.target, words.status, words.objectsListed,
                                   words.verdictWord(.inconsistent), words.verdictWord(.incomplete)], numeric: [1, 2, 4, 5, 6])
            for type in summary.objectTypes {
                table.add([type.objectType, type.sourceCount.map { String($0) } ?? "", type.targetCount.map { String($0) } ?? "",
                           type.status?.text ?? "", String(type.objects), String(type.inconsistentObjects), String(type.incompleteObjects)])
            }
            blocks.append(.table(words.objectTypes, table))
        }

        if let differences = summary.valueDifferences {
            var counts = TextTable([words.differingRows, words.onlyInSource, words.onlyInTarget, words.bothDiffer, words.other], numeric: [0, 1, 2, 3, 4])
            counts.add([String(differences.total), String(differences.onlyInSource), String(differences.onlyInTarget),
                        String(differences.bothDiffer), String(differences.unknownKind)])
            blocks.append(.table(words.valueDifferences, counts))
            if !differences.tables.isEmpty {
                var tables = TextTable([words.database, words.table, words.differingRows], numeric: [2])
                let shown = differences.tables.prefix(SummaryWriter.listedTables)
                for table in shown { tables.add([table.database ?? "", table.table ?? "", String(table.count)]) }
                let title = shown.count < differences.tables.count
                    ? "\(words.tablesWithValueDifferences) (\(words.firstOf(shown.count, differences.tables.count)))"
                    : words.tablesWithValueDifferences
                blocks.append(.table(title, tables))
            }
        }

        if let repair = summary.repair {
            var counts = TextTable([words.statements, words.rowsToRepair, words.repairedRows, words.failedRows], numeric: [0, 1, 2, 3])
            counts.add([String(repair.statements), String(repair.totalRows), String(repair.repairedRows), String(repair.failedRows)])
            blocks.append(.table(words.repair, counts))
            if !repair.operations.isEmpty || !repair.states.isEmpty {
                var byName = TextTable(["", words.name, words.statements], numeric: [2])
                for entry in repair.operations { byName.add([words.operation, words.repairWord(entry.name), String(entry.count)]) }
                for entry in repair.states { byName.add([words.state, words.repairWord(entry.name), String(entry.count)]) }
                blocks.append(.table(words.repairStatements, byName))
            }
            if !repair.tablesWithFailures.isEmpty {
                var failures = TextTable([words.database, words.table, words.failures], numeric: [2])
                for table in repair.tablesWithFailures { failures.add([table.database ?? "", table.table ?? "", String(table.count)]) }
                blocks.append(.table(words.tablesWithFailedRepairs, failures))
            }
        }

        if !summary.notes.isEmpty { blocks.append(.list(words.notes, summary.notes)) }
        return blocks
    }

    /// What blocks a cutover, most blocking first, or a sentence saying nothing does.
    private static func fixFirst(_ summary: ReportSummary, _ words: SummaryLabels) -> Block {
        let title = summary.fixFirstCount > summary.fixFirst.count
            ? "\(words.fixFirst) (\(words.firstOf(summary.fixFirst.count, summary.fixFirstCount)))" : words.fixFirst
        guard !summary.fixFirst.isEmpty else { return .list(title, [summary.judged ? words.fixFirstEmpty : words.headlineParts.noResults]) }
        var table = TextTable(["#", words.result, words.database, words.name, words.count, words.reason, words.location], numeric: [0, 4])
        for (position, item) in summary.fixFirst.enumerated() {
            let name = [item.objectType, item.name].compactMap { $0 }.joined(separator: " ")
            table.add([String(position + 1), words.fixKind(item), item.database ?? "", name, item.count.map { String($0) } ?? "",
                       item.reason ?? "", item.sheet.map { sheet in item.row.map { "\(sheet) \(words.row) \($0)" } ?? sheet } ?? ""])
        }
        return .table(title, table)
    }

    private static func markdown(_ summary: ReportSummary) -> String {
        let words = SummaryLabels.forLanguage(summary.language)
        var out = "## \(MarkdownEncoding.inline(words.title)): \(MarkdownEncoding.inline(summary.file))\n\n"
        out += "**" + MarkdownEncoding.inline(words.headline(summary.headline, judged: summary.judged)) + "**\n"
        for block in blocks(summary) {
            switch block {
            case .about(let table):
                out += "\n" + table.markdown
            case .table(let title, let table):
                out += "\n### " + MarkdownEncoding.inline(title) + "\n\n" + table.markdown
            case .list(let title, let lines):
                out += "\n### " + MarkdownEncoding.inline(title) + "\n\n" + lines.map { "- " + MarkdownEncoding.cell($0) + "\n" }.joined()
            }
        }
        return out
    }

    private static func text(_ summary: ReportSummary) -> String {
        let words = SummaryLabels.forLanguage(summary.language)
        var out = TerminalText.visible("\(words.title): \(summary.file)") + "\n"
        out += TerminalText.visible(words.headline(summary.headline, judged: summary.judged)) + "\n"
        for block in blocks(summary) {
            switch block {
            case .about(let table):
                out += "\n"
                for row in table.rows { out += TextTable.oneLine(row[0]) + ": " + TextTable.oneLine(row[1]) + "\n" }
            case .table(let title, let table):
                out += "\n" + TextTable.oneLine(title) + "\n" + table.text()
            case .list(let title, let lines):
                out += "\n" + TextTable.oneLine(title) + "\n" + lines.map { "  - " + TextTable.oneLine($0) + "\n" }.joined()
            }
        }
        return out
    }
}

extension ReportSummary {
    /// Whether any record was judged (a report without any result says so instead of "no differences").
    var judged: Bool { sections.contains { $0.consistent + $0.inconsistent + $0.incomplete > 0 } }
}
