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
            let failures = entries.count - summaries.count
            let worst = summaries.map(\.verdict).max()
            let verdict = failures > 0 ? "error" : worst?.rawValue ?? "error"
            let why = failures > 0 ? "\(failures) of \(entries.count) could not be read" : "the worst of \(entries.count)"
            var table = TextTable(["file", "compare type", "language", "verdict", "reasons"])
            for entry in entries {
                switch entry {
                case .summary(let summary):
                    table.add([summary.file, summary.compareType?.rawValue ?? "unknown", summary.language?.rawValue ?? "unknown",
                               summary.verdict.rawValue, summary.reasons.joined(separator: "; ")])
                case .failure(let file, let message):
                    table.add([file, "", "", "error", message])
                }
            }
            if format == .markdown {
                sink.write("# DRS comparison reports: \(entries.count) files\n\n**Verdict: \(verdict)** (\(why))\n\n" + table.markdown)
                for summary in summaries { sink.write("\n" + markdown(summary)) }
            } else {
                sink.write("DRS comparison reports: \(entries.count) files\nverdict: \(verdict) (\(why))\n\n" + table.text())
                for summary in summaries { sink.write("\n" + text(summary)) }
            }
        }
    }

    /// Tables listed with their value differences in Markdown and text (JSON lists them all).
    static let listedTables = 10

    // MARK: - Blocks shared by Markdown and text

    private enum Block {
        case table(String, TextTable)
        case list(String, [String])
    }

    private static func blocks(_ summary: ReportSummary) -> [Block] {
        var blocks: [Block] = []

        var about = TextTable(["report", "value"])
        about.add(["compare type (recognised)", summary.compareType?.rawValue ?? "unknown"])
        about.add(["language (recognised)", summary.language?.rawValue ?? "unknown"])
        var seen: Set<[String]> = []
        for entry in summary.metadata where seen.insert([entry.key, entry.value]).inserted {
            about.add([entry.key, entry.value])
        }
        blocks.append(.table("Report", about))

        if !summary.sections.isEmpty {
            var sections = TextTable(["section", "sheets", "records", "consistent", "inconsistent", "incomplete"], numeric: [2, 3, 4, 5])
            var statuses = TextTable(["section", "status", "code", "text", "count"], numeric: [2, 4])
            for section in summary.sections {
                sections.add([section.kind.rawValue, section.sheets.joined(separator: ", "), String(section.records),
                              String(section.consistent), String(section.inconsistent), String(section.incomplete)])
                for status in section.statuses {
                    statuses.add([section.kind.rawValue, status.status, status.code.map { String($0) } ?? "", status.text, String(status.count)])
                }
            }
            blocks.append(.table("Sections", sections))
            if !statuses.rows.isEmpty { blocks.append(.table("Results by status", statuses)) }
        }

        if !summary.databases.isEmpty {
            var table = TextTable(["database", "tables", "consistent", "inconsistent", "incomplete", "row difference", "database status"], numeric: [1, 2, 3, 4, 5])
            for database in summary.databases {
                table.add([database.database, String(database.tables), String(database.consistent), String(database.inconsistent),
                           String(database.incomplete), String(database.rowDifference), database.status?.text ?? ""])
            }
            blocks.append(.table("Databases", table))
        }

        if !summary.topTables.isEmpty {
            var table = TextTable(["database", "table", "source rows", "destination rows", "difference", "status"], numeric: [2, 3, 4])
            for entry in summary.topTables {
                table.add([entry.database ?? "", entry.table ?? "", entry.sourceRows.map { String($0) } ?? "",
                           entry.targetRows.map { String($0) } ?? "", String(entry.difference), entry.status?.text ?? ""])
            }
            blocks.append(.table("Largest row differences (top \(summary.topTables.count))", table))
        }

        if summary.uncomparableCount > 0 {
            var table = TextTable(["database", "table", "status", "reason"])
            for entry in summary.uncomparable {
                table.add([entry.database ?? "", entry.table ?? "", entry.status?.value.name ?? "", entry.reason])
            }
            let more = summary.uncomparableCount - summary.uncomparable.count
            blocks.append(.table("Tables that could not be compared (\(summary.uncomparableCount))" + (more > 0 ? ", first \(summary.uncomparable.count)" : ""), table))
        }

        if !summary.objectTypes.isEmpty {
            var table = TextTable(["object type", "source", "destination", "status", "objects listed", "inconsistent", "incomplete"], numeric: [1, 2, 4, 5, 6])
            for type in summary.objectTypes {
                table.add([type.objectType, type.sourceCount.map { String($0) } ?? "", type.targetCount.map { String($0) } ?? "",
                           type.status?.text ?? "", String(type.objects), String(type.inconsistentObjects), String(type.incompleteObjects)])
            }
            blocks.append(.table("Object types", table))
        }

        if let differences = summary.valueDifferences {
            var counts = TextTable(["differing rows", "only in source", "only in destination", "both differ", "other"], numeric: [0, 1, 2, 3, 4])
            counts.add([String(differences.total), String(differences.onlyInSource), String(differences.onlyInTarget),
                        String(differences.bothDiffer), String(differences.unknownKind)])
            blocks.append(.table("Value differences", counts))
            if !differences.tables.isEmpty {
                var tables = TextTable(["database", "table", "differing rows"], numeric: [2])
                let shown = differences.tables.prefix(SummaryWriter.listedTables)
                for table in shown { tables.add([table.database ?? "", table.table ?? "", String(table.count)]) }
                let title = shown.count < differences.tables.count ? "Tables with value differences (\(differences.tables.count), first \(shown.count))"
                    : "Tables with value differences"
                blocks.append(.table(title, tables))
            }
        }

        if let repair = summary.repair {
            var counts = TextTable(["statements", "rows to repair", "repaired rows", "failed rows"], numeric: [0, 1, 2, 3])
            counts.add([String(repair.statements), String(repair.totalRows), String(repair.repairedRows), String(repair.failedRows)])
            blocks.append(.table("Repair", counts))
            if !repair.operations.isEmpty || !repair.states.isEmpty {
                var byName = TextTable(["", "name", "statements"], numeric: [2])
                for entry in repair.operations { byName.add(["operation", entry.name, String(entry.count)]) }
                for entry in repair.states { byName.add(["state", entry.name, String(entry.count)]) }
                blocks.append(.table("Repair statements", byName))
            }
            if !repair.tablesWithFailures.isEmpty {
                var failures = TextTable(["database", "table", "failures"], numeric: [2])
                for table in repair.tablesWithFailures { failures.add([table.database ?? "", table.table ?? "", String(table.count)]) }
                blocks.append(.table("Tables with failed repairs", failures))
            }
        }

        if !summary.notes.isEmpty { blocks.append(.list("Notes", summary.notes)) }
        return blocks
    }

    private static func markdown(_ summary: ReportSummary) -> String {
        var out = "## DRS comparison report: \(summary.file)\n\n"
        out += "**Verdict: \(summary.verdict.rawValue)**\n\n"
        for reason in summary.reasons { out += "- " + MarkdownEncoding.cell(reason) + "\n" }
        for block in blocks(summary) {
            switch block {
            case .table(let title, let table):
                if title == "Report" {
                    out += "\n" + table.markdown
                } else {
                    out += "\n### " + title + "\n\n" + table.markdown
                }
            case .list(let title, let lines):
                out += "\n### " + title + "\n\n" + lines.map { "- " + MarkdownEncoding.cell($0) + "\n" }.joined()
            }
        }
        return out
    }

    private static func text(_ summary: ReportSummary) -> String {
        var out = "DRS comparison report: \(summary.file)\n"
        out += "verdict: \(summary.verdict.rawValue)\n"
        for reason in summary.reasons { out += "  - " + reason + "\n" }
        for block in blocks(summary) {
            switch block {
            case .table(let title, let table):
                if title == "Report" {
                    for row in table.rows { out += row[0] + ": " + TextTable.oneLine(row[1]) + "\n" }
                } else {
                    out += "\n" + title + "\n" + table.text()
                }
            case .list(let title, let lines):
                out += "\n" + title + "\n" + lines.map { "  - " + $0 + "\n" }.joined()
            }
        }
        return out
    }
}
