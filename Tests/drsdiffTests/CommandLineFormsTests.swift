import DRSFakeService
import Foundation
import TestPacing
import Testing

/// The command line as people type it: directories and `-` for `summary` and `check`, `--format`
/// in any case, and `diff`'s messages (OLD and NEW in the order given, its own usage, a warning
/// when OLD was made after NEW).
@Suite(.heavy) struct CommandLineFormsTests {
    /// A directory holding two reports (named so that their order is not the order given), a
    /// file that is not a report, a hidden .xlsx and a subdirectory.
    static func reportDirectory() throws -> String {
        let directory = try BinaryRunner.temporaryDirectory()
        let manager = FileManager.default
        try manager.copyItem(atPath: ReportCLI.sample("random_en-us"), toPath: directory + "/b_random.xlsx")
        try manager.copyItem(atPath: ReportCLI.sample("lines_en-us"), toPath: directory + "/a_lines.XLSX")
        try Data("notes".utf8).write(to: URL(fileURLWithPath: directory + "/README.txt"))
        try Data("PK".utf8).write(to: URL(fileURLWithPath: directory + "/._a_lines.xlsx"))
        try manager.createDirectory(atPath: directory + "/older.xlsx", withIntermediateDirectories: false)
        return directory
    }

    @Test func summaryAndCheckTakeADirectoryAsItsSortedReports() throws {
        let directory = try CommandLineFormsTests.reportDirectory()
        let files = [directory + "/a_lines.XLSX", directory + "/b_random.xlsx"]
        let fromDirectory = try ReportCLI.run(["summary", directory, "--format", "json"])
        let fromFiles = try ReportCLI.run(["summary"] + files + ["--format", "json"])
        #expect(fromDirectory.status == 0, "\(fromDirectory.stderr)")
        #expect(fromDirectory.output == fromFiles.output)
        let documents = try #require(try JSONSerialization.jsonObject(with: fromDirectory.stdout) as? [[String: Any]])
        #expect(documents.map { $0["file"] as? String } == ["a_lines.XLSX", "b_random.xlsx"])

        let markdown = try ReportCLI.run(["summary", directory])
        #expect(markdown.output.hasPrefix("# DRS comparison reports: 2 files\n"))

        let check = try ReportCLI.run(["check", directory])
        let checkFiles = try ReportCLI.run(["check"] + files)
        #expect(check.status == 2 && check.status == checkFiles.status)
        #expect(check.stderr == checkFiles.stderr)
        let lines = check.stderr.split(separator: "\n")
        #expect(lines.first?.hasPrefix("drsdiff: check: a_lines.XLSX: incomplete: ") == true)
        #expect(lines.last == "drsdiff: check: 2 files: 0 consistent, 0 inconsistent, 2 incomplete, 0 unreadable: exit 2")

        let empty = try BinaryRunner.temporaryDirectory()
        for command in ["summary", "check"] {
            let none = try ReportCLI.run([command, empty])
            #expect(none.status == 64)
            #expect(none.stderr.contains("no .xlsx reports in \(empty)"))
        }
    }

    @Test func summaryAndCheckReadStandardInput() throws {
        let workbook = try Data(contentsOf: URL(fileURLWithPath: ReportCLI.sample("lines_en-us")))
        let piped = try ReportCLI.run(["summary", "-", "--format", "json"], stdin: workbook)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect((try JSONSerialization.jsonObject(with: piped.stdout) as? [String: Any])?["file"] as? String == "<stdin>")
        let list = Data((ReportCLI.sample("lines_en-us") + "\n" + ReportCLI.sample("random_en-us") + "\n").utf8)
        let listed = try ReportCLI.run(["check", "-"], stdin: list)
        #expect(listed.status == 2)
        #expect(listed.stderr.contains("drsdiff: check: 2 files:"))
        let checkPiped = try ReportCLI.run(["check", "-", "--quiet"], stdin: workbook)
        #expect(checkPiped.status == 2)
        #expect(checkPiped.stderr.hasPrefix("drsdiff: check: incomplete: "))
    }

    @Test(arguments: [
        ["summary", "lines_en-us", "html"], ["summary", "lines_en-us", "JSON"], ["summary", "lines_en-us", "Text"],
        ["report", "lines_en-us", "CSV"], ["report", "lines_en-us", "NDJson"], ["inspect", "lines_en-us", "JSON"],
        ["convert", "lines_en-us", "MD"], ["sheets", "lines_en-us", "Json"],
    ])
    func formatsAreTakenInAnyCase(_ arguments: [String]) throws {
        let (command, sample, format) = (arguments[0], ReportCLI.sample(arguments[1]), arguments[2])
        let typed = try ReportCLI.run([command, sample, "--format", format])
        let lower = try ReportCLI.run([command, sample, "--format", format.lowercased()])
        #expect(typed.status == lower.status, "\(typed.stderr)")
        #expect(typed.status != 64, "\(typed.stderr)")
        if format.uppercased() == "HTML" {
            #expect(typed.output.hasPrefix("<!DOCTYPE html>"))
        } else {
            #expect(typed.output == lower.output)
        }
        #expect(try ReportCLI.run([command, sample, "--format", "jsonx"]).status == 64)
    }

    @Test func diffTakesFormatsInAnyCaseToo() throws {
        let (old, new) = (ReportCLI.path("samples/diff/lines_en-us.before.xlsx"), ReportCLI.path("samples/diff/lines_en-us.after.xlsx"))
        let typed = try ReportCLI.run(["diff", old, new, "--format", "Json"])
        #expect(typed.output == (try ReportCLI.run(["diff", old, new, "--format", "json"])).output)
        #expect(!typed.output.isEmpty)
    }

    @Test func diffNamesOldAndNewInTheOrderGiven() throws {
        let (rows, values) = (ReportCLI.sample("lines_en-us"), ReportCLI.sample("contents_en-us"))
        let mismatch = try ReportCLI.run(["diff", rows, values])
        #expect(mismatch.status == 64)
        #expect(mismatch.stderr.contains("cannot diff OLD lines_en-us.xlsx (lines) with NEW contents_en-us.xlsx (contents)"))
        let swapped = try ReportCLI.run(["diff", values, rows])
        #expect(swapped.stderr.contains("cannot diff OLD contents_en-us.xlsx (contents) with NEW lines_en-us.xlsx (lines)"))
    }

    @Test func anOddNumberOfPathsPrintsDiffsOwnUsage() throws {
        let sample = ReportCLI.sample("lines_en-us")
        for arguments in [["diff", sample], ["diff", sample, sample, sample]] {
            let odd = try ReportCLI.run(arguments)
            #expect(odd.status == 64)
            #expect(odd.stderr.contains("give reports in pairs, OLD NEW"))
            #expect(odd.stderr.contains("Usage: drsdiff diff "), "\(odd.stderr)")
            #expect(odd.stderr.contains("See 'drsdiff diff --help'"))
            #expect(!odd.stderr.contains("<subcommand>"))
        }
        let listed = try ReportCLI.run(["diff", "-"], stdin: Data((sample + "\n" + sample + "\n" + sample + "\n").utf8))
        #expect(listed.status == 64)
        #expect(listed.stderr.contains("Usage: drsdiff diff "), "\(listed.stderr)")
    }

    /// A row-comparison report whose metadata says when it ran.
    static func report(start: String, end: String) throws -> String {
        let header: [FakeWorkbook.Cell] = [.text("Source Database"), .text("Source Table"), .text("Source Rows"),
                                           .text("Destination Rows"), .text("Difference"), .text("Status")]
        let rows: [[FakeWorkbook.Cell]] = [
            [.text("Start Time: " + start)], [.text("End Time: " + end)], [],
            header, [.text("shop"), .text("orders"), .number(10), .number(10), .number(0), .text("Consistent")],
        ]
        return try ReportCLI.temporaryFile(FakeWorkbook.workbook(sheetName: "Table Details", rows: rows), suffix: ".xlsx")
    }

    @Test func diffWarnsWhenOldWasMadeAfterNew() throws {
        let earlier = try CommandLineFormsTests.report(start: "2024-05-14 10:00:00", end: "2024-05-14 11:02:08")
        let later = try CommandLineFormsTests.report(start: "2024/5/15 9:00:00", end: "2024/5/15 9:30:00")
        let inOrder = try ReportCLI.run(["diff", earlier, later])
        #expect(inOrder.status == 0, "\(inOrder.stderr)")
        #expect(!inOrder.stderr.contains("warning"))
        let swapped = try ReportCLI.run(["diff", later, earlier])
        #expect(swapped.status == 0)
        let name = { (path: String) in URL(fileURLWithPath: path).lastPathComponent }
        #expect(swapped.stderr.contains("drsdiff: warning: OLD \(name(later)) ended 2024/5/15 9:30:00, after NEW \(name(earlier)) (2024-05-14 11:02:08): "
                                        + "were they given the wrong way round?"), "\(swapped.stderr)")
        // Without times nothing is said.
        let plain = try DiffCommandTests.report([("orders", true)])
        #expect(!(try ReportCLI.run(["diff", later, plain])).stderr.contains("warning"))
    }
}
