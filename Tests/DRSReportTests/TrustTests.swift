import Testing
import Foundation
@testable import DRSReport
import XLSXReader

/// What a DBA acts on must be right, or say it is unsure (issue 16): totals and notes below a
/// table are no records, the kind follows the workbook, boolean cells mean what they say, a
/// missing key concept is said, a diff refuses what it cannot pair, and a suggested vocabulary
/// never changes a verdict.
struct TrustTests {
    private func records(_ file: ReportWorkbook, _ section: ReportSection) throws -> [ReportRecord] {
        var all: [ReportRecord] = []
        let reader = file.records(in: section)
        while let record = try reader.next() { all.append(record) }
        return all
    }

    private static let rowCountHeader: [FixtureWorkbook.Cell] = ["Source Database", "Source Table", "Destination Table", "Source Rows",
                                                                  "Destination Rows", "Difference", "Status"]

    @Test func aTotalsLineAndNotesBelowTheTableAreNoRecords() throws {
        let path = try FixtureWorkbook.write([.init(name: "Row Counts", rows: [
            TrustTests.rowCountHeader,
            ["shop", "orders", "orders", 10, 10, 0, "Consistent"],
            ["shop", "refunds", "refunds", 7, 5, 2, "Inconsistent"],
            ["crm", "users", "users", 3, 3, 0, "Consistent"],
            ["", "", "", 20, 18, 2, ""],
            [],
            ["Note:", "counts exclude filtered rows"],
            ["Checked by:", "J. Smith"],
        ])])
        let file = try ReportWorkbook(path: path)
        let section = try #require(file.report.sections.first)
        #expect(section.kind == .tableRowCounts)
        #expect(try records(file, section).map(\.row) == [2, 3, 4])
        let summary = try file.summary()
        #expect(summary.sections.map(\.records) == [3])
        #expect(summary.sections.map(\.inconsistent) == [1])
        #expect(summary.databases.map(\.database) == ["shop", "crm"])
        #expect(summary.notes.contains { $0.contains("row 5") && $0.contains("totals line") }, "\(summary.notes)")
        #expect(summary.notes.contains { $0.contains("from row 7 on") && $0.contains("notes below the table") }, "\(summary.notes)")
    }

    @Test func aRowWithoutANameIsATotalsLineOnlyWhenItsCountsAreTheSums() throws {
        let header: [FixtureWorkbook.Cell] = ["Type", "Source", "Target"]
        let path = try FixtureWorkbook.write([
            .init(name: "Sums", rows: [header, ["TABLE", 4, 4], ["VIEW", 2, 1], ["", 6, 5]]),
            .init(name: "Not the sums", rows: [header, ["TABLE", 4, 4], ["VIEW", 2, 1], ["", 6, 6]]),
            .init(name: "Named", rows: [header, ["TABLE", 4, 4], ["VIEW", 2, 1], ["INDEX", 6, 5]]),
        ])
        let section = ReportSection(kind: .objectSummary, confidence: 1, sheets: [], columns: [
            ColumnMapping(index: 0, header: "Type", concept: .objectType), ColumnMapping(index: 1, header: "Source", concept: .sourceCount),
            ColumnMapping(index: 2, header: "Target", concept: .targetCount),
        ])
        let workbook = try Workbook(path: path)
        let reader = FieldReader(section: section, vocabulary: .standard)
        var end = TableEnd(reader: reader, section: section)
        var verdicts: [[TableEnd.Skipped?]] = []
        for sheet in workbook.sheets {
            let rows = try workbook.rows(in: sheet)
            _ = try rows.next()
            end.startSheet()
            var sheetVerdicts: [TableEnd.Skipped?] = []
            while let row = try rows.next() {
                reader.read(row)
                sheetVerdicts.append(end.skip(row, reader: reader))
            }
            verdicts.append(sheetVerdicts)
        }
        #expect(verdicts == [[nil, nil, .totals], [nil, nil, nil], [nil, nil, nil]])
    }

    @Test func aProgressPercentageIsNoSamplingRatio() throws {
        let path = try FixtureWorkbook.write([
            .init(name: "Table Results", rows: [
                ["Source Database", "Source Table", "Source Rows", "Destination Rows", "Progress (%)", "Row Result", "Value Result"],
                ["shop", "orders", 10, 10, "100%", "Consistent", "Inconsistent"],
                ["shop", "refunds", 7, 7, "100%", "Consistent", "Consistent"],
                ["shop", "users", 3, 3, "100%", "Consistent", "Consistent"],
                ["crm", "events", 5, 5, "0%", "Consistent", "Consistent"],
            ]),
            .init(name: "Value Differences", rows: [
                ["Source Database", "Source Table", "Difference Type", "Key Values", "Column", "Source Value", "Destination Value"],
                ["shop", "orders", "Inconsistent", "id=1", "amount", "1", "2"],
            ]),
        ])
        let report = try ReportWorkbook(path: path).report
        #expect(report.sections.map(\.kind) == [.tableValues, .valueDifferences])
        #expect(report.compareType == .values)
        #expect(report.sections[0].column(for: .samplingRatio) == nil)
    }

    @Test func trueAndFalseCellsInARepairSheetSayWhetherTheStatementRan() throws {
        let path = try FixtureWorkbook.write([.init(name: "Repair SQL", rows: [
            ["Database", "Table", "Operation", "Repair SQL", "Executed"],
            ["shop", "orders", "UPDATE", "UPDATE `shop`.`orders` SET a = 1 WHERE id = 1;", .boolean(true)],
            ["shop", "orders", "DELETE", "DELETE FROM `shop`.`orders` WHERE id = 2;", .boolean(false)],
            ["shop", "refunds", "INSERT", "INSERT INTO `shop`.`refunds` (id) VALUES (3);", .boolean(true)],
        ])])
        let file = try ReportWorkbook(path: path)
        let section = try #require(file.report.sections.first)
        #expect(section.kind == .repairStatements)
        #expect(section.column(for: .sqlState)?.header == "Executed")
        let states = try records(file, section).map { ($0.body.value(for: .sqlState) as? Interpreted<RepairState>)?.value.name ?? "-" }
        #expect(states == ["succeeded", "not_executed", "succeeded"])
    }

    @Test func aSectionWithoutItsTableNameSaysSoAndADiffRefusesIt() throws {
        let path = try FixtureWorkbook.write([.init(name: "Row Counts", rows: [
            ["Source Database", "Source Rows", "Destination Rows", "Difference", "Status"],
            ["shop", 10, 10, 0, "Consistent"],
            ["shop", 7, 5, 2, "Inconsistent"],
        ])])
        let file = try ReportWorkbook(path: path)
        #expect(file.report.sections.map(\.kind) == [.tableRowCounts])
        #expect(file.report.doubts.count == 1)
        #expect(file.report.doubts.first?.contains("the table name") == true)
        #expect(try file.summary().notes.contains { $0.contains("the table name") })
        do {
            _ = try ReportDiff(old: file, new: try ReportWorkbook(path: path))
            Issue.record("a diff paired entries without their table")
        } catch let error as DiffError {
            #expect(error.isUsageError)
            #expect(error.description.contains("table name"))
        }
    }

    /// A suggested vocabulary, confirmed as written, reads every development workbook of the
    /// test bed to the same verdict and the same counts as without it.
    @Test func aSuggestedVocabularyNeverChangesAVerdict() throws {
        let truths = TestBedTests.workbooks("dev")
        #expect(!truths.isEmpty)
        for truth in truths {
            let workbook = String(truth.dropLast(".truth.json".count)) + ".xlsx"
            let plain = try ReportWorkbook(path: workbook)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("suggested-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(TrustTests.json(VocabularySuggestion.document(for: plain.report)).utf8).write(to: file)
            let confirmed = try ReportWorkbook(path: workbook, vocabulary: Vocabulary(contentsOfFile: file.path))
            let before = try plain.summary(), after = try confirmed.summary()
            #expect(after.verdict == before.verdict, "\(workbook)")
            let counts = { (summary: ReportSummary) in summary.sections.map { "\($0.kind.rawValue) \($0.records) \($0.consistent) \($0.inconsistent) \($0.incomplete)" } }
            #expect(counts(after) == counts(before), "\(workbook)")
        }
    }

    /// The document as JSON text, as `inspect --suggest-vocabulary` writes it.
    static func json(_ value: JSONValue) -> String {
        func string(_ text: String) -> String {
            String(decoding: try! JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed]), as: UTF8.self).dropFirst().dropLast().description
        }
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return "\(number)"
        case .integer(let number): return "\(number)"
        case .string(let text): return string(text)
        case .array(let items): return "[" + items.map(json).joined(separator: ",") + "]"
        case .object(let members): return "{" + members.map { string($0.0) + ":" + json($0.1) }.joined(separator: ",") + "}"
        }
    }
}
