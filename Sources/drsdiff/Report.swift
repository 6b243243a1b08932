import ArgumentParser
import DRSOutput
import DRSReport

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a DRS comparison report's records as JSON, NDJSON or CSV, typed by meaning.",
        discussion: """
            JSON is one document (schema drsdiff.report/v1, schema/drsdiff.report.v1.json) with \
            every section and its records; NDJSON is a first "report" line, then one record per \
            line, each with its section's "kind"; CSV is one section with stable English column \
            names. Sheets that are not recognised come out as generic tables. Records stream: \
            memory stays flat however many rows. See docs/report.md.
            """)

    @OptionGroup var input: ReportInput

    @Option(help: "Output format: json, ndjson or csv.")
    var format: FormatChoice = .json

    @Option(help: ArgumentHelp("Only sections of this kind (table_row_counts, value_differences…); may be repeated. CSV takes one.",
                               valueName: "kind"))
    var section: [String] = []

    @Flag(help: "Only records whose result is inconsistent.")
    var onlyInconsistent = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of stdout.", valueName: "path"))
    var output: String?

    @Flag(name: .shortAndLong, help: "Show no progress line on stderr (it is shown only when stderr is a terminal).")
    var quiet = false

    /// Only CSV of a sheet that is not recognised pads (it is written as `convert` writes it);
    /// JSON's `values` end at each row's last cell.
    @OptionGroup var outputCells: OutputCellLimitOption

    enum FormatChoice: String, FormatArgument {
        case json, ndjson, csv
    }

    func validate() throws {
        for name in section where SectionKind(name: name) == nil {
            throw ValidationError("unknown section kind \"\(name)\"; kinds: " + SectionKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if format == .csv && section.count > 1 {
            throw ValidationError("CSV holds one section: give --section once")
        }
    }

    func run() throws {
        try reportingFailures {
            let target = try OutputTarget(path: output)
            let file = try input.open()
            try Self.write(file, as: format, sections: section, onlyInconsistent: onlyInconsistent, maxOutputCells: outputCells.maxOutputCells,
                           quiet: quiet, to: target)
        }
    }

    /// What `report` writes for an opened report (`fetch` writes JSON, NDJSON and CSV this way
    /// too): the sections named (all, or for CSV the main one, when none are), their records.
    static func write(
        _ file: ReportWorkbook, as format: FormatChoice, sections names: [String] = [], onlyInconsistent: Bool = false,
        maxOutputCells: Int = TableWriter.Options().maxCells, quiet: Bool, to target: OutputTarget
    ) throws {
        let sections = try chosenSections(file.report, names: names, format: format)
        noteUnrecognised(sections)
        if onlyInconsistent, sections.contains(where: { $0.kind == .unknown }) {
            Console.note("--only-inconsistent leaves out the rows of sheets that were not recognised")
        }
        try ReadProgress.showing(on: file.workbook, quiet: quiet) {
            try target.write { sink in
                switch format {
                case .json:
                    try ReportWriter.writeJSON(file, ReportWriter.Selection(sections: sections, onlyInconsistent: onlyInconsistent), to: sink)
                case .ndjson:
                    try ReportWriter.writeNDJSON(file, ReportWriter.Selection(sections: sections, onlyInconsistent: onlyInconsistent), to: sink)
                case .csv:
                    try ReportWriter.writeCSV(file, section: sections[0], onlyInconsistent: onlyInconsistent,
                                              tableOptions: TableWriter.Options(maxCells: maxOutputCells), to: sink)
                }
            }
        }
        Console.readNotes(of: file.workbook)
    }

    /// The sections asked for; for CSV without --section, the report's main section.
    private static func chosenSections(_ report: ComparisonReport, names: [String], format: FormatChoice) throws -> [ReportSection] {
        let available = report.sections.map(\.kind.rawValue)
        if !names.isEmpty {
            let kinds = Set(names.compactMap(SectionKind.init(name:)))
            let chosen = report.sections.filter { kinds.contains($0.kind) }
            guard !chosen.isEmpty else {
                Console.error("the report has no \(names.joined(separator: " or ")) section; it has: "
                    + (available.isEmpty ? "no sheets with cells" : available.joined(separator: ", ")))
                throw ExitCode(Exit.usage)
            }
            if format == .csv && chosen.count > 1 {
                Console.note("the report has \(chosen.count) \(chosen[0].kind.rawValue) sections; writing the first, \(chosen[0].label)")
            }
            return format == .csv ? [chosen[0]] : chosen
        }
        guard format == .csv else { return report.sections }
        guard let main = Report.mainSection(of: report) else {
            Console.error("the workbook has no sheet with cells: nothing to write")
            throw ExitCode(Exit.usage)
        }
        let others = report.sections.filter { $0 != main }
        if !others.isEmpty {
            Console.note("CSV holds one section: writing \(main.label); choose another with --section ("
                + others.map(\.kind.rawValue).joined(separator: ", ") + ")")
        }
        return [main]
    }

    /// The section a reader most likely wants: per-table results before details and overviews.
    static func mainSection(of report: ComparisonReport) -> ReportSection? {
        let preference: [SectionKind] = [.tableRowCounts, .tableValues, .sampling, .objectDifferences, .repairStatements,
                                         .valueDifferences, .cannotCompare, .databaseSummary, .objectSummary, .repairProgress, .unknown]
        for kind in preference {
            if let section = report.sections.first(where: { $0.kind == kind }) { return section }
        }
        return nil
    }
}
