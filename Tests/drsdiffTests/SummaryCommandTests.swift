import Foundation
import TestPacing
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite(.heavy) struct SummaryCommandTests {
    @Test func topLimitsTheLargestDifferences() throws {
        let result = try ReportCLI.run(["summary", ReportCLI.sample("lines_en-us"), "--format", "json", "--top", "3"])
        let document = try JSONSerialization.jsonObject(with: result.stdout) as! [String: Any]
        #expect(document["schema"] as? String == "drsdiff.summary/v1")
        #expect((document["top_tables"] as! [Any]).count == 3)
        #expect(document["verdict"] as? String == "incomplete")
        let none = try ReportCLI.run(["summary", ReportCLI.sample("lines_en-us"), "--top", "0"])
        #expect(!none.output.contains("Largest row differences"))
        #expect(try ReportCLI.run(["summary", ReportCLI.sample("lines_en-us"), "--top", "-1"]).status == 64)
    }

    @Test func textAndMarkdownSayTheVerdictFirst() throws {
        let text = try ReportCLI.run(["summary", ReportCLI.sample("repair_data_en-us"), "--format", "text"])
        let lines = text.output.split(separator: "\n")
        #expect(lines.first == "DRS comparison report: repair_data_en-us.xlsx")
        #expect(lines.dropFirst().first?.hasPrefix("incomplete: ") == true)
        #expect(lines.dropFirst(2).first?.hasPrefix("Fix first") == true)
        let markdown = try ReportCLI.run(["summary", ReportCLI.sample("repair_data_en-us")])
        #expect(markdown.output.hasPrefix("## DRS comparison report: repair_data_en-us.xlsx\n\n**incomplete: "))
        #expect(markdown.output.contains("\n### Fix first"))
    }

    /// A FIFO given as a report would block its open forever (no writer ever comes): it is
    /// refused by its type before any open, named, with exit 3, and the other files are read.
    /// The runner's time limit is only a hang guard.
    @Test func aFIFOGivenAsAReportIsRefusedPromptly() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = directory + "/report.xlsx"
        #expect(mkfifo(fifo, 0o600) == 0)
        let alone = try BinaryRunner.run(["summary", fifo], timeout: 120)
        #expect(!alone.timedOut)
        #expect(alone.status == 3, "\(alone.stderr)")
        #expect(alone.stderr.contains(fifo) && alone.stderr.contains("a FIFO (named pipe), not a regular file"), "\(alone.stderr)")
        let withOthers = try BinaryRunner.run(["summary", fifo, ReportCLI.sample("lines_en-us")], timeout: 120)
        #expect(!withOthers.timedOut)
        #expect(withOthers.status == 3, "\(withOthers.stderr)")
        #expect(withOthers.stdoutText.contains("lines_en-us.xlsx"))
    }
}
