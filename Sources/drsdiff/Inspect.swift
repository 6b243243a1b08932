import ArgumentParser
import DRSOutput
import DRSReport

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how each sheet was recognised: kind, confidence, header row, each column's concept, metadata.",
        discussion: """
            For a layout drsdiff reads wrongly or not at all, paste this output into an issue, or \
            use it to write a vocabulary file (docs/report.md). Works on any .xlsx.
            """)

    @OptionGroup var input: ReportInput

    @Option(help: "Output format: text or json.")
    var format: FormatChoice = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of stdout.", valueName: "path"))
    var output: String?

    enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
        case text, json
        var format: InspectWriter.Format { InspectWriter.Format(rawValue: rawValue)! }
    }

    func run() throws {
        try reportingFailures {
            let file = try input.open()
            try writeOutput(to: output) { sink in
                try InspectWriter.write(file.report, vocabulary: file.vocabulary, as: format.format, to: sink)
            }
        }
    }
}
