import ArgumentParser
import DRSOutput
import DRSReport
import XLSXReader

/// How a report is read: extra vocabulary and the reader's limits. The report commands take
/// these with a file (``ReportInput``); `fetch` with the file it downloads.
struct ReportReadingOptions: ParsableArguments {
    @Option(name: .customLong("vocabulary"),
            help: ArgumentHelp("A JSON file of extra header, metadata and value words (docs/report.md); may be repeated.", valueName: "file"))
    var vocabularyFiles: [String] = []

    @OptionGroup(title: "Reader limits")
    var limits: ReaderLimitOptions

    /// Opens and recognises the report at `path` (`-` for stdin). A vocabulary file that cannot
    /// be used is a usage error.
    func open(_ path: String, compareType: CompareType?) throws -> ReportWorkbook {
        var vocabulary = Vocabulary.standard
        for file in vocabularyFiles {
            do {
                try vocabulary.load(contentsOfFile: file)
            } catch let error as VocabularyError {
                Console.error("vocabulary file " + error.description)
                throw ExitCode(Exit.usage)
            }
        }
        let workbook = try openWorkbook(path, limits: limits.limits)
        return try ReportWorkbook(workbook: workbook, name: path == "-" ? "<stdin>" : nil, vocabulary: vocabulary,
                                  compareType: compareType)
    }
}

/// The input every report command takes: the workbook, how to read it, the compare-type hint.
struct ReportInput: ParsableArguments {
    @Argument(help: "The report (.xlsx), or - for standard input.")
    var file: String

    @Option(help: ArgumentHelp("The compare type, when known (objects_comparison, lines, contents, random, repair_data): a hint for sheets that read either way.",
                               valueName: "type"))
    var compareType: CompareType?

    @OptionGroup var reading: ReportReadingOptions

    /// Opens and recognises the report.
    func open() throws -> ReportWorkbook {
        try reading.open(file, compareType: compareType)
    }
}

/// Where a command's output goes: `-o PATH`, through a temporary file beside it that is renamed
/// into place on success (nothing half-written is left behind, not even by a signal), or standard
/// output. Opened before the input is read, so that an unwritable destination fails at once.
struct OutputTarget {
    private let file: OutputFile?

    init(path: String?) throws {
        guard let path, path != "-" else {
            file = nil
            return
        }
        file = try OutputFile(path: path, temporaryFiles: SignalCleanup.hooks)
    }

    /// Writes everything `body` writes, then commits the file (or flushes stdout); on an error
    /// the file is discarded and the destination left as it was.
    func write(_ body: (ByteSink) throws -> Void) throws {
        guard let file else {
            let sink = ByteSink.standardOutput()
            try body(sink)
            try sink.flush()
            return
        }
        do {
            try body(file.sink)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }
}

/// A note on stderr for every sheet written as a generic table.
func noteUnrecognised(_ sections: [ReportSection]) {
    for section in sections where section.kind == .unknown {
        Console.note("sheet \"\(section.sheets[0].name)\" was not recognised as part of a DRS comparison report: "
            + "written as a generic table (`drsdiff inspect` shows what was found)")
    }
}
