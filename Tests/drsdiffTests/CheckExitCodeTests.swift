import DRSFakeService
import Foundation
import TestPacing
import Testing

/// `drsdiff check`: 0 consistent, 1 inconsistent, 2 incomplete or failed, 3 and 10–17 unreadable
/// input, 64 usage; one line per problem on stderr.
@Suite(.heavy) struct CheckExitCodeTests {
    private static let header: [FakeWorkbook.Cell] = [.text("Source Database"), .text("Source Table"), .text("Source Rows"),
                                                      .text("Destination Rows"), .text("Difference"), .text("Status")]

    @Test func allConsistentExitsZero() throws {
        let workbook = FakeWorkbook.workbook(sheetName: "Table Details", rows: [
            CheckExitCodeTests.header,
            [.text("shop"), .text("orders"), .number(929), .number(929), .number(0), .text("The comparison result is consistent")],
            [.text("shop"), .text("items"), .text("4.339028215E9"), .text("4,339,028,215"), .text("0.0"), .text("一致")],
        ])
        let result = try ReportCLI.run(["check", try ReportCLI.temporaryFile(workbook, suffix: ".xlsx")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "drsdiff: check: consistent: all 2 tables consistent\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func inconsistenciesExitOneWithALinePerProblem() throws {
        let result = try ReportCLI.run(["check", try ReportCLI.temporaryFile(FakeWorkbook.objectComparison(), suffix: ".xlsx")])
        #expect(result.status == 1, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.first == "inconsistent: object type VIEW: source 3, destination 2: Inconsistent (Overview row 3)")
        #expect(lines.last == "drsdiff: check: inconsistent: 1 object type inconsistent")
        let quiet = try ReportCLI.run(["check", "--quiet", try ReportCLI.temporaryFile(FakeWorkbook.objectComparison(), suffix: ".xlsx")])
        #expect(quiet.status == 1)
        #expect(quiet.stderr.split(separator: "\n").count == 1)
    }

    @Test(arguments: ReportCLI.samples)
    func incompleteComparisonsExitTwo(_ name: String) throws {
        let result = try ReportCLI.run(["check", ReportCLI.sample(name)])
        #expect(result.status == 2, "\(name): \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").last?.hasPrefix("drsdiff: check: incomplete: ") == true)
        #expect(result.stderr.contains("incomplete: "))
    }

    @Test func aWorkbookWithoutResultsIsIncomplete() throws {
        let result = try ReportCLI.run(["check", ReportCLI.readerSamples[0]])
        #expect(result.status == 2)
        #expect(result.stderr.contains("drsdiff: check: incomplete: no comparison results found"))
    }

    @Test func unreadableInputHasItsOwnExitCodes() throws {
        let missing = try ReportCLI.run(["check", "/nonexistent/report.xlsx"])
        #expect(missing.status == 3)
        #expect(missing.stderr.hasPrefix("drsdiff: error: "))
        let text = try ReportCLI.run(["check", try ReportCLI.temporaryFile(Data("Source Table,Status\n".utf8), suffix: ".xlsx")])
        #expect(text.status == 10)
        let usage = try ReportCLI.run(["check"])
        #expect(usage.status == 64)
    }
}
