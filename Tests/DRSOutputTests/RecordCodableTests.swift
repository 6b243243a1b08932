import Testing
import Foundation
@testable import DRSOutput
import DRSReport

/// The models are Codable, and what the byte-level writer emits decodes back to the same records.
struct RecordCodableTests {
    @Test(arguments: Samples.reports)
    func ndjsonDecodesToTheSameRecords(_ name: String) throws {
        let file = try ReportWorkbook(path: Samples.report(name))
        let path = NSTemporaryDirectory() + "drsreport-\(UUID().uuidString).ndjson"
        let output = try OutputFile(path: path)
        try ReportWriter.writeNDJSON(file, ReportWriter.Selection(sections: file.report.sections), to: output.sink)
        try output.commit()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        var expected: [ReportRecord] = []
        try file.forEachRecord { _, record in expected.append(record) }
        #expect(lines.count == expected.count + 1)
        let decoder = JSONDecoder()
        for (line, record) in zip(lines.dropFirst(), expected) {
            #expect(try decoder.decode(ReportRecord.self, from: Data(line.utf8)) == record)
        }
        // And through JSONEncoder, both ways.
        for record in expected.prefix(20) {
            #expect(try decoder.decode(ReportRecord.self, from: JSONEncoder().encode(record)) == record)
        }
        let report = try decoder.decode(ComparisonReport.self, from: JSONEncoder().encode(file.report))
        #expect(report == file.report)
        let summary = try file.summary()
        #expect(try decoder.decode(ReportSummary.self, from: JSONEncoder().encode(summary)) == summary)
    }

    @Test func unknownValuesKeepTheirTextThroughJSON() throws {
        let status = Interpreted(ComparisonStatus.unknown("Quarantined"), text: "Quarantined")
        let data = try JSONEncoder().encode(status)
        #expect(String(decoding: data, as: UTF8.self).contains("\"value\":\"unknown\""))
        #expect(try JSONDecoder().decode(Interpreted<ComparisonStatus>.self, from: data) == status)
    }
}
