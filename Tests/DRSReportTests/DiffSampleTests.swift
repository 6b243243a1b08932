import TestPacing
import Testing
import Foundation
@testable import DRSReport

/// Each before/after pair of samples/diff gives exactly the changes its truth file states
/// (worked out by scripts/make_diff_samples.py from the cells' meaning, not by drsdiff): every
/// entry's change, entity, key and regression, in order, and the verdict.
@Suite(.heavy) struct DiffSampleTests {
    @Test func everyPairIsThere() {
        #expect(DiffSamples.names.count == 10)
    }

    @Test(arguments: DiffSamples.names)
    func changesFollowTheTruth(_ name: String) throws {
        let truth = try DiffSamples.truth(name)
        let diff = try ReportDiff(old: ReportWorkbook(path: DiffSamples.before(name)), new: ReportWorkbook(path: DiffSamples.after(name)),
                                  options: ReportDiff.Options(includeUnchanged: true))
        var got: [String] = []
        try diff.forEachChange { change in
            got.append("\(change.kind.rawValue) \(change.entity.rawValue) \(change.isRegression) \(DiffSampleTests.describe(change.key))")
        }
        let want = try (truth["changes"] as! [[String: Any]]).map { entry -> String in
            let key = try JSONDecoder().decode(DiffKey.self, from: JSONSerialization.data(withJSONObject: entry["key"]!))
            return "\(entry["change"]!) \(entry["entity"]!) \(entry["regression"] as! Bool) \(DiffSampleTests.describe(key))"
        }
        #expect(got.count == want.count, "\(name)")
        for (index, (a, b)) in zip(got, want).enumerated() where a != b {
            Issue.record("\(name) change \(index + 1): got \(a), want \(b)")
            break
        }
        let outcome = try #require(diff.outcome)
        #expect(outcome.verdict.rawValue == truth["verdict"] as? String)
        #expect(outcome.old.verdict.rawValue == truth["old_verdict"] as? String)
        #expect(outcome.new.verdict.rawValue == truth["new_verdict"] as? String)
        #expect(outcome.regressions == truth["regressions"] as? Int)
        let counts = truth["counts"] as! [String: Int]
        for kind in ChangeKind.allCases {
            #expect(outcome.count(of: kind) == counts[kind.rawValue], "\(name) \(kind)")
            #expect(outcome.count(of: kind) > 0, "\(name): no \(kind) change")
        }
    }

    /// `next()` pulls the new report row by row, `forEachChange` has it pushed on the fast path:
    /// the same changes either way, records included.
    @Test(arguments: DiffSamples.names)
    func pullingAndPushingGiveTheSameChanges(_ name: String) throws {
        let open = { try ReportDiff(old: ReportWorkbook(path: DiffSamples.before(name)), new: ReportWorkbook(path: DiffSamples.after(name)),
                                    options: ReportDiff.Options(includeUnchanged: true)) }
        var pushed: [DiffChange] = []
        let pushedOutcome = try open().forEachChange { pushed.append($0) }
        let puller = try open()
        var pulled: [DiffChange] = []
        while let change = try puller.next() { pulled.append(change) }
        #expect(pulled == pushed)
        #expect(puller.outcome == pushedOutcome)
    }

    private static func describe(_ key: DiffKey) -> String {
        [key.database, key.table, key.objectType, key.name, key.keyValues, key.column, key.operation].map { $0 ?? "∅" }.joined(separator: "|")
    }
}
