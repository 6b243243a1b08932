import ArgumentParser
import DRSOutput
import DRSReport
import XLSXReader

/// The input every report command takes: the workbook, extra vocabulary, the compare-type hint
/// and the reader's limits.
struct ReportInput: ParsableArguments {
    @Argument(help: "The report (.xlsx), or - for standard input.")
    var file: String

    @Option(name: .customLong("vocabulary"),
            help: ArgumentHelp("A JSON file of extra header, metadata and value words (docs/report.md); may be repeated.", valueName: "file"))
    var vocabularyFiles: [String] = []

    @Option(help: ArgumentHelp("The compare type, when known (objects_comparison, lines, contents, random, repair_data): a hint for sheets that read either way.",
                               valueName: "type"))
    var compareType: CompareType?

    @OptionGroup(title: "Reader limits")
    var limits: ReaderLimitOptions

    /// Opens and recognises the report. A vocabulary file that cannot be used is a usage error.
    func open() throws -> ReportWorkbook {
        var vocabulary = Vocabulary.standard
        for path in vocabularyFiles {
            do {
                try vocabulary.load(contentsOfFile: path)
            } catch let error as VocabularyError {
                Console.error("vocabulary file " + error.description)
                throw ExitCode(Exit.usage)
            }
        }
        let workbook = try openWorkbook(file, limits: limits.limits)
        return try ReportWorkbook(workbook: workbook, name: file == "-" ? "<stdin>" : nil, vocabulary: vocabulary,
                                  compareType: compareType)
    }
}

/// Writes to `-o PATH` through a temporary file renamed into place on success (nothing
/// half-written is left behind), or to standard output.
@discardableResult
func writeOutput<Result>(to path: String?, _ body: (ByteSink) throws -> Result) throws -> Result {
    guard let path, path != "-" else {
        let sink = ByteSink.standardOutput()
        let result = try body(sink)
        try sink.flush()
        return result
    }
    let file = try OutputFile(path: path)
    do {
        let result = try body(file.sink)
        try file.commit()
        return result
    } catch {
        file.discard()
        throw error
    }
}

/// A note on stderr for every sheet written as a generic table.
func noteUnrecognised(_ sections: [ReportSection]) {
    for section in sections where section.kind == .unknown {
        Console.note("sheet \"\(section.sheets[0].name)\" was not recognised as part of a DRS comparison report: "
            + "written as a generic table (`drsdiff inspect` shows what was found)")
    }
}
