import DRSReport
import Foundation
import Testing

/// docs/library.md's examples, run here as written there (with the samples' paths made absolute
/// and `print` captured), each checked against the lines its `// Prints:` comment shows.
/// scripts/check-library-docs.sh builds and runs the page's own text in a package of its own;
/// this keeps the page's promises inside `swift test`.
struct LibraryUsageTests {
    /// What one example printed, a line per `print`, its items joined as `print` joins them.
    final class Printed {
        var lines: [String] = []
    }

    /// A path of the page's examples (relative to the repository's root), for a test run from anywhere.
    static func sample(_ relative: String) -> String { Repository.path(relative) }

    @Test func theExamplesArePagesPrograms() throws {
        let programs = try DocumentedProgram.all()
        #expect(programs.count == 7, "docs/library.md has \(programs.count) programs; LibraryUsageTests runs 6 and builds the DRSClient one")
        #expect(programs.filter { $0.prints != nil }.count == 6)
        for program in programs where program.prints != nil {
            #expect(program.prints?.isEmpty == false, "an empty `// Prints:` in \(program.code.prefix(80))")
        }
    }

    @Test func openListSummarise() throws {
        let out = Printed()
        func print(_ items: Any...) { out.lines.append(items.map { "\($0)" }.joined(separator: " ")) }

        let file = try ReportWorkbook(path: Self.sample("samples/reports/lines_en-us.xlsx"))   // recognises the report's layout
        print(file.report.compareType?.description ?? "unknown", file.report.metadataValue(named: "task_id") ?? "")

        var inconsistent: [TableRowCountResult] = []
        for section in file.report.sections where section.kind == .tableRowCounts {
            let records = file.records(in: section)                 // streams: one row in memory at a time
            while let record = try records.next() {
                if case .tableRowCount(let table) = record, record.category == .inconsistent { inconsistent.append(table) }
            }
        }
        print(inconsistent.count, "inconsistent tables, the first:")
        for table in inconsistent.prefix(2) {
            print(table.sourceTable ?? "?", table.sourceRows ?? 0, table.targetRows ?? 0, table.rowDifference ?? 0, table.status?.text ?? "")
        }

        let summary = try file.summary(top: 3)                      // one pass, flat memory
        print(summary.verdict)                                      // StatusCategory prints as its name
        for reason in summary.reasons { print("-", reason) }
        for table in summary.topTables { print(table.table ?? "?", table.sourceRows ?? 0, table.targetRows ?? 0, table.difference) }

        #expect(out.lines == (try DocumentedProgram.all()[0].prints))
    }

    @Test func whatChanged() throws {
        let out = Printed()
        func print(_ items: Any...) { out.lines.append(items.map { "\($0)" }.joined(separator: " ")) }

        let diff = try ReportDiff(old: ReportWorkbook(path: Self.sample("samples/diff/lines_en-us.before.xlsx")),
                                  new: ReportWorkbook(path: Self.sample("samples/diff/lines_en-us.after.xlsx")))
        while let change = try diff.next(where: { $0.isRegression && $0.entity == .table }) {   // only these are made in full
            let rows = change.rowDifference                               // tables: (old: Int64?, new: Int64?)?
            print(change.kind, change.key.label, rows?.old.map(String.init) ?? "none", "->", rows?.new.map(String.init) ?? "none")
        }
        let outcome = try diff.finish()                                   // every change counted, wanted or not
        print(outcome.verdict, outcome.regressions, "regressions,", outcome.count(of: .resolved), "resolved")
        print(outcome.reasons[0])

        #expect(out.lines == (try DocumentedProgram.all()[1].prints))
    }

    @Test func errors() throws {
        let out = Printed()
        func print(_ items: Any...) { out.lines.append(items.map { "\($0)" }.joined(separator: " ")) }
        // The page's relative paths, as the CLI and the page's program name them in messages.
        let missing = "samples/reports/missing.xlsx", lines = "samples/reports/lines_en-us.xlsx", contents = "samples/reports/contents_en-us.xlsx"

        do {
            _ = try ReportWorkbook(path: missing)
        } catch let error as XLSXError {
            print(error.kind, "|", error.localizedDescription)
        }

        do {
            _ = try ReportDiff(old: ReportWorkbook(path: Self.sample(lines)),
                               new: ReportWorkbook(path: Self.sample(contents)))
        } catch let error as DiffError {
            print(error.isUsageError, "|", error.localizedDescription)
        }

        do {
            var vocabulary = Vocabulary.standard
            try vocabulary.load(json: Array(#"{"schema": "drsdiff.vocabulary/v2"}"#.utf8), source: "extra.json")
        } catch let error as VocabularyError {
            print(error.localizedDescription)
        }

        #expect(out.lines == (try DocumentedProgram.all()[2].prints))
    }

    @Test func teachAVocabulary() throws {
        let out = Printed()
        func print(_ items: Any...) { out.lines.append(items.map { "\($0)" }.joined(separator: " ")) }

        var vocabulary = Vocabulary.standard                        // the built-in words
        try vocabulary.load(contentsOfFile: Self.sample("docs/vocabulary.example.json"))   // format: docs/report.md#vocabulary-files
        let file = try ReportWorkbook(path: Self.sample("samples/reports/lines_zh-cn.xlsx"), vocabulary: vocabulary)
        print(file.report.language?.description ?? "unknown", file.vocabulary.files.count, "vocabulary file")
        for section in file.report.sections { print(section.kind, section.sheets.map(\.name)) }

        #expect(out.lines == (try DocumentedProgram.all()[3].prints))
    }

    @Test func readAnyWorkbook() throws {
        let out = Printed()
        func print(_ items: Any...) { out.lines.append(items.map { "\($0)" }.joined(separator: " ")) }

        let workbook = try Workbook(path: Self.sample("samples/xlsx/openpyxl_normal.xlsx"), limits: ReaderLimits())
        for sheet in workbook.sheets { print(sheet.index, sheet.name, sheet.kind) }
        let rows = try workbook.rows(in: workbook.sheets[0])         // streams: one row at a time
        while let row = try rows.next(), row.index < 3 {
            print(row.index, row.texts)
        }

        #expect(out.lines == (try DocumentedProgram.all()[4].prints))
    }

    @Test func modelTypesRoundTrip() throws {
        let out = Printed()
        func print(_ items: Any...) { out.lines.append(items.map { "\($0)" }.joined(separator: " ")) }

        let summary = try ReportWorkbook(path: Self.sample("samples/reports/contents_en-us.xlsx")).summary(top: 1)
        let json = try JSONEncoder().encode(summary)
        print(try JSONDecoder().decode(ReportSummary.self, from: json) == summary)

        #expect(out.lines == (try DocumentedProgram.all()[5].prints))
    }
}

/// One program of docs/library.md: a ```swift block that starts with an `import`, and the lines
/// its trailing `// Prints:` comment shows (nil when it shows none).
struct DocumentedProgram {
    var code: String
    var prints: [String]?

    static func all() throws -> [DocumentedProgram] {
        let page = try String(contentsOfFile: Repository.path("docs/library.md"), encoding: .utf8)
        var programs: [DocumentedProgram] = []
        var block: [String]?
        for line in page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if block == nil, line.trimmingCharacters(in: .whitespaces) == "```swift" {
                block = []
            } else if let lines = block, line.trimmingCharacters(in: .whitespaces) == "```" {
                if lines.first?.hasPrefix("import ") == true { programs.append(DocumentedProgram(lines)) }
                block = nil
            } else if block != nil {
                block?.append(line)
            }
        }
        return programs
    }

    private init(_ lines: [String]) {
        code = lines.joined(separator: "\n")
        guard let marker = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "// Prints:" }) else { return }
        prints = lines[(marker + 1)...].map { line in
            let text = line.hasPrefix("// ") ? line.dropFirst(3) : line.hasPrefix("//") ? line.dropFirst(2) : Substring(line)
            return String(text)
        }
    }
}
