import Foundation
import Testing

struct SummaryCommandTests {
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
}
