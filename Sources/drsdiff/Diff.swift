import ArgumentParser
import DRSOutput
import DRSReport
import Foundation
import XLSXReader

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What changed between two DRS comparison reports of one compare type; exit 0 if nothing got worse, 1 on regressions, 2 if either report is incomplete.",
        discussion: """
            Entries (databases, tables, object types, objects, differing rows, repair statements) are \
            paired by key and classified: newly inconsistent, resolved, still inconsistent, newly \
            not comparable, compared again, still not comparable, added, removed, unchanged (counted, \
            listed with --unchanged). Markdown (the default) gives the verdict, counts per change \
            and the worst regressions first; JSON and NDJSON (drsdiff.diff/v1) and CSV list every \
            change with both records; HTML is one self-contained page (no network fetches) with the \
            verdict, the worst regressions first and each change's entries in tables that sort and \
            filter. Several pairs: OLD NEW OLD NEW…, two directories (reports paired by file name), \
            or - with a list of paths on standard input (old, new, old, new…); HTML takes one \
            pair. See docs/report.md.
            """)

    @Argument(help: "OLD NEW: two reports (.xlsx), several pairs, two directories, or - for a list of paths on standard input.")
    var files: [String]

    @OptionGroup var options: ReportOptions

    @Option(help: "Output format: md, json, ndjson, csv or html.")
    var format: FormatChoice = .md

    @Option(help: ArgumentHelp("Markdown: list this many regressions, and this many changes of each other kind; HTML: this many worst regressions first.",
                               valueName: "n"))
    var top: Int = 10

    @Option(help: ArgumentHelp("HTML: list at most this many entries of each change, in the reports' order (default: 500).", valueName: "n"))
    var rowsPerChange: Int?

    @Flag(help: "Also list entries consistent in both reports (they are always counted).")
    var unchanged = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of stdout.", valueName: "path"))
    var output: String?

    @Flag(name: .shortAndLong, help: "Show no progress line on stderr (it is shown only when stderr is a terminal).")
    var quiet = false

    enum FormatChoice: String, FormatArgument {
        case md, json, ndjson, csv, html
        /// The writer's format; nil for HTML, a page of its own.
        var format: DiffWriter.Format? { DiffWriter.Format(rawValue: rawValue) }
    }

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 or more") }
        if files.isEmpty { throw ValidationError("give two reports: OLD NEW") }
        if let rowsPerChange {
            if format != .html { throw ValidationError("--rows-per-change applies to --format html only") }
            if rowsPerChange < 0 { throw ValidationError("--rows-per-change must be 0 or more") }
        }
    }

    func run() throws {
        let vocabulary = try options.vocabulary()
        let input = try InputFiles.expand(files)
        let paired: (pairs: [(String, String)], several: Bool, unpaired: [(old: String?, new: String?)])
        do {
            paired = try Diff.pairs(input)
        } catch let error as ValidationError {
            throw Diff.usageError(error.message)
        }
        let (pairs, several, unpaired) = paired
        if format == .html && (several || !unpaired.isEmpty) {
            throw Diff.usageError("--format html takes one pair of reports (OLD NEW); run it once per pair")
        }
        var failure: Int32?
        var worst: DiffVerdict?
        try reportingFailures {
            try OutputTarget(path: output).write { sink in
                let writer = format.format.map { DiffWriter(format: $0, top: top, several: several, to: sink) }
                let page = HTMLDiffReport.Options(top: top, rowsPerChange: rowsPerChange ?? HTMLDiffReport.Options().rowsPerChange)
                for (old, new) in pairs {
                    do {
                        let diff = try ReportDiff(old: options.open(old, vocabulary: vocabulary, standardInput: input.standardInput),
                                                  new: options.open(new, vocabulary: vocabulary, standardInput: input.standardInput),
                                                  options: ReportDiff.Options(includeUnchanged: unchanged))
                        for (file, report) in [(old, diff.old.report), (new, diff.new.report)] {
                            noteUnrecognised(report.sections, file: file)
                        }
                        if let warning = ReportTimes.swapWarning(old: diff.old.report, new: diff.new.report) { Console.warning(warning) }
                        let outcome = try ReadProgress.showing(on: diff.old.workbook, quiet: quiet) {
                            try ReadProgress.showing(on: diff.new.workbook, quiet: quiet) {
                                if let writer { return try writer.write(diff) }
                                return try HTMLDiffReport.write(diff, options: page, to: sink)
                            }
                        }
                        worst = max(worst ?? outcome.verdict, outcome.verdict)
                        Console.readNotes(of: diff.old.workbook, file: diff.old.report.file)
                        Console.readNotes(of: diff.new.workbook, file: diff.new.report.file)
                    } catch let error as XLSXError where several {
                        Console.error(error.description)
                        writer?.failed(old: old, new: new, message: error.description)
                        failure = failure ?? error.kind.exitCode
                    } catch let error as DiffError {
                        Console.error(error.description)
                        // Not a usage error: the diff's temporary file could not be written or read.
                        guard error.isUsageError else { throw ExitCode(Exit.outputFailed) }
                        guard several else { throw ExitCode(Exit.usage) }
                        writer?.failed(old: old, new: new, message: error.description)
                        failure = failure ?? Exit.usage
                    }
                }
                for name in unpaired { writer?.unpaired(old: name.old, new: name.new) }
                writer?.finish()
            }
        }
        for name in unpaired {
            Console.note("\(name.old ?? name.new!): only in \(name.old == nil ? "the new" : "the old") directory: not diffed")
        }
        if let failure { throw ExitCode(failure) }
        if !unpaired.isEmpty { worst = .incomplete }
        switch worst ?? .noRegressions {
        case .noRegressions: return
        case .regressions: throw ExitCode(Exit.inconsistent)
        case .incomplete: throw ExitCode(Exit.incomplete)
        }
    }

    /// A usage error found once the paths are known (a list on standard input, directories):
    /// thrown from `run`, ArgumentParser would print the top-level usage, so diff prints its own.
    static func usageError(_ message: String) -> ExitCode {
        Console.write("Error: \(message)\nUsage: \(DRSDiff.usageString(for: Diff.self))\n  See 'drsdiff diff --help' for more information.\n")
        return ExitCode(Exit.usage)
    }

    /// The pairs to diff: two directories pair their .xlsx files by name; otherwise the paths pair
    /// up in order (old, new, old, new…). Also whether the output takes its several-pairs form,
    /// and the names found in one directory only.
    static func pairs(_ input: InputFiles) throws -> (pairs: [(String, String)], several: Bool, unpaired: [(old: String?, new: String?)]) {
        let paths = input.paths
        if paths.count == 2, paths.allSatisfy(InputFiles.isDirectory) {
            let (old, new) = (Set(try InputFiles.reports(in: paths[0])), Set(try InputFiles.reports(in: paths[1])))
            let join = InputFiles.join
            let pairs = old.intersection(new).sorted().map { (join(paths[0], $0), join(paths[1], $0)) }
            let unpaired = old.subtracting(new).sorted().map { (old: Optional(join(paths[0], $0)), new: String?.none) }
                + new.subtracting(old).sorted().map { (old: String?.none, new: Optional(join(paths[1], $0))) }
            if pairs.isEmpty && unpaired.isEmpty { throw ValidationError("no .xlsx reports in \(paths[0]) or \(paths[1])") }
            return (pairs, true, unpaired)
        }
        guard paths.count >= 2, paths.count % 2 == 0 else {
            throw ValidationError("give reports in pairs, OLD NEW (got \(paths.count) \(paths.count == 1 ? "path" : "paths")), or two directories")
        }
        let pairs = stride(from: 0, to: paths.count, by: 2).map { (paths[$0], paths[$0 + 1]) }
        return (pairs, pairs.count > 1 || input.fromList, [])
    }
}
