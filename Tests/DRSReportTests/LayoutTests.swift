import Testing
import Foundation
@testable import DRSReport

/// Layouts the samples do not cover: they are read by meaning all the same.
struct LayoutTests {
    private func records(_ file: ReportWorkbook, _ section: ReportSection) throws -> [ReportRecord] {
        var all: [ReportRecord] = []
        let reader = file.records(in: section)
        while let record = try reader.next() { all.append(record) }
        return all
    }

    @Test func metadataInEveryLayoutAboveAHeaderLowInTheSheet() throws {
        let path = try FixtureWorkbook.write([.init(name: "结果", rows: [
            ["行数对比报告"],
            ["任务ID：abc-123"],
            ["对比类型:", "行数对比"],
            ["Source DB Engine", "MySQL 8.0", "Region: cn-north-4"],
            [],
            ["备注: 这是一个说明"],
            [],
            ["源库名", "源表名", "源表行数", "目标表行数", "差异行数", "对比结果"],
            ["db", "t1", "4.339028215E9", "4339028215", "0.0", "对比一致"],
        ])])
        let report = try ReportWorkbook(path: path).report
        #expect(report.sections.map(\.kind) == [.tableRowCounts])
        #expect(report.sections[0].sheets[0].headerRow == 8)
        #expect(report.titles.map(\.text) == ["行数对比报告"])
        #expect(report.metadata.map { [$0.key, $0.value, $0.name ?? "-"] } == [
            ["任务ID", "abc-123", "task_id"], ["对比类型", "行数对比", "compare_type"], ["Source DB Engine", "MySQL 8.0", "source_engine"],
            ["Region", "cn-north-4", "-"], ["备注", "这是一个说明", "-"],
        ])
        #expect(report.metadataValue(named: "task_id") == "abc-123")
        #expect(report.language == .chinese)
        #expect(report.compareType == .lines)
    }

    @Test func continuationSheetsMergeOnlyWhenTheyContinue() throws {
        let header: [FixtureWorkbook.Cell] = ["Source Table", "Source Rows", "Destination Rows", "Status"]
        let path = try FixtureWorkbook.write([
            .init(name: "Details", rows: [["Title"], [], header, ["a", 1, 1, "Consistent"]]),
            .init(name: "Details (2)", rows: [header, ["b", 2, 2, "Consistent"], header, ["c", 3, 4, "Inconsistent"]]),
            .init(name: "Details 3", rows: [header, ["d", 5, 5, "Consistent"]]),
            .init(name: "Archive", rows: [header, ["e", 6, 6, "Consistent"]]),
        ])
        let file = try ReportWorkbook(path: path)
        #expect(file.report.sections.map { $0.sheets.map(\.name) } == [["Details", "Details (2)", "Details 3"], ["Archive"]])
        let merged = try records(file, file.report.sections[0])
        // The header repeated inside the continuation sheet is not a record.
        #expect(merged.map { "\($0.sheet)!\($0.row)" } == ["Details!4", "Details (2)!2", "Details (2)!4", "Details 3!2"])
        #expect(file.report.sheets[1].continues == "Details")
    }

    @Test func unmatchedColumnsAndUnreadableValuesStayAsExtraFields() throws {
        let path = try FixtureWorkbook.write([.init(name: "Tables", rows: [
            ["Source Table", "Source Rows", "Destination Rows", "Shard Progress", "Status"],
            ["a", "n/a", 5, "3/4", "Consistent", "note right of the header"],
        ])])
        let file = try ReportWorkbook(path: path)
        let section = file.report.sections[0]
        #expect(section.columns.map { $0.concept?.rawValue ?? "unmatched" } == ["source_table", "source_rows", "target_rows", "unmatched", "status"])
        let record = try #require(try records(file, section).first)
        guard case .tableRowCount(let table) = record else { Issue.record("not a table row count: \(record)"); return }
        #expect(table.sourceRows == nil)
        #expect(table.targetRows == 5)
        #expect(table.extra == [ExtraField(column: "B", header: "Source Rows", value: "n/a"),
                                ExtraField(column: "D", header: "Shard Progress", value: "3/4"),
                                ExtraField(column: "F", header: "", value: "note right of the header")])
    }

    @Test func sheetsWithoutAHeaderComeOutAsGenericRows() throws {
        let path = try FixtureWorkbook.write([
            .init(name: "Notes", rows: [["just", "some"], ["text", 1]]),
            .init(name: "Tables", rows: [["Source Table", "Source Rows", "Destination Rows"], ["a", 1, 2]]),
        ])
        let file = try ReportWorkbook(path: path)
        #expect(file.report.sections.map(\.kind) == [.unknown, .tableRowCounts])
        #expect(file.report.sheets[0].explanation.hasPrefix("no header row"))
        let generic = try records(file, file.report.sections[0])
        #expect(generic.map { "\($0.sheet)!\($0.row)" } == ["Notes!1", "Notes!2"])
        #expect(generic.map { record -> [String]? in
            guard case .generic(let row) = record else { return nil }
            return row.values
        } == [["just", "some"], ["text", "1"]])
    }

    @Test func aHeaderOfUnrelatedConceptsIsNotASection() throws {
        let path = try FixtureWorkbook.write([.init(name: "Odd", rows: [["Source Database", "Destination Database"], ["a", "b"]])])
        let report = try ReportWorkbook(path: path).report
        #expect(report.sections.map(\.kind) == [.unknown])
        #expect(report.sheets[0].headerRow == 1)
        #expect(report.sheets[0].explanation.contains("fit no section kind"))
    }

    @Test func statusCodesAndBooleanResultsAreRead() throws {
        let path = try FixtureWorkbook.write([.init(name: "Values", rows: [
            ["source_table_name", "source_row_num", "target_row_num", "line_compare_result", "content_compare_result", "message"],
            ["a", 1, 1, "TRUE", "FALSE", ""],
            ["b", 1, 1, 2, 0, "x"],
        ])])
        let file = try ReportWorkbook(path: path)
        #expect(file.report.sections.map(\.kind) == [.tableValues])
        let all = try records(file, file.report.sections[0])
        #expect(all.map { $0.category } == [.inconsistent, .inconsistent])
        guard case .tableValues(let second) = all[1] else { Issue.record("\(all[1])"); return }
        #expect(second.rowResult?.value == .consistent)
        #expect(second.valueResult?.value == .inconsistent)
        #expect(second.valueResult?.text == "0")
    }

    @Test func theCompareTypeHintDecidesWhatTheContentLeavesOpen() throws {
        let path = try FixtureWorkbook.write([.init(name: "Differences", rows: [
            ["Source Table", "Difference Type", "Key Values", "Column", "Source Value", "Target Value"],
            ["t", "Only in source", "id=1", "", "", ""],
        ])])
        #expect(try ReportWorkbook(path: path).report.compareType == .values)
        let hinted = try ReportWorkbook(path: path, compareType: .sampling).report
        #expect(hinted.compareType == .sampling)
        #expect(hinted.notes.isEmpty)
    }
}
