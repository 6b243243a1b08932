import Testing
import Foundation
@testable import DRSReport

/// The cells below a header confirm or overrule it, stand in for a header drsdiff cannot read,
/// and teach it the result words it does not know — every such decision marked inferred, with
/// its evidence.
struct ValueEvidenceTests {
    private func section(_ rows: [[FixtureWorkbook.Cell]], name: String = "Sheet") throws -> (ReportWorkbook, ReportSection) {
        let file = try ReportWorkbook(path: FixtureWorkbook.write([.init(name: name, rows: rows)]))
        return (file, try #require(file.report.sections.first))
    }

    @Test func existenceCellsOverruleADatabaseHeader() throws {
        let (_, section) = try section([
            ["Object Type", "Object Name", "Target Database", "Status"],
            ["TABLE", "a", "exists", "Consistent"], ["TABLE", "b", "missing", "Inconsistent"], ["VIEW", "c", "exists", "Consistent"],
            ["INDEX", "d", "missing", "Inconsistent"], ["INDEX", "e", "exists", "Consistent"], ["TABLE", "f", "exists", "Consistent"],
        ])
        let column = try #require(section.columns.first { $0.header == "Target Database" })
        #expect(column.concept == .targetExists)
        #expect(column.inferred == true)
        #expect(column.evidence?.contains("existence words") == true, "\(column.evidence ?? "")")
        #expect(column.evidence?.contains("do not fit target_database") == true, "\(column.evidence ?? "")")
    }

    @Test func aColumnEqualToSourceMinusTargetIsTheDifferenceWhateverItsHeader() throws {
        let (_, section) = try section([
            ["Source Table", "Source Rows", "Destination Rows", "Moved", "Status"],
            ["a", 10, 10, 0, "Consistent"], ["b", 10, 7, 3, "Inconsistent"], ["c", 5, 9, -4, "Inconsistent"], ["d", 8, 8, 0, "Consistent"],
        ])
        let column = try #require(section.columns.first { $0.header == "Moved" })
        #expect(column.concept == .difference)
        #expect(column.inferred == true)
        #expect(column.evidence?.contains("equals source_rows − target_rows on 4 of 4") == true, "\(column.evidence ?? "")")
    }

    @Test func valuesStandInForHeadersDrsdiffCannotRead() throws {
        let (_, section) = try section([
            ["Source Table", "Difference Type", "Key Values", "Abfrage Quelle", "Abfrage Ziel"],
            ["t", "Only in source", "id=1", "SELECT * FROM t WHERE id = 1;", ""],
            ["t", "Both differ", "id=2", "SELECT * FROM t WHERE id = 2;", "SELECT * FROM t WHERE id = 2;"],
            ["t", "Only in destination", "id=3", "", "SELECT * FROM t WHERE id = 3;"],
        ])
        #expect(section.kind == .valueDifferences)
        let concepts = section.columns.map { $0.concept?.rawValue ?? "-" }
        #expect(concepts == ["source_table", "difference_kind", "key_values", "select_sql", "target_select_sql"])
        #expect(section.columns[3].via == "values" && section.columns[3].inferred == true)
    }

    @Test func rowConditionsOverruleAResultHeader() throws {
        let (_, section) = try section([
            ["Source Table", "Source Rows", "Destination Rows", "Status", "Check Scope"],
            ["a", 10, 10, "Consistent", "id > 100000"], ["b", 10, 7, "Inconsistent", "created_at >= '2024-01-01'"],
            ["c", 5, 5, "Consistent", "status IN ('PAID','SHIPPED')"], ["d", 6, 6, "Consistent", "id > 100000"],
            ["e", 4, 4, "Consistent", "created_at >= '2024-01-01'"], ["f", 3, 3, "Consistent", "id > 100000"],
        ])
        let column = try #require(section.columns.first { $0.header == "Check Scope" })
        #expect(column.concept == .rowFilter, "\(column)")
        #expect(section.column(for: .status)?.header == "Status")
    }

    @Test func operationWordsAreLearnedFromTheRepairSQL() throws {
        let (_, section) = try section([
            ["Database", "Table", "Operation", "Repair SQL", "SQL State"],
            ["shop", "t", "Nachtrag", "INSERT INTO `shop`.`t` VALUES (1);", "SUCCESS"],
            ["shop", "t", "Korrektur", "UPDATE `shop`.`t` SET a = 1 WHERE id = 2;", "SUCCESS"],
            ["shop", "t", "Korrektur", "update `shop`.`t` SET a = 2 WHERE id = 3;", "FAILED"],
            ["shop", "t", "Nachtrag", "REPLACE INTO `shop`.`t` VALUES (4);", "SUCCESS"],
            ["shop", "t", "Löschung", "DELETE FROM `shop`.`t` WHERE id = 5;", "SUCCESS"],
        ], name: "Repair SQL")
        #expect(section.kind == .repairStatements)
        let column = try #require(section.column(for: .operation))
        let learned = Dictionary(uniqueKeysWithValues: (column.learned ?? []).map { ($0.text, $0.value) })
        #expect(learned == ["Nachtrag": "insert", "Korrektur": "update", "Löschung": "delete"])
        #expect(column.learned?.first { $0.text == "Korrektur" }?.evidence == "its repair SQL is UPDATE on 2 sampled rows")
    }

    @Test func aColumnOfAPersonsNamesIsNeverReadByItsValues() throws {
        let (_, section) = try section([
            ["Source Table", "Source Rows", "Destination Rows", "Reviewer", "Status"],
            ["a", 10, 10, "Li", "Consistent"], ["b", 10, 7, "Wang", "Inconsistent"], ["c", 5, 5, "Li", "Consistent"],
            ["d", 6, 6, "Wang", "Consistent"],
        ])
        #expect(section.columns.first { $0.header == "Reviewer" }?.concept == nil)
    }

    @Test func unknownResultWordsAreLearnedFromTheCounts() throws {
        let (file, section) = try section([
            ["Source Table", "Source Rows", "Destination Rows", "Verdict"],
            ["a", 10, 10, "OK"], ["b", 10, 7, "NG"], ["c", 5, 5, "OK"], ["d", 4, 9, "NG"], ["e", "", "", "N/A"], ["f", 3, 3, "OK"],
        ])
        let column = try #require(section.column(for: .status))
        let learned = Dictionary(uniqueKeysWithValues: (column.learned ?? []).map { ($0.text, $0.value) })
        #expect(learned == ["OK": "consistent", "NG": "inconsistent", "N/A": "cannot_compare"])
        #expect(column.learned?.first?.evidence.contains("3 sampled rows where the counts agree") == true, "\(column.learned ?? [])")
        let records = try LostColumnTests.records(file, section)
        guard case .tableRowCount(let first) = records[0], case .tableRowCount(let second) = records[1] else { Issue.record("\(records)"); return }
        #expect(first.status?.value == .consistent && first.status?.inferred == true && first.status?.text == "OK")
        #expect(second.status?.value == .inconsistent)
        #expect(records.map(\.category) == [.consistent, .inconsistent, .consistent, .inconsistent, .incomplete, .consistent])
    }

    @Test func aWordAndItsNegationMeanOppositeThings() throws {
        // 不通过 stands where the row counts differ; 通过 only on a database summary that has no
        // count of inconsistent tables to judge by, but its negation is known.
        let path = try FixtureWorkbook.write([
            .init(name: "表级", rows: [["源表名", "源库行数", "目标库行数", "对比结果"], ["a", 10, 7, "不通过"], ["b", 9, 8, "不通过"], ["c", 5, 5, "一致"]]),
            .init(name: "库级", rows: [["源库名", "目标库名", "对比表数量", "对比结果"], ["db1", "db1", 3, "通过"], ["db2", "db2", 4, "通过"]]),
        ])
        let report = try ReportWorkbook(path: path).report
        #expect(report.sections.map(\.kind) == [.tableRowCounts, .databaseSummary])
        let tables = Dictionary(uniqueKeysWithValues: (report.sections[0].column(for: .status)?.learned ?? []).map { ($0.text, $0.value) })
        let databases = report.sections[1].column(for: .status)?.learned ?? []
        #expect(tables["不通过"] == "inconsistent")
        #expect(databases.map(\.text) == ["通过"] && databases.first?.value == "consistent")
        #expect(databases.first?.evidence.contains("negates") == true, "\(databases)")
    }

    @Test func aLoneFailureWordIsAVerdictOnlyWhereTheRowsSaySo() throws {
        let (_, section) = try section([
            ["Source Table", "Source Rows", "Destination Rows", "Check"],
            ["a", 10, 10, "PASS"], ["b", 10, 7, "FAIL"], ["c", 5, 8, "FAIL"], ["d", 5, 5, "ERROR"], ["e", 6, 6, "PASS"],
        ])
        let learned = Dictionary(uniqueKeysWithValues: (section.column(for: .status)?.learned ?? []).map { ($0.text, $0.value) })
        #expect(learned["FAIL"] == "inconsistent")
        #expect(learned["PASS"] == "consistent")
        // An error word on agreeing counts never becomes a success.
        #expect(learned["ERROR"] == nil)
        #expect(ValueVocabulary.standard.status(text: "ERROR", objects: false) == .failed)
    }

    @Test func aValueResultsLastUnknownWordIsTheOtherOne() throws {
        let (_, section) = try section([
            ["Source Table", "Source Rows", "Destination Rows", "Row Comparison Result", "Value Comparison Result"],
            ["a", 10, 10, "Consistent", "Alike"], ["b", 10, 7, "Inconsistent", "Apart"], ["c", 5, 5, "Consistent", "Apart"],
            ["d", 6, 6, "Consistent", "Alike"],
        ])
        #expect(section.kind == .tableValues)
        let learned = section.column(for: .valueResult)?.learned ?? []
        #expect(Dictionary(uniqueKeysWithValues: learned.map { ($0.text, $0.value) }) == ["Apart": "inconsistent", "Alike": "consistent"])
        // Agreeing counts say nothing of the values: "Alike" is learned as the column's other word.
        #expect(learned.first { $0.text == "Alike" }?.evidence.contains("other words") == true, "\(learned)")
    }

    @Test func aWorkbooksOwnSideWordIsLearnedFromItsParallelHeaders() throws {
        let path = try FixtureWorkbook.write([.init(name: "行数", rows: [
            ["来源库名", "落地库名", "来源表", "落地表", "来源行数", "落地行数", "结论"],
            ["db", "db", "t1", "t1", 10, 10, "一致"],
            ["db", "db", "t2", "t2", 10, "", "落地表不存在"],
        ])])
        let file = try ReportWorkbook(path: path)
        let section = try #require(file.report.sections.first)
        #expect(LostColumnTests.concepts(section) == ["source_database", "target_database", "source_table", "target_table", "source_rows",
                                                      "target_rows", "status"])
        let target = try #require(section.column(for: .targetTable))
        #expect(target.inferred == true && target.evidence?.contains("落地") == true && target.evidence?.contains("target side") == true,
                "\(target.evidence ?? "")")
        guard case .tableRowCount(let second) = try LostColumnTests.records(file, section)[1] else { Issue.record("no record"); return }
        #expect(second.status?.value == .targetTableMissing)
    }
}

/// The compare type comes from how well each type explains the sheets together.
struct CompareTypeReasoningTests {
    @Test func aValueReportWhosePerTableResultsAreUnreadableIsStillAValueReport() throws {
        let path = try FixtureWorkbook.write([
            .init(name: "Tables", rows: [
                ["Source Table", "Source Rows", "Destination Rows", "Quux", "Notes"],
                ["a", 10, 10, "", ""], ["b", 10, 7, "", "see differences"],
            ]),
            .init(name: "Rows", rows: [
                ["Source Table", "Difference Type", "Key Values", "Column", "Source Value", "Target Value"],
                ["b", "Only in source", "id=1", "", "", ""], ["b", "Both differ", "id=2", "amount", "1", "2"],
            ]),
        ])
        let report = try ReportWorkbook(path: path).report
        #expect(report.sections.map(\.kind) == [.tableRowCounts, .valueDifferences])
        #expect(report.compareType == .values)
        #expect(report.notes.isEmpty)
    }

    @Test func rowCountSheetsAloneMakeARowComparison() throws {
        let path = try FixtureWorkbook.write([.init(name: "Tables", rows: [
            ["Source Table", "Source Rows", "Destination Rows", "Status"], ["a", 10, 10, "Consistent"],
        ])])
        #expect(try ReportWorkbook(path: path).report.compareType == .lines)
    }
}
