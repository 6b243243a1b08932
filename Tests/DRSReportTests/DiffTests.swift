import Testing
import Foundation
@testable import DRSReport

/// `ReportDiff` on small value-comparison reports made for each rule: keys, classes, the state of
/// a row's table, duplicates, collisions, the verdict.
struct DiffTests {
    typealias Row = [FixtureWorkbook.Cell]

    static let tableHeader: Row = ["Source Database", "Source Table", "Rows in Source", "Rows in Target", "Different Rows",
                                   "Row Comparison Result", "Value Comparison Result"]
    static let diffHeader: Row = ["Source Database", "Source Table", "Difference Type", "Key Values", "Column Name",
                                  "Source Value", "Target Value"]
    static let cannotHeader: Row = ["Source Database", "Source Table", "Status", "Remarks"]

    /// A value-comparison report: per-table results, tables that could not be compared, differing rows.
    static func report(tables: [Row], cannot: [Row] = [], rows: [Row] = [], name: String) throws -> ReportWorkbook {
        var sheets: [FixtureWorkbook.Sheet] = [.init(name: "Table Results", rows: [tableHeader] + tables)]
        if !cannot.isEmpty { sheets.append(.init(name: "Cannot Be Compared", rows: [cannotHeader] + cannot)) }
        sheets.append(.init(name: "Value Differences", rows: [diffHeader] + rows))
        return try ReportWorkbook(path: FixtureWorkbook.write(sheets, name: name))
    }

    static func consistent(_ table: String, _ rows: Int = 10) -> Row { ["shop", .text(table), .number(Double(rows)), .number(Double(rows)), 0, "Consistent", "Consistent"] }
    static func inconsistent(_ table: String, _ source: Int, _ target: Int) -> Row {
        ["shop", .text(table), .number(Double(source)), .number(Double(target)), .number(Double(source - target)), source == target ? "Consistent" : "Inconsistent", "Inconsistent"]
    }
    static func row(_ table: String, _ key: String, _ column: String, _ source: String = "a", _ target: String = "b") -> Row {
        ["shop", .text(table), "Both differ", .text(key), .text(column), .text(source), .text(target)]
    }

    static func changes(_ diff: ReportDiff) throws -> [DiffChange] {
        var all: [DiffChange] = []
        try diff.forEachChange { all.append($0) }
        return all
    }

    static func summary(_ changes: [DiffChange]) -> [String] {
        changes.map { "\($0.kind.rawValue) \($0.entity.rawValue) \($0.key.label)\($0.isRegression ? " !" : "")" }
    }

    @Test func everyClassOfTablesAndRows() throws {
        let old = try DiffTests.report(
            tables: [DiffTests.consistent("a"), DiffTests.inconsistent("b", 10, 8), DiffTests.inconsistent("c", 10, 8),
                     DiffTests.consistent("d"), DiffTests.inconsistent("e", 10, 9), DiffTests.consistent("gone")],
            cannot: [["shop", "f", "Timed out", "took too long"], ["shop", "g", "Timed out", ""]],
            rows: [DiffTests.row("b", "id=1", "amount"), DiffTests.row("c", "id=2", "amount"), DiffTests.row("e", "id=3", "status")],
            name: "old")
        let new = try DiffTests.report(
            tables: [DiffTests.inconsistent("a", 10, 7), DiffTests.consistent("b"), DiffTests.inconsistent("c", 10, 5),
                     DiffTests.inconsistent("e", 10, 9), DiffTests.consistent("f"), DiffTests.consistent("new")],
            cannot: [["shop", "d", "Failed to connect to the source database", ""], ["shop", "g", "Timed out", ""]],
            rows: [DiffTests.row("a", "id=9", "amount"), DiffTests.row("c", "id=2", "amount", "a", "c"), DiffTests.row("new", "id=5", "x")],
            name: "new")
        let diff = try ReportDiff(old: old, new: new)
        let changes = try DiffTests.changes(diff)
        #expect(DiffTests.summary(changes) == [
            "newly_inconsistent table shop.a !",
            "resolved table shop.b",
            "still_inconsistent table shop.c !",         // difference 2 -> 5: larger
            "still_inconsistent table shop.e",           // 1 -> 1
            "compared_again table shop.f",
            "added table shop.new",
            "newly_not_comparable table shop.d !",
            "still_not_comparable table shop.g",
            "newly_inconsistent value_difference shop.a id=9 amount !",
            "still_inconsistent value_difference shop.c id=2 amount",
            "added value_difference shop.new id=5 x !",
            "removed table shop.gone",
            "resolved value_difference shop.b id=1 amount",
            "resolved value_difference shop.e id=3 status",
        ])
        let still = try #require(changes.first { $0.key.table == "c" && $0.entity == .table })
        #expect(still.rowDifference?.old == 2 && still.rowDifference?.new == 5)
        #expect(still.oldSize == 2 && still.newSize == 5)
        let row = try #require(changes.first { $0.entity == .valueDifference && $0.key.table == "c" })
        guard case .valueDifference(let before)? = row.old, case .valueDifference(let after)? = row.new else { Issue.record("records"); return }
        #expect(before.targetValue == "b" && after.targetValue == "c")
        let newRow = try #require(changes.first { $0.key.keyValues == "id=9" })
        #expect(newRow.old == nil && newRow.oldState == .consistent && newRow.newState == .inconsistent)

        let outcome = try #require(diff.outcome)
        #expect(outcome.verdict == .incomplete)   // timeouts on both sides
        #expect(outcome.regressions == 5)
        #expect(outcome.count(of: .unchanged) == 0)
        #expect(outcome.count(of: .stillInconsistent) == 3)
        #expect(outcome.counts.first { $0.change == .resolved }?.entities.first { $0.entity == .valueDifference }?.count == 2)
        #expect(outcome.reasons.first == "5 regressions: 2 newly inconsistent, 1 still inconsistent and larger, 1 newly not comparable, 1 added and not consistent")
        #expect(outcome.old.entries == 11 && outcome.new.entries == 11)
    }

    @Test func aRowWhoseTableCouldNotBeComparedIsNotResolved() throws {
        let old = try DiffTests.report(tables: [DiffTests.inconsistent("t", 5, 5)], rows: [DiffTests.row("t", "1", "c")], name: "old")
        let new = try DiffTests.report(tables: [], cannot: [["shop", "t", "Timed out", ""]], name: "new")
        let changes = try DiffTests.changes(ReportDiff(old: old, new: new))
        #expect(DiffTests.summary(changes) == ["newly_not_comparable table shop.t !", "newly_not_comparable value_difference shop.t 1 c !"])
        let back = try DiffTests.changes(ReportDiff(old: new, new: old))
        #expect(DiffTests.summary(back) == ["compared_again table shop.t", "compared_again value_difference shop.t 1 c"])
    }

    @Test func keysIgnoreSurroundingAndRepeatedSpaceButNotCase() throws {
        let old = try DiffTests.report(tables: [DiffTests.consistent("Orders"), DiffTests.consistent("items")],
                                       rows: [], name: "old")
        let new = try DiffTests.report(tables: [DiffTests.consistent("orders"), ["shop ", " items\u{3000}", 10, 10, 0, "一致", "一致"]],
                                       rows: [], name: "new")
        let diff = try ReportDiff(old: old, new: new, options: ReportDiff.Options(includeUnchanged: true))
        #expect(DiffTests.summary(try DiffTests.changes(diff)) == ["added table shop.orders", "unchanged table shop.items", "removed table shop.Orders"])
        #expect(diff.outcome?.verdict == .noRegressions)
    }

    @Test func duplicateKeysPairInOrderOfAppearance() throws {
        let old = try DiffTests.report(tables: [DiffTests.inconsistent("t", 9, 5)],
                                       rows: [DiffTests.row("t", "", "c", "1", "x"), DiffTests.row("t", "", "c", "2", "x")], name: "old")
        let new = try DiffTests.report(tables: [DiffTests.inconsistent("t", 9, 5)],
                                       rows: [DiffTests.row("t", "", "c", "1", "y"), DiffTests.row("t", "", "c", "2", "y"), DiffTests.row("t", "", "c", "3", "y")],
                                       name: "new")
        let diff = try ReportDiff(old: old, new: new)
        let changes = try DiffTests.changes(diff)
        #expect(DiffTests.summary(changes) == ["still_inconsistent table shop.t", "still_inconsistent value_difference shop.t c",
                                               "still_inconsistent value_difference shop.t c", "newly_inconsistent value_difference shop.t c !"])
        let sources = changes.dropFirst().map { change -> String in
            guard case .valueDifference(let r)? = change.old else { return "-" }
            return r.sourceValue ?? "?"
        }
        #expect(sources == ["1", "2", "-"])
        #expect(diff.outcome?.old.duplicateKeys == 1 && diff.outcome?.new.duplicateKeys == 2)
        #expect(diff.outcome?.notes.contains { $0.contains("repeat a key") } == true)
    }

    @Test func collisionsAreToldApartByLengthAndChecksum() throws {
        let old = try DiffTests.report(tables: [DiffTests.consistent("a"), DiffTests.inconsistent("b", 3, 1)],
                                       rows: [DiffTests.row("b", "id=1", "c")], name: "old")
        let new = try DiffTests.report(tables: [DiffTests.consistent("a"), DiffTests.consistent("b")], rows: [], name: "new")
        let full = try DiffTests.changes(ReportDiff(old: old, new: new))
        var weak = ReportDiff.Options()
        weak.hashBits = 0   // every key hashes alike
        let weakDiff = try ReportDiff(old: old, new: new, options: weak)
        #expect(DiffTests.summary(try DiffTests.changes(weakDiff)) == DiffTests.summary(full))
        #expect(weakDiff.outcome?.notes.contains { $0.contains("shared a 128-bit hash") } == true)
    }

    @Test func theVerdictFollowsCheck() throws {
        let clean = try DiffTests.report(tables: [DiffTests.consistent("a"), DiffTests.inconsistent("b", 3, 2)], name: "clean")
        let worse = try DiffTests.report(tables: [DiffTests.inconsistent("a", 3, 1), DiffTests.inconsistent("b", 3, 2)], name: "worse")
        let better = try DiffTests.report(tables: [DiffTests.consistent("a"), DiffTests.consistent("b")], name: "better")
        #expect(try ReportDiff(old: clean, new: worse).forEachChange { _ in }.verdict == .regressions)
        let improved = try ReportDiff(old: clean, new: better).forEachChange { _ in }
        #expect(improved.verdict == .noRegressions)
        #expect(improved.reasons == ["nothing got worse (1 resolved)"])
        #expect(try ReportDiff(old: better, new: better).forEachChange { _ in }.verdict == .noRegressions)
    }

    @Test func differentCompareTypesCannotBeDiffed() throws {
        let values = try DiffTests.report(tables: [DiffTests.consistent("a")], name: "values")
        let rows = try ReportWorkbook(path: Repository.reportSample("lines_en-us"))
        #expect(throws: DiffError.self) { try ReportDiff(old: values, new: rows) }
        do {
            _ = try ReportDiff(old: values, new: rows)
        } catch let error as DiffError {
            #expect(error.isUsageError)
            #expect(error.description.contains("with NEW lines_en-us.xlsx (lines)"), "OLD first, NEW second, as given")
        }
    }

    @Test(arguments: Repository.reportSamples)
    func aReportAgainstItselfHasNoChanges(_ name: String) throws {
        let diff = try ReportDiff(old: ReportWorkbook(path: Repository.reportSample(name)), new: ReportWorkbook(path: Repository.reportSample(name)),
                                  options: ReportDiff.Options(includeUnchanged: true))
        let changes = try DiffTests.changes(diff)
        #expect(changes.allSatisfy { [.unchanged, .stillInconsistent, .stillNotComparable].contains($0.kind) && !$0.isRegression })
        // The old record read back from the spool is the record itself.
        #expect(changes.allSatisfy { $0.old == $0.new })
        #expect(diff.outcome?.old.entries == changes.count)
    }
}
