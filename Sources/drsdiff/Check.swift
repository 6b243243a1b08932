import ArgumentParser
import DRSOutput
import DRSReport

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exit 0 if a DRS comparison report is all consistent, 1 if it shows inconsistencies, 2 if comparisons are incomplete or failed.",
        discussion: """
            For pipeline gates. One line per problem on stderr (per table, object or database; value \
            differences and failed repairs counted per table), then the verdict. Incomplete wins over \
            inconsistent: a comparison that did not finish cannot vouch for anything. A workbook with \
            no comparison results is incomplete. Unreadable input exits 3 or 10–17 (see README). \
            See docs/report.md.
            """)

    @OptionGroup var input: ReportInput

    @Flag(name: .shortAndLong, help: "Print only the verdict line: not each problem, nor a progress line.")
    var quiet = false

    func run() throws {
        try reportingFailures {
            let file = try input.open()
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
                    Console.write("inconsistent: table \(Check.name(table.database, table.table)): \(Check.count(table.count, "differing row")) (value_differences)\n")
                }
                for line in repairs.lines { Console.write(line + "\n") }
            }
            Console.write("drsdiff: check: \(summary.verdict.rawValue): " + summary.reasons.joined(separator: "; ") + "\n")
            switch summary.verdict {
            case .consistent: return
            case .inconsistent: throw ExitCode(Exit.inconsistent)
            case .incomplete: throw ExitCode(Exit.incomplete)
            }
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
                if count.failed > 0 { lines.append("inconsistent: table \(table): \(Check.count(count.failed, "repair statement")) failed (repair_statements)") }
                if count.unfinished > 0 { lines.append("incomplete: table \(table): \(Check.count(count.unfinished, "repair statement")) not executed (repair_statements)") }
                return lines
            }
        }
    }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    static func name(_ database: String?, _ table: String?) -> String {
        [database, table].compactMap { $0 }.joined(separator: ".")
    }
}
