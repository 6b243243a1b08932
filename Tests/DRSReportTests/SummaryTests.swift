import Testing
import Foundation
@testable import DRSReport

struct SummaryTests {
    /// drs-api.md §3 codes by what they mean for a verdict (see ComparisonStatus.category).
    static func category(ofCode code: Int) -> StatusCategory {
        if [2, 10].contains(code) { return .consistent }
        if [0, 3, 8, 9, 11, 12, 21, 22].contains(code) { return .inconsistent }
        return .incomplete
    }

    @Test(arguments: Repository.reportSamples)
    func countsPerSectionFollowTheTruth(_ name: String) throws {
        let truth = try SampleTruth(name)
        let summary = try ReportWorkbook(path: Repository.reportSample(name)).summary()
        try #require(summary.sections.count == truth.sections.count)
        for (expected, counts) in zip(truth.sections, summary.sections) {
            let rows = expected["rows"] as! [[String: Any]]
            #expect(counts.records == rows.count)
            let kind = expected["kind"] as! String
            var want: [StatusCategory: Int] = [:]
            for row in rows {
                let values = row["values"] as! [String: Any]
                let codes = ["status", "row_result", "value_result"].compactMap { values[$0] as? Int }
                if kind == "cannot_compare" { want[.incomplete, default: 0] += 1 }
                else if kind == "value_differences" { want[.inconsistent, default: 0] += 1 }
                else if let worst = codes.map(SummaryTests.category(ofCode:)).max() { want[worst, default: 0] += 1 }
            }
            if kind.hasPrefix("repair") { continue }
            #expect(counts.consistent == want[.consistent] ?? 0, "\(name) \(kind)")
            #expect(counts.inconsistent == want[.inconsistent] ?? 0, "\(name) \(kind)")
            #expect(counts.incomplete == want[.incomplete] ?? 0, "\(name) \(kind)")
            #expect(counts.statuses.map(\.count).reduce(0, +) == (["value_differences"].contains(kind) ? 0 : rows.count))
        }
        // Every sample has a failure, a timeout, a missing table or an unrun repair somewhere.
        #expect(summary.verdict == .incomplete, "\(name): \(summary.reasons)")
    }

    @Test func topTablesAreTheLargestAbsoluteDifferencesInReportOrder() throws {
        let truth = try SampleTruth("lines_en-us")
        let rows = (truth.sections.first { $0["kind"] as? String == "table_row_counts" }!["rows"] as! [[String: Any]])
        let expected = rows.compactMap { row -> (String, Int)? in
            let values = row["values"] as! [String: Any]
            guard let difference = values["difference"] as? Int, difference != 0 else { return nil }
            return (values["source_table"] as! String, difference)
        }.enumerated().sorted { (abs($0.element.1), -$0.offset) > (abs($1.element.1), -$1.offset) }.prefix(5).map(\.element)
        let summary = try ReportWorkbook(path: Repository.reportSample("lines_en-us")).summary(top: 5)
        #expect(summary.topTables.map(\.table!) == expected.map(\.0))
        #expect(summary.topTables.map(\.difference) == expected.map { Int64($0.1) })
    }

    @Test func uncomparableTablesAreListedWithTheirReason() throws {
        let summary = try ReportWorkbook(path: Repository.reportSample("lines_zh-cn")).summary()
        let truth = try SampleTruth("lines_zh-cn")
        let cannot = truth.sections.first { $0["kind"] as? String == "cannot_compare" }!["rows"] as! [[String: Any]]
        for row in cannot {
            let values = row["values"] as! [String: Any]
            let entry = summary.uncomparable.first { $0.table == values["source_table"] as? String && $0.sheet == row["sheet"] as? String }
            #expect(entry != nil)
            let message = values["message"] as? String ?? ""
            #expect(entry?.reason == (message.isEmpty ? (row["raw"] as! [String: String])["status"] : message))
        }
        #expect(summary.uncomparableCount == summary.uncomparable.count)
        #expect(summary.databases.contains { $0.status?.value == .targetDatabaseMissing })
    }

    @Test func valueDifferencesAreCountedByKindAndTable() throws {
        let truth = try SampleTruth("contents_en-us")
        let rows = truth.sections.first { $0["kind"] as? String == "value_differences" }!["rows"] as! [[String: Any]]
        let kinds = rows.map { ($0["values"] as! [String: Any])["difference_kind"] as! String }
        let summary = try ReportWorkbook(path: Repository.reportSample("contents_en-us")).summary()
        let counts = try #require(summary.valueDifferences)
        #expect(counts.total == rows.count)
        #expect(counts.onlyInSource == kinds.filter { $0 == "only_in_source" }.count)
        #expect(counts.onlyInTarget == kinds.filter { $0 == "only_in_target" }.count)
        #expect(counts.bothDiffer == kinds.filter { $0 == "both_differ" }.count)
        #expect(counts.tables.map(\.count).reduce(0, +) == rows.count)
        #expect(counts.tables.map(\.count) == counts.tables.map(\.count).sorted(by: >))
    }

    @Test func repairCountsAddUp() throws {
        let truth = try SampleTruth("repair_data_zh-cn")
        let progress = truth.sections.first { $0["kind"] as? String == "repair_progress" }!["rows"] as! [[String: Any]]
        let statements = truth.sections.first { $0["kind"] as? String == "repair_statements" }!["rows"] as! [[String: Any]]
        let summary = try ReportWorkbook(path: Repository.reportSample("repair_data_zh-cn")).summary()
        let repair = try #require(summary.repair)
        #expect(repair.statements == statements.count)
        #expect(repair.totalRows == Int64(progress.map { ($0["values"] as! [String: Any])["total_rows"] as! Int }.reduce(0, +)))
        #expect(repair.failedRows == Int64(progress.map { ($0["values"] as! [String: Any])["failed_rows"] as! Int }.reduce(0, +)))
        #expect(repair.operations.map(\.name) == ["delete", "insert", "update"])
        #expect(repair.states.first { $0.name == "failed" }?.count == statements.filter { ($0["values"] as! [String: Any])["sql_state"] as? String == "失败" }.count)
        #expect(!repair.tablesWithFailures.isEmpty)
    }

    @Test func allConsistentIsConsistentAndADifferenceIsInconsistent() throws {
        let header: [FixtureWorkbook.Cell] = ["Source Database", "Source Table", "Source Rows", "Destination Rows", "Difference", "Status"]
        let consistent = try FixtureWorkbook.write([.init(name: "Tables", rows: [
            header, ["shop", "orders", 10, 10, 0, "Consistent"], ["shop", "items", "1,234", "1234.0", "0", "一致"],
        ])])
        #expect(try ReportWorkbook(path: consistent).summary().verdict == .consistent)

        let inconsistent = try FixtureWorkbook.write([.init(name: "Tables", rows: [
            header, ["shop", "orders", 10, 10, 0, "Consistent"], ["shop", "items", 12, 10, 2, "Inconsistent"],
        ])])
        let summary = try ReportWorkbook(path: inconsistent).summary()
        #expect(summary.verdict == .inconsistent)
        #expect(summary.reasons == ["1 of 2 tables inconsistent (table_row_counts)"])
        #expect(summary.topTables.map(\.table) == ["items"])
        #expect(summary.databases.map(\.rowDifference) == [2])
    }

    @Test func aWorkbookWithoutResultsIsIncomplete() throws {
        let summary = try ReportWorkbook(path: Repository.readerSamples[0]).summary()
        #expect(summary.verdict == .incomplete)
        #expect(summary.reasons == ["no comparison results found"])
    }

    @Test func topTablesKeepTheFirstOfEqualDifferences() {
        var top = TopTables(limit: 2)
        for (table, difference) in [("a", 5), ("b", -7), ("c", 7), ("d", 5), ("e", 1)] {
            top.offer(TableDifference(database: nil, table: table, sourceRows: nil, targetRows: nil, difference: Int64(difference),
                                      status: nil, reason: nil, sheet: "", row: 0))
        }
        #expect(top.sorted.map(\.table) == ["b", "c"])
        var none = TopTables(limit: 0)
        none.offer(TableDifference(database: nil, table: "x", sourceRows: nil, targetRows: nil, difference: 1, status: nil, reason: nil, sheet: "", row: 0))
        #expect(none.sorted.isEmpty)
    }
}

/// The summary reads rows straight from cell bytes; read from fully typed records instead, it
/// must come out the same.
struct SummaryPathTests {
    @Test(arguments: Repository.reportSamples)
    func theFastPathAgreesWithTypedRecords(_ name: String) throws {
        let file = try ReportWorkbook(path: Repository.reportSample(name))
        var builder = SummaryBuilder(report: file.report, top: 10)
        for section in file.report.sections where section.kind != .unknown {
            let records = file.records(in: section)
            while let record = try records.next() { builder.add(RecordVerdictInputs(record: record.body), in: section) }
        }
        #expect(try file.summary(top: 10) == builder.finish())
    }

    @Test func problemsAreTheRecordsThatAreNotConsistent() throws {
        let file = try ReportWorkbook(path: Repository.reportSample("lines_en-us"))
        var problems: [String] = []
        var expected: [String] = []
        try file.forEachRecord { section, record in
            if section.kind != .unknown, record.category != .consistent { expected.append("\(record.sheet)!\(record.row)") }
        }
        _ = try file.summary { _, record in problems.append("\(record.sheet)!\(record.row)") }
        #expect(!problems.isEmpty && problems == expected)
        var tablesOnly: [SectionKind] = []
        _ = try file.summary(problemsIn: [.tableRowCounts]) { section, _ in tablesOnly.append(section.kind) }
        #expect(!tablesOnly.isEmpty && tablesOnly.allSatisfy { $0 == .tableRowCounts })
    }
}
