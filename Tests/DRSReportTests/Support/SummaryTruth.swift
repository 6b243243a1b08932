import Foundation
@testable import DRSReport

/// What a test-bed workbook's summary must say (the truth file's `summary`, made by
/// scripts/make_testbed.py from the truth of every cell), compared with what drsdiff says, as
/// scripts/score_testbed.py compares them: the verdict, the compare type, each kind's counts, each
/// database's, the largest row differences, every table that could not be compared with the
/// report's own reason, the object types.
enum SummaryTruth {
    /// Every way `got` differs from `want`; empty when the summary is fully right.
    static func misses(want: [String: Any], got: ReportSummary) -> [String] {
        var misses: [String] = []
        if got.verdict.rawValue != want["verdict"] as? String { misses.append("verdict \(got.verdict.rawValue), not \(want["verdict"]!)") }
        if got.compareType?.rawValue != want["compare_type"] as? String {
            misses.append("compare type \(got.compareType?.rawValue ?? "-"), not \(want["compare_type"]!)")
        }
        misses += sections(want: want["sections"] as! [[String: Any]], got: got.sections)
        misses += databases(want: want["databases"] as! [[String: Any]], got: got.databases)
        misses += topTables(want: want["top_tables"] as! [[String: Any]], got: got.topTables)
        misses += uncomparable(want: want["uncomparable"] as! [[String: Any]], got: got.uncomparable)
        misses += objectTypes(want: want["object_types"] as! [[String: Any]], got: got.objectTypes)
        return misses
    }

    private static func sections(want: [[String: Any]], got: [SectionCounts]) -> [String] {
        var byKind = Dictionary(got.map { ($0.kind.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        var misses: [String] = []
        for expected in want {
            let kind = expected["kind"] as! String
            guard let found = byKind.removeValue(forKey: kind) else { misses.append("no \(kind) section"); continue }
            let pairs = [("records", found.records), ("consistent", found.consistent),
                         ("inconsistent", found.inconsistent), ("incomplete", found.incomplete)]
            for (name, value) in pairs where value != expected[name] as! Int {
                misses.append("\(kind) \(name) \(value), not \(expected[name]!)")
            }
        }
        return misses + byKind.keys.sorted().map { "unexpected \($0) section" }
    }

    private static func databases(want: [[String: Any]], got: [DatabaseCounts]) -> [String] {
        var byName = Dictionary(got.map { ($0.database, $0) }, uniquingKeysWith: { first, _ in first })
        var misses: [String] = []
        for expected in want {
            let name = expected["database"] as! String
            guard let found = byName.removeValue(forKey: name) else { misses.append("no database \(name)"); continue }
            let pairs = [("tables", Int64(found.tables)), ("consistent", Int64(found.consistent)),
                         ("inconsistent", Int64(found.inconsistent)), ("incomplete", Int64(found.incomplete)),
                         ("row_difference", found.rowDifference)]
            for (field, value) in pairs where value != (expected[field] as! NSNumber).int64Value {
                misses.append("database \(name) \(field) \(value), not \(expected[field]!)")
            }
        }
        return misses + byName.keys.sorted().map { "unexpected database \($0)" }
    }

    private static func topTables(want: [[String: Any]], got: [TableDifference]) -> [String] {
        let found = got.map { "\($0.database ?? "-").\($0.table ?? "-") \($0.difference)" }
        let expected = want.map { "\($0["database"] as? String ?? "-").\($0["table"] as? String ?? "-") \(($0["difference"] as! NSNumber).int64Value)" }
        return found == expected ? [] : ["top tables \(found), not \(expected)"]
    }

    private static func uncomparable(want: [[String: Any]], got: [UncomparableTable]) -> [String] {
        let found = got.map { "\($0.database ?? "").\($0.table ?? ""): \($0.reason)" }.sorted()
        let expected = want.map { "\($0["database"] as? String ?? "").\($0["table"] as? String ?? ""): \($0["reason"] as! String)" }.sorted()
        return found == expected ? [] : ["uncomparable \(found.filter { !expected.contains($0) }) instead of \(expected.filter { !found.contains($0) })"]
    }

    private static func objectTypes(want: [[String: Any]], got: [ObjectTypeCounts]) -> [String] {
        var byName = Dictionary(got.map { ($0.objectType, $0) }, uniquingKeysWith: { first, _ in first })
        var misses: [String] = []
        for expected in want {
            let name = expected["object_type"] as! String
            guard let found = byName.removeValue(forKey: name) else { misses.append("no object type \(name)"); continue }
            let counts: [(String, Int64?)] = [("source_count", found.sourceCount), ("target_count", found.targetCount),
                                              ("objects", Int64(found.objects)), ("inconsistent_objects", Int64(found.inconsistentObjects)),
                                              ("incomplete_objects", Int64(found.incompleteObjects))]
            for (field, value) in counts where value != (expected[field] as? NSNumber)?.int64Value {
                misses.append("object type \(name) \(field) \(value.map(String.init) ?? "nil"), not \(expected[field]!)")
            }
            let status: String? = found.status.map { $0.value.code.map(String.init) ?? $0.value.name }
            let expectedStatus: String? = (expected["status"] as? NSNumber).map { "\($0.intValue)" } ?? expected["status"] as? String
            if status != expectedStatus { misses.append("object type \(name) status \(status ?? "nil"), not \(expectedStatus ?? "nil")") }
        }
        return misses + byName.keys.sorted().map { "unexpected object type \($0)" }
    }
}
