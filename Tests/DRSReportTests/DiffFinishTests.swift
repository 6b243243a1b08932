import DRSReport
import Testing

/// `ReportDiff.finish()`: the outcome without a force unwrap, however much of the diff was read.
struct DiffFinishTests {
    static func diff(_ name: String = "lines_en-us") throws -> ReportDiff {
        try ReportDiff(old: ReportWorkbook(path: Repository.path("samples/diff/\(name).before.xlsx")),
                       new: ReportWorkbook(path: Repository.path("samples/diff/\(name).after.xlsx")))
    }

    @Test(arguments: ["lines_en-us", "contents_zh-cn", "objects_comparison_en-us", "repair_data_en-us"])
    func finishingAtAnyPointGivesTheSameOutcome(_ name: String) throws {
        let complete = try Self.diff(name).forEachChange { _ in }

        let untouched = try Self.diff(name)
        #expect(untouched.outcome == nil)
        #expect(try untouched.finish() == complete)
        #expect(untouched.outcome == complete)

        let partly = try Self.diff(name)
        _ = try partly.next()
        #expect(partly.outcome == nil)
        #expect(try partly.finish() == complete)

        let drained = try Self.diff(name)
        var changes = 0
        while try drained.next() != nil { changes += 1 }
        #expect(drained.outcome == complete)
        #expect(try drained.finish() == complete)
        #expect(try drained.next() == nil)
        #expect(changes == complete.counts.filter { $0.change != .unchanged }.map(\.total).reduce(0, +))
    }
}
