import Testing
import Foundation
@testable import DRSReport

/// Three kinds of column the built-in wording used to lose, and a side given in brackets.
struct LostColumnTests {
    static func records(_ file: ReportWorkbook, _ section: ReportSection) throws -> [ReportRecord] {
        var all: [ReportRecord] = []
        let reader = file.records(in: section)
        while let record = try reader.next() { all.append(record) }
        return all
    }

    static func concepts(_ section: ReportSection) -> [String] { section.columns.map { $0.concept?.rawValue ?? "-" } }

    @Test(arguments: [
        (["Object Type", "Object Name", "Source", "Destination", "Status"], ["Exists", "Does not exist"]),
        (["对象类型", "对象名称", "源库", "目标库", "对比结果"], ["存在", "不存在"]),
    ])
    func objectDetailsSideColumnsSayWhetherTheObjectExists(_ header: [String], _ words: [String]) throws {
        let rows: [[FixtureWorkbook.Cell]] = [
            ["TABLE", "orders", .text(words[0]), .text(words[0]), "Consistent"],
            ["TABLE", "orders_archive", .text(words[0]), .text(words[1]), "Inconsistent"],
            ["VIEW", "v_users", .text(words[0]), .text(words[0]), "Consistent"],
            ["INDEX", "idx_a", .text(words[0]), .text(words[1]), "Inconsistent"],
            ["INDEX", "idx_b", .text(words[1]), .text(words[0]), "Inconsistent"],
            ["ROUTINE", "sp_merge", .text(words[0]), .text(words[0]), "Consistent"],
        ]
        let path = try FixtureWorkbook.write([.init(name: "Details", rows: [header.map { .text($0) }] + rows)])
        let file = try ReportWorkbook(path: path)
        let section = try #require(file.report.sections.first)
        #expect(section.kind == .objectDifferences)
        #expect(LostColumnTests.concepts(section) == ["object_type", "object_name", "source_exists", "target_exists", "status"])
        let records = try LostColumnTests.records(file, section)
        guard case .objectDifference(let second) = records[1], case .objectDifference(let fifth) = records[4] else {
            Issue.record("not object differences: \(records)")
            return
        }
        #expect(second.sourceExists?.value == .exists && second.targetExists?.value == .missing)
        #expect(second.targetExists?.text == words[1])
        #expect(fifth.sourceExists?.value == .missing)
        #expect(second.sourceDatabase == nil && second.targetDatabase == nil)
    }

    @Test func aRepairSheetsPlainTableColumnIsTheTable() throws {
        let path = try FixtureWorkbook.write([.init(name: "Repair SQL", rows: [
            ["Database", "Table", "Operation", "Repair SQL", "SQL State"],
            ["shop", "orders", "UPDATE", "UPDATE `shop`.`orders` SET a = 1 WHERE id = 1;", "SUCCESS"],
            ["shop", "refunds", "DELETE", "DELETE FROM `shop`.`refunds` WHERE id = 2;", "FAILED"],
        ])])
        let file = try ReportWorkbook(path: path)
        let section = try #require(file.report.sections.first)
        #expect(section.kind == .repairStatements)
        #expect(LostColumnTests.concepts(section) == ["source_database", "source_table", "operation", "repair_sql", "sql_state"])
        guard case .repairStatement(let statement) = try LostColumnTests.records(file, section)[1] else { Issue.record("not a statement"); return }
        #expect(statement.sourceTable == "refunds" && statement.sourceDatabase == "shop")
    }

    @Test(arguments: [
        (["Source Table", "Source Rows", "Destination Rows", "Difference", "Status", "Result"],
         ["The comparison result is consistent", "The comparison result is inconsistent", "The destination table does not exist"],
         ["Consistent", "Inconsistent"]),
        (["源表名", "源库行数", "目标库行数", "差异行数", "状态", "结果"], ["对比一致", "对比不一致", "目标表不存在"], ["一致", "不一致"]),
    ])
    func aStatusColumnBesideAResultColumnKeepsBoth(_ header: [String], _ statuses: [String], _ results: [String]) throws {
        let path = try FixtureWorkbook.write([.init(name: "Tables", rows: [
            header.map { .text($0) },
            ["a", 10, 10, 0, .text(statuses[0]), .text(results[0])],
            ["b", 10, 7, 3, .text(statuses[1]), .text(results[1])],
            ["c", 5, "", "", .text(statuses[2]), ""],
        ])])
        let file = try ReportWorkbook(path: path)
        let section = try #require(file.report.sections.first)
        #expect(section.kind == .tableRowCounts)
        #expect(LostColumnTests.concepts(section).suffix(2) == ["status", "row_result"])
        let records = try LostColumnTests.records(file, section)
        guard case .tableRowCount(let first) = records[0], case .tableRowCount(let third) = records[2] else { Issue.record("\(records)"); return }
        #expect(first.status?.value == .consistent && first.rowResult?.value == .consistent)
        #expect(third.status?.value == .targetTableMissing && third.rowResult == nil)
        #expect(records.map(\.category) == [.consistent, .inconsistent, .inconsistent])
    }

    @Test func aSideInBracketsIsASide() throws {
        let path = try FixtureWorkbook.write([.init(name: "Overview", rows: [
            ["Object Type", "Amount (src)", "Amount (tgt)", "Result"],
            ["TABLE", 12, 11, "Inconsistent"],
            ["VIEW", 3, 3, "Consistent"],
        ])])
        let section = try #require(try ReportWorkbook(path: path).report.sections.first)
        #expect(section.kind == .objectSummary)
        #expect(LostColumnTests.concepts(section) == ["object_type", "source_count", "target_count", "status"])
    }
}
