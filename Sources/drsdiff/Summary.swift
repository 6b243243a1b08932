import ArgumentParser
import DRSOutput
import DRSReport
import XLSXReader

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise DRS comparison reports: verdict, counts, largest differences, tables not compared.",
        discussion: """
            Markdown (the default) is meant to be pasted into a ticket; text reads well in a terminal; \
            JSON (drsdiff.summary/v1) is for programs. One pass over the records, in flat memory. \
            Several files (or - with a list of paths on standard input): an overview of every file \
            first, then each file's summary; JSON is then an array. A file that cannot be read is \
            reported on stderr and left out, and the exit status is its error's. See docs/report.md.
            """)

    @Argument(help: "The reports (.xlsx); - for standard input: a report, or a list of paths, one per line.")
    var files: [String]

    @OptionGroup var options: ReportOptions

    @Option(help: "Output format: md, json or text.")
    var format: FormatChoice = .md

    @Option(help: ArgumentHelp("List this many tables with the largest row differences.", valueName: "n"))
    var top: Int = 10

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of stdout.", valueName: "path"))
    var output: String?

    enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
        case md, json, text
        var format: SummaryWriter.Format { SummaryWriter.Format(rawValue: rawValue)! }
    }

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 or more") }
        if files.isEmpty { throw ValidationError("give at least one report") }
    }

    func run() throws {
        let vocabulary = try options.vocabulary()
        let input = try InputFiles.expand(files)
        guard input.paths.count > 1 || input.fromList else {
            try reportingFailures {
                let file = try options.open(input.paths[0], vocabulary: vocabulary, standardInput: input.standardInput)
                noteUnrecognised(file.report.sections)
                let summary = try file.summary(top: top)
                try writeOutput(to: output) { sink in try SummaryWriter.write(summary, as: format.format, to: sink) }
            }
            return
        }
        var entries: [SummaryWriter.Entry] = []
        var failure: Int32?
        for path in input.paths {
            do {
                let file = try options.open(path, vocabulary: vocabulary, standardInput: input.standardInput)
                noteUnrecognised(file.report.sections, file: file.report.file)
                entries.append(.summary(try file.summary(top: top)))
            } catch let error as XLSXError {
                Console.error(error.description)
                entries.append(.failure(file: path, message: error.description))
                failure = failure ?? error.kind.exitCode
            }
        }
        try reportingFailures {
            try writeOutput(to: output) { sink in try SummaryWriter.write(several: entries, as: format.format, to: sink) }
        }
        if let failure { throw ExitCode(failure) }
    }
}
