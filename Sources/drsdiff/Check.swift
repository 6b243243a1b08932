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

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exit 0 if DRS comparison reports are all consistent, 1 if they show inconsistencies, 2 if comparisons are incomplete or failed.",
        discussion: """
            For pipeline gates. One line per problem on stderr (per table, object or database; value \
            differences and failed repairs counted per table), then the verdict. Incomplete wins over \
            inconsistent: a comparison that did not finish cannot vouch for anything. A workbook with \
            no comparison results is incomplete. Unreadable input exits 3 or 10–18 (see README). \
            Several files (or - with a list of paths on standard input): one verdict line per file \
            and a total; the exit status is the worst verdict, unless a file cannot be read: then it \
            is that file's error code (the first such file's). See docs/report.md.
            """)

    @Argument(help: "The reports (.xlsx); - for standard input: a report, or a list of paths, one per line.")
    var files: [String]

    @OptionGroup var options: ReportOptions

    @Flag(name: .shortAndLong, help: "Print only the verdict line: not each problem, nor a progress line.")
    var quiet = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one report") }
    }

    func run() throws {
        let vocabulary = try options.vocabulary()
        let input = try InputFiles.expand(files, expandingDirectories: true)
        guard input.paths.count > 1 || input.fromList else {
            try checkOne(input.paths[0], vocabulary: vocabulary, standardInput: input.standardInput)
            return
        }
        try checkSeveral(input, vocabulary: vocabulary)
    }

    /// One line per file, then the total. Exit: the first unreadable file's error code, else the worst verdict.
    private func checkSeveral(_ input: InputFiles, vocabulary: Vocabulary) throws {
        var verdicts: [StatusCategory: Int] = [:]
        var unreadable = 0
        var failure: Int32?
        for path in input.paths {
            do {
                let file = try options.open(path, vocabulary: vocabulary, standardInput: input.standardInput)
                noteUnrecognised(file.report.sections, file: file.report.file)
                let summary = try ReadProgress.showing(on: file.workbook, quiet: quiet) { try file.summary(top: 0) }
                verdicts[summary.verdict, default: 0] += 1
                Console.readNotes(of: file.workbook, file: file.report.file)
                Console.write("drsdiff: check: \(file.report.file): \(SummaryWriter.headline(summary))\n")
            } catch let error as XLSXError {
                unreadable += 1
                failure = failure ?? error.kind.exitCode
                Console.write("drsdiff: check: \(path): unreadable (exit \(error.kind.exitCode)): \(error.description)\n")
            }
        }
        let worst = verdicts.keys.max()
        let exit = failure ?? worst.map(Check.exitCode) ?? Exit.incomplete
        Console.write("drsdiff: check: \(input.paths.count) files: " + StatusCategory.allCases.map { "\(verdicts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
            + ", \(unreadable) unreadable: exit \(exit)\n")
        if exit != Exit.success { throw ExitCode(exit) }
    }

    static func exitCode(_ verdict: StatusCategory) -> Int32 {
        switch verdict {
        case .consistent: return Exit.success
        case .inconsistent: return Exit.inconsistent
        case .incomplete: return Exit.incomplete
        }
    }

    private func checkOne(_ path: String, vocabulary: Vocabulary, standardInput: StandardInput?) throws {
        try reportingFailures {
            let file = try options.open(path, vocabulary: vocabulary, standardInput: standardInput)
            noteUnrecognised(file.report.sections)
            var repairs = RepairTally()
            // Value differences are counted per table from the summary, not printed one by one.
            let kinds = Set(SectionKind.allCases).subtracting([.valueDifferences])
            let summary = try ReadProgress.showing(on: file.workbook, quiet: quiet) {
                try file.summary(top: 0, problemsIn: kinds, onProblem: { _, record in
                    if case .repairStatement(let statement) = record {
                        repairs.add(statement, category: record.category)
                    } else if !quiet, let problem = record.problemDescription {
                        Console.write(problem + "\n")
                    }
                })
            }
            if !quiet {
                for table in summary.valueDifferences?.tables ?? [] {
                    Console.write("inconsistent: table \(Check.name(table.database, table.table)): \(Check.count(table.count, "differing row"))\n")
                }
                for line in repairs.lines { Console.write(line + "\n") }
            }
            Console.readNotes(of: file.workbook)
            Console.write("drsdiff: check: \(SummaryWriter.headline(summary))\n")
            if summary.verdict != .consistent { throw ExitCode(Check.exitCode(summary.verdict)) }
        }
    }

    /// Repair statements that failed or did not run, counted per table: one line per table, not per statement.
    private struct RepairTally {
        private var order: [String] = []
        private var counts: [String: (failed: Int, unfinished: Int)] = [:]

        mutating func add(_ statement: RepairStatement, category: StatusCategory?) {
            guard category == .inconsistent || category == .incomplete else { return }
            let table = Check.name(statement.sourceDatabase ?? statement.targetDatabase, statement.sourceTable ?? statement.targetTable)
            if counts[table] == nil { order.append(table) }
            var count = counts[table] ?? (0, 0)
            if category == .inconsistent { count.failed += 1 } else { count.unfinished += 1 }
            counts[table] = count
        }

        var lines: [String] {
            order.flatMap { table -> [String] in
                let count = counts[table]!
                var lines: [String] = []
                if count.failed > 0 { lines.append("inconsistent: table \(table): \(Check.count(count.failed, "repair statement")) failed") }
                if count.unfinished > 0 { lines.append("incomplete: table \(table): \(Check.count(count.unfinished, "repair statement")) not executed") }
                return lines
            }
        }
    }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    static func name(_ database: String?, _ table: String?) -> String {
        [database, table].compactMap { $0 }.joined(separator: ".")
    }
}
