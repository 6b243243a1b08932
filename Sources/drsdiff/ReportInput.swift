import ArgumentParser
import DRSOutput
import DRSReport
import XLSXReader

/// How a report is read: extra vocabulary and the reader's limits. The report commands take
/// these with a compare-type hint (``ReportOptions``); `fetch` with the compare type it downloads.
struct ReportReadingOptions: ParsableArguments {
    @Option(name: .customLong("vocabulary"),
            help: ArgumentHelp("A JSON file of extra header, metadata and value words (docs/report.md); may be repeated.", valueName: "file"))
    var vocabularyFiles: [String] = []

    @OptionGroup(title: "Reader limits")
    var limits: ReaderLimitOptions

    @OptionGroup var strictness: LenientOption

    /// The built-in vocabulary extended by the vocabulary files; a file that cannot be used is a usage error.
    func vocabulary() throws -> Vocabulary {
        var vocabulary = Vocabulary.standard
        for path in vocabularyFiles {
            do {
                try vocabulary.load(contentsOfFile: path)
            } catch let error as VocabularyError {
                Console.error(error.description)
                throw ExitCode(Exit.usage)
            }
        }
        return vocabulary
    }

    /// Opens and recognises one report (`-`: the workbook on standard input).
    func open(
        _ path: String, vocabulary: Vocabulary, compareType: CompareType?, standardInput: StandardInput? = nil
    ) throws -> ReportWorkbook {
        let workbook = try openWorkbook(path, limits: strictness.applied(to: limits.limits), standardInput: standardInput)
        return try ReportWorkbook(workbook: workbook, name: path == "-" ? "<stdin>" : nil, vocabulary: vocabulary, compareType: compareType)
    }
}

/// How every report command reads reports: extra vocabulary, the compare-type hint and the
/// reader's limits.
struct ReportOptions: ParsableArguments {
    @OptionGroup var reading: ReportReadingOptions

    @Option(help: ArgumentHelp("The compare type, when known (objects_comparison, lines, contents, random, repair_data): a hint for sheets that read either way.",
                               valueName: "type"))
    var compareType: CompareType?

    var limits: ReaderLimitOptions { reading.limits }

    /// The built-in vocabulary extended by the vocabulary files; a file that cannot be used is a usage error.
    func vocabulary() throws -> Vocabulary {
        try reading.vocabulary()
    }

    /// Opens and recognises one report (`-`: the workbook on standard input).
    func open(_ path: String, vocabulary: Vocabulary, standardInput: StandardInput? = nil) throws -> ReportWorkbook {
        try reading.open(path, vocabulary: vocabulary, compareType: compareType, standardInput: standardInput)
    }
}

/// The input of the commands that read one report: the workbook and the report options.
struct ReportInput: ParsableArguments {
    @Argument(help: "The report (.xlsx), or - for standard input.")
    var file: String

    @OptionGroup var options: ReportOptions

    /// Opens and recognises the report. A vocabulary file that cannot be used is a usage error.
    func open() throws -> ReportWorkbook {
        try options.open(file, vocabulary: try options.vocabulary())
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
    /// the file is discarded and the destination left as it was. Returns what `body` returns.
    @discardableResult
    func write<Result>(_ body: (ByteSink) throws -> Result) throws -> Result {
        guard let file else {
            let sink = ByteSink.standardOutput()
            let result = try body(sink)
            try sink.flush()
            return result
        }
        do {
            let result = try body(file.sink)
            try file.commit()
            return result
        } catch {
            file.discard()
            throw error
        }
    }
}

/// A note on stderr for every sheet written as a generic table.
func noteUnrecognised(_ sections: [ReportSection], file: String? = nil) {
    for section in sections where section.kind == .unknown {
        Console.note((file.map { $0 + ": " } ?? "") + "sheet \"\(section.sheets[0].name)\" was not recognised as part of a DRS comparison report: "
            + "written as a generic table (`drsdiff inspect` shows what was found)")
    }
    // Recognised sections lacking a key concept (a table name, a result, a reason): what not to trust.
    for doubt in ComparisonReport.doubts(ofSections: sections) { Console.warning((file.map { $0 + ": " } ?? "") + doubt) }
}
