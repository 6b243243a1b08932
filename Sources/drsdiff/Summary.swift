import ArgumentParser
import DRSOutput
import DRSReport

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise a DRS comparison report: verdict, counts, largest differences, tables not compared.",
        discussion: """
            Markdown (the default) is meant to be pasted into a ticket; text reads well in a terminal; \
            JSON (drsdiff.summary/v1) is for programs. One pass over the records, in flat memory. \
            See docs/report.md.
            """)

    @OptionGroup var input: ReportInput

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
    }

    func run() throws {
        try reportingFailures {
            let file = try input.open()
            noteUnrecognised(file.report.sections)
            let summary = try file.summary(top: top)
            try writeOutput(to: output) { sink in try SummaryWriter.write(summary, as: format.format, to: sink) }
        }
    }
}
