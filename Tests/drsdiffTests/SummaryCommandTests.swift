import Foundation
import TestPacing
import Testing

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
        #expect(text.output.split(separator: "\n").prefix(2) == ["DRS comparison report: repair_data_en-us.xlsx", "verdict: incomplete"])
        let markdown = try ReportCLI.run(["summary", ReportCLI.sample("repair_data_en-us")])
        #expect(markdown.output.hasPrefix("## DRS comparison report: repair_data_en-us.xlsx\n\n**Verdict: incomplete**\n"))
    }
}
