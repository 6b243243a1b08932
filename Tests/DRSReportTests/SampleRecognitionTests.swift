import Testing
import Foundation
@testable import DRSReport

/// The ten samples, recognised by meaning: every section's kind and sheets, every column's
/// concept, the metadata and titles, the compare type and language, as the truth files state.
struct SampleRecognitionTests {
    @Test func allTenSamplesArePresent() {
        #expect(Repository.reportSamples.count == 10, "samples/reports holds \(Repository.reportSamples)")
    }

    @Test(arguments: Repository.reportSamples)
    func sectionsAndColumnsMatchTheTruth(_ name: String) throws {
        let truth = try SampleTruth(name)
        let report = try ReportWorkbook(path: Repository.reportSample(name)).report
        let recognised = report.sections.filter { $0.kind != .unknown }
        #expect(recognised.count == report.sections.count, "\(name): unrecognised sheets")
        try #require(recognised.count == truth.sections.count, "\(name): \(recognised.map(\.label))")
        for (expected, section) in zip(truth.sections, recognised) {
            #expect(section.kind.rawValue == expected["kind"] as? String, "\(name): \(section.label)")
            #expect(section.sheets.map(\.name) == expected["sheet_names"] as? [String])
            for (sheet, expectedSheet) in zip(section.sheets, expected["sheets"] as! [[String: Any]]) {
                #expect(sheet.headerRow == expectedSheet["header_row"] as? Int, "\(name) \(sheet.name)")
            }
            #expect(section.confidence >= 0.8, "\(name) \(section.label): confidence \(section.confidence)")
            let columns = expected["columns"] as! [[String: Any]]
            #expect(section.columns.count == columns.count, "\(name) \(section.label)")
            for column in columns {
                let index = column["index"] as! Int
                let mapped = section.columns.first { $0.index == index }
                #expect(mapped?.header == column["header"] as? String)
                #expect(mapped?.concept?.rawValue == column["concept"] as? String,
                        "\(name) \(section.label) \"\(column["header"]!)\" → \(mapped?.concept?.rawValue ?? "unmatched")")
            }
        }
    }

    @Test(arguments: Repository.reportSamples)
    func metadataTitlesTypeAndLanguageMatchTheTruth(_ name: String) throws {
        let truth = try SampleTruth(name)
        let report = try ReportWorkbook(path: Repository.reportSample(name)).report
        #expect(report.compareType?.rawValue == truth.compareType)
        #expect(report.language?.rawValue == truth.language)
        let expectedMetadata = truth.metadata.map { [$0["name"] as! String, $0["key"] as! String, $0["value"] as! String, $0["sheet"] as! String, String($0["row"] as! Int)] }
        let foundMetadata = report.metadata.map { [$0.name ?? "-", $0.key, $0.value, $0.sheet, String($0.row)] }
        #expect(foundMetadata == expectedMetadata)
        let expectedTitles = truth.titles.map { [$0["sheet"] as! String, String($0["row"] as! Int), $0["text"] as! String] }
        #expect(report.titles.map { [$0.sheet, String($0.row), $0.text] } == expectedTitles)
        #expect(report.notes.isEmpty, "\(report.notes)")
    }

    @Test func theCompareTypeHintBreaksTiesButDoesNotOverrule() throws {
        let path = Repository.reportSample("lines_en-us")
        let hinted = try ReportWorkbook(path: path, compareType: .values).report
        #expect(hinted.compareType == .lines)
        #expect(hinted.notes.contains { $0.contains("differs") })
        #expect(hinted.sections.map(\.kind) == [.databaseSummary, .tableRowCounts, .cannotCompare])
    }
}
