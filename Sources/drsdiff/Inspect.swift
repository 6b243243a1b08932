import ArgumentParser
import DRSOutput
import DRSReport

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how each sheet was recognised: kind, confidence, header row, each column's concept, metadata.",
        discussion: """
            For a layout drsdiff reads wrongly or not at all, paste this output into an issue, or \
            write a vocabulary file (docs/report.md): --suggest-vocabulary writes one for you to \
            confirm and pass back with --vocabulary. Works on any .xlsx.
            """)

    @OptionGroup var input: ReportInput

    @Option(help: "Output format: text (default) or json.")
    var format: FormatChoice?

    @Flag(help: ArgumentHelp("""
        Write a drsdiff.vocabulary/v1 file instead: every header read from the values or not read, every \
        word learned or not known, under its best candidate, with notes. Confirm or correct it, then pass \
        it with --vocabulary.
        """))
    var suggestVocabulary = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of stdout.", valueName: "path"))
    var output: String?

    enum FormatChoice: String, FormatArgument {
        case text, json
        var format: InspectWriter.Format { InspectWriter.Format(rawValue: rawValue)! }
    }

    func validate() throws {
        if suggestVocabulary, format != nil {
            throw ValidationError("--suggest-vocabulary writes a vocabulary file (JSON): --format does not apply to it")
        }
    }

    func run() throws {
        try reportingFailures {
            let target = try OutputTarget(path: output)
            let file = try input.open()
            if suggestVocabulary {
                let entries = try target.write { sink in try InspectWriter.writeVocabularySuggestion(file.report, to: sink) }
                Console.note("suggested \(entries.columns) header(s) and \(entries.words) word(s); read the notes, correct what is wrong, "
                    + "then pass the file with --vocabulary")
            } else {
                try target.write { sink in
                    try InspectWriter.write(file.report, vocabulary: file.vocabulary, as: (format ?? .text).format, to: sink)
                }
            }
            Console.readNotes(of: file.workbook)
        }
    }
}
