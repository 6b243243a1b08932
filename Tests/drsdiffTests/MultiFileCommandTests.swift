import DRSFakeService
import Foundation
import TestPacing
import Testing

/// `summary` and `check` over several files, and `-` as a list of paths on standard input.
@Suite(.heavy) struct MultiFileCommandTests {
    static let consistent: String = {
        let rows: [[FakeWorkbook.Cell]] = [
            [.text("Source Database"), .text("Source Table"), .text("Source Rows"), .text("Destination Rows"), .text("Status")],
            [.text("shop"), .text("orders"), .number(5), .number(5), .text("Consistent")],
        ]
        return try! ReportCLI.temporaryFile(FakeWorkbook.workbook(sheetName: "Table Details", rows: rows), suffix: ".xlsx")
    }()

    static let inconsistent: String = try! ReportCLI.temporaryFile(FakeWorkbook.objectComparison(), suffix: ".xlsx")

    @Test func checkOverThreeFilesExitsWithTheWorst() throws {
        let two = try ReportCLI.run(["check", Self.consistent, Self.inconsistent])
        #expect(two.status == 1, "\(two.stderr)")
        let three = try ReportCLI.run(["check", Self.consistent, Self.inconsistent, ReportCLI.sample("lines_en-us")])
        #expect(three.status == 2)
        let lines = three.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("drsdiff: check: \(URL(fileURLWithPath: Self.consistent).lastPathComponent): consistent: "))
        #expect(lines[1].contains(": inconsistent: 1 object type inconsistent"))
        #expect(lines[2].hasPrefix("drsdiff: check: lines_en-us.xlsx: incomplete: "))
        #expect(lines[3] == "drsdiff: check: 3 files: 1 consistent, 1 inconsistent, 1 incomplete, 0 unreadable: exit 2")
        #expect(three.stdout.isEmpty)
    }

    @Test func anUnreadableFileWinsWithItsOwnCode() throws {
        let text = try ReportCLI.temporaryFile(Data("Source Table,Status\n".utf8), suffix: ".xlsx")
        let result = try ReportCLI.run(["check", ReportCLI.sample("lines_en-us"), text, "/nonexistent/report.xlsx"])
        #expect(result.status == 10, "\(result.stderr)")
        #expect(result.stderr.contains("unreadable (exit 10)"))
        #expect(result.stderr.contains("unreadable (exit 3)"))
        #expect(result.stderr.hasSuffix("drsdiff: check: 3 files: 0 consistent, 0 inconsistent, 1 incomplete, 2 unreadable: exit 10\n"))
    }

    @Test func aListOfPathsOnStandardInput() throws {
        let list = "\(Self.consistent)\n\n\(Self.inconsistent)\n"
        let result = try ReportCLI.run(["check", "-", "--quiet"], stdin: Data(list.utf8))
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 3)
        // A workbook on standard input is still read as one.
        let workbook = try ReportCLI.run(["check", "-"], stdin: try Data(contentsOf: URL(fileURLWithPath: Self.consistent)))
        #expect(workbook.status == 0, "\(workbook.stderr)")
        #expect(try ReportCLI.run(["check", "-", "-"], stdin: Data(list.utf8)).status == 64)
    }

    /// Through a pipe (not a file), standard input is told apart by its first 64 KiB: a workbook
    /// larger than that is spooled with those bytes in front; a list of paths is read whole.
    @Test func aPipeOnStandardInput() throws {
        var rows: [[FakeWorkbook.Cell]] = [[.text("Source Database"), .text("Source Table"), .text("Source Rows"), .text("Destination Rows"), .text("Status")]]
        for index in 0..<3000 { rows.append([.text("shop"), .text("table_\(index)"), .number(index), .number(index), .text("Consistent")]) }
        let workbook = FakeWorkbook.workbook(sheetName: "Table Details", rows: rows)
        #expect(workbook.count > 128 << 10)
        func piped(_ arguments: [String], _ data: Data) throws -> (Int32, String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try BinaryRunner.binary())
            process.arguments = arguments
            let input = Pipe(), errors = Pipe()
            process.standardInput = input
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            input.fileHandleForWriting.write(data)
            try input.fileHandleForWriting.close()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, stderr)
        }
        let (status, stderr) = try piped(["check", "-"], workbook)
        #expect(status == 0, "\(stderr)")
        #expect(stderr == "drsdiff: check: consistent: all 3000 tables consistent\n")
        let (listStatus, listErr) = try piped(["check", "-"], Data("\(Self.consistent)\n\(Self.inconsistent)\n".utf8))
        #expect(listStatus == 1, "\(listErr)")
        #expect(listErr.hasSuffix("drsdiff: check: 2 files: 1 consistent, 1 inconsistent, 0 incomplete, 0 unreadable: exit 1\n"))
    }

    @Test func summaryOfSeveralFiles() throws {
        #expect(try ReportCLI.run(["summary", Self.consistent, Self.consistent, "--format", "html"]).status == 64)
        let markdown = try ReportCLI.run(["summary", Self.consistent, ReportCLI.sample("lines_en-us")])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.output.hasPrefix("# DRS comparison reports: 2 files\n\n**Verdict: incomplete** (the worst of 2)\n\n| file | compare type (recognised) | language (recognised) | verdict |\n"))
        #expect(markdown.output.contains("\n## DRS comparison report: lines_en-us.xlsx\n"))
        let json = try ReportCLI.run(["summary", Self.consistent, ReportCLI.sample("lines_en-us"), "--format", "json"])
        let documents = try JSONSerialization.jsonObject(with: json.stdout) as! [[String: Any]]
        #expect(documents.map { $0["schema"] as? String } == ["drsdiff.summary/v1", "drsdiff.summary/v1"])
        #expect(documents.map { $0["verdict"] as? String } == ["consistent", "incomplete"])
        // Each element is a drsdiff.summary/v1 document.
        let validator = ReportSchemaValidator(schema: try ReportJSON.parse(String(contentsOfFile: ReportCLI.path("schema/drsdiff.summary.v1.json"), encoding: .utf8)),
                                              named: "drsdiff.summary.v1.json")
        guard case .array(let elements) = try ReportJSON.parse(json.output) else { Issue.record("not an array"); return }
        for element in elements { #expect(validator.validate(element).isEmpty) }
        let one = try ReportCLI.run(["summary", "-", "--format", "json"], stdin: Data("\(Self.consistent)\n".utf8))
        #expect((try JSONSerialization.jsonObject(with: one.stdout) as? [Any])?.count == 1)

        let broken = try ReportCLI.run(["summary", Self.consistent, "/nonexistent/x.xlsx", "--format", "text"])
        #expect(broken.status == 3)
        #expect(broken.output.hasPrefix("DRS comparison reports: 2 files\nverdict: error (1 of 2 could not be read)\n"))
        #expect(broken.stderr.hasPrefix("drsdiff: error: "))
    }
}
