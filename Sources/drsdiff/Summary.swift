import ArgumentParser
import DRSOutput
import DRSReport
import XLSXReader
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise DRS comparison reports: verdict, counts, largest differences, tables not compared.",
        discussion: """
            Markdown (the default) is meant to be pasted into a ticket; text reads well in a terminal; \
            JSON (drsdiff.summary/v1, schema/drsdiff.summary.v1.json) is for programs; HTML is one \
            self-contained page (no network fetches) with the verdict, per-database bars, the largest \
            differences and each section's records in tables that sort and filter. One pass over the \
            records, in flat memory. Several files (or - with a list of paths on standard input): an \
            overview of every file first, then each file's summary; JSON is then an array; HTML takes \
            one report. A file that cannot be read is reported on stderr and left out, and the exit \
            status is its error's. See docs/report.md.
            """)

    @Argument(help: "The reports (.xlsx); - for standard input: a report, or a list of paths, one per line.")
    var files: [String]

    @OptionGroup var options: ReportOptions

    @Option(help: "Output format: md, json, text or html.")
    var format: FormatChoice = .md

    @Option(help: ArgumentHelp("List this many tables with the largest row differences.", valueName: "n"))
    var top: Int = 10

    @Option(help: ArgumentHelp("HTML: show at most this many records of each section, inconsistent and incomplete ones first (default: 500).",
                               valueName: "n"))
    var rowsPerSection: Int?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of stdout.", valueName: "path"))
    var output: String?

    @Flag(name: .shortAndLong, help: "Show no progress line on stderr (it is shown only when stderr is a terminal).")
    var quiet = false

    enum FormatChoice: String, FormatArgument {
        case md, json, text, html
    }

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 or more") }
        if files.isEmpty { throw ValidationError("give at least one report") }
        if let rowsPerSection {
            if format != .html { throw ValidationError("--rows-per-section applies to --format html only") }
            if rowsPerSection < 0 { throw ValidationError("--rows-per-section must be 0 or more") }
        }
    }

    func run() throws {
        // The output is opened before any report is read: an unwritable destination fails at once.
        let target = try reportingFailures { try OutputTarget(path: output) }
        let vocabulary = try options.vocabulary()
        let input = try InputFiles.expand(files, expandingDirectories: true)
        guard input.paths.count > 1 || input.fromList else {
            try reportingFailures {
                let file = try options.open(input.paths[0], vocabulary: vocabulary, standardInput: input.standardInput)
                try Self.write(file, as: format, top: top, rowsPerSection: rowsPerSection, quiet: quiet, to: target)
            }
            return
        }
        guard format != .html else { throw ValidationError("--format html takes one report; give one file") }
        var entries: [SummaryWriter.Entry] = []
        var failure: Int32?
        for path in input.paths {
            do {
                let file = try options.open(path, vocabulary: vocabulary, standardInput: input.standardInput)
                noteUnrecognised(file.report.sections, file: file.report.file)
                entries.append(.summary(try ReadProgress.showing(on: file.workbook, quiet: quiet) { try file.summary(top: top) }))
                Console.readNotes(of: file.workbook, file: file.report.file)
            } catch let error as XLSXError {
                Console.error(error.description)
                entries.append(.failure(file: path, message: error.description))
                failure = failure ?? error.kind.exitCode
            }
        }
        try reportingFailures {
            let chosen = SummaryWriter.Format(rawValue: format.rawValue)!
            try target.write { sink in try SummaryWriter.write(several: entries, as: chosen, to: sink) }
        }
        if let failure { throw ExitCode(failure) }
    }

    /// What `summary` writes for one opened report (`fetch` writes its Markdown this way too).
    static func write(
        _ file: ReportWorkbook, as format: FormatChoice, top: Int, rowsPerSection: Int? = nil, quiet: Bool,
        to target: OutputTarget
    ) throws {
        noteUnrecognised(file.report.sections)
        try ReadProgress.showing(on: file.workbook, quiet: quiet) {
            switch format {
            case .html:
                let options = HTMLReport.Options(top: top, rowsPerSection: rowsPerSection ?? HTMLReport.Options().rowsPerSection)
                try target.write { sink in try HTMLReport.write(file, options: options, to: sink) }
            case .md, .json, .text:
                let summary = try file.summary(top: top)
                let chosen = SummaryWriter.Format(rawValue: format.rawValue)!
                try target.write { sink in try SummaryWriter.write(summary, as: chosen, to: sink) }
            }
            Console.readNotes(of: file.workbook)
        }
    }
}
