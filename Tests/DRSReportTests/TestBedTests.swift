import TestPacing
import Testing
import Foundation
@testable import DRSReport

/// The recognition test bed (samples/testbed, made by scripts/make_testbed.py): the report samples
/// reworded with other vocabularies in both languages, other layouts and other writers. Scored as
/// scripts/score_testbed.py scores them, and held to the bars of issue 16: on the development set
/// every sheet the right kind, every compare type right, at least 99.5 % of the columns and values
/// right; on every vocabulary, development and held out, every summary fully right (what
/// `summary` says: verdict, counts, databases, largest differences, uncomparable tables and why,
/// object types, against the truth file's `summary`).
@Suite(.heavy) struct TestBedTests {
    struct Score: CustomStringConvertible {
        var right: [String: Int] = [:]
        var total: [String: Int] = [:]
        var misses: [String] = []

        mutating func add(_ what: String, _ ok: Bool, _ miss: @autoclosure () -> String) {
            total[what, default: 0] += 1
            if ok { right[what, default: 0] += 1 } else if misses.count < 20 { misses.append(miss()) }
        }

        func share(_ what: String) -> Double {
            let total = total[what] ?? 0
            return total == 0 ? 1 : Double(right[what] ?? 0) / Double(total)
        }

        var description: String {
            ["sheets", "columns", "records", "values", "compare type", "summaries"].map { what in
                "\(what) \(right[what] ?? 0)/\(total[what] ?? 0)"
            }.joined(separator: ", ") + (misses.isEmpty ? "" : "; first misses: " + misses.joined(separator: "; "))
        }
    }

    static func workbooks(_ group: String) -> [String] {
        let directory = Repository.path("samples/testbed/" + group)
        guard let names = FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] else { return [] }
        return names.filter { $0.hasSuffix(".truth.json") }.map { directory + "/" + $0 }.sorted()
    }

    @Test func theTestBedIsThere() {
        #expect(TestBedTests.workbooks("dev").count >= 20)
        #expect(TestBedTests.workbooks("heldout").count >= 10)
    }

    @Test func theDevelopmentSetMeetsTheBars() throws {
        let score = try TestBedTests.score(TestBedTests.workbooks("dev"))
        #expect(score.share("sheets") == 1, "\(score)")
        #expect(score.share("compare type") == 1, "\(score)")
        #expect(score.share("columns") >= 0.995, "\(score)")
        #expect(score.share("records") >= 0.995, "\(score)")
        #expect(score.share("values") >= 0.995, "\(score)")
        #expect(score.share("summaries") == 1, "\(score)")
        #expect(score.total["summaries"] == TestBedTests.workbooks("dev").count, "every truth file states its summary")
    }

    @Test func everyHeldOutSummaryIsRight() throws {
        let score = try TestBedTests.score(TestBedTests.workbooks("heldout"))
        #expect(score.share("summaries") == 1, "\(score)")
        #expect(score.total["summaries"] == TestBedTests.workbooks("heldout").count, "every truth file states its summary")
    }

    static func score(_ truths: [String]) throws -> Score {
        var score = Score()
        for path in truths {
            let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
            let workbook = String(path.dropLast(".truth.json".count)) + ".xlsx"
            let name = URL(fileURLWithPath: workbook).deletingLastPathComponent().lastPathComponent + "/" + URL(fileURLWithPath: workbook).lastPathComponent
            let file = try ReportWorkbook(path: workbook)
            try score.add(truth, file, name)
        }
        return score
    }
}

extension TestBedTests.Score {
    mutating func add(_ truth: [String: Any], _ file: ReportWorkbook, _ name: String) throws {
        let report = file.report
        var bySheet: [String: ReportSection] = [:]
        for section in report.sections { for sheet in section.sheets { bySheet[sheet.name] = section } }
        var positions: Set<String> = []
        for expected in truth["sections"] as! [[String: Any]] {
            let kind = expected["kind"] as! String
            let sheets = expected["sheets"] as! [[String: Any]]
            for sheet in sheets {
                let found = bySheet[sheet["name"] as! String]
                add("sheets", found?.kind.rawValue == kind, "\(name) \(sheet["name"]!) is \(found?.kind.rawValue ?? "-"), not \(kind)")
            }
            let section = bySheet[sheets[0]["name"] as! String]
            for column in expected["columns"] as! [[String: Any]] {
                let concept = column["concept"] as? String
                let found = section?.columns.first { $0.index == column["index"] as! Int }?.concept?.rawValue
                add("columns", found == concept, "\(name) \"\(column["header"]!)\" is \(found ?? "-"), not \(concept ?? "-")")
            }
            var records: [String: ReportRecord] = [:]
            if let section, section.kind != .unknown {
                let reader = file.records(in: section)
                while let record = try reader.next() { records["\(record.sheet)!\(record.row)"] = record }
            }
            for row in expected["rows"] as! [[String: Any]] {
                let position = "\(row["sheet"]!)!\(row["row"]!)"
                positions.insert(position)
                let record = records[position]
                add("records", record?.kind.rawValue == kind, "\(name) \(position): no \(kind) record")
                for (concept, want) in row["values"] as! [String: Any] {
                    let want: Any? = want is NSNull ? nil : want
                    if concept.hasPrefix("extra:") {
                        guard let want = want as? String else { continue }
                        let header = String(concept.dropFirst("extra:".count))
                        let found = record?.body.extra.contains { $0.header == header && $0.value == want } ?? false
                        add("values", found, "\(name) \(position) extra \(header) missing")
                        continue
                    }
                    let found = record.flatMap { TestBedTests.meaning(of: ColumnConcept(rawValue: concept)!, in: $0) }
                    if want == nil && found == nil { continue }
                    add("values", SampleTruth.same(found, want), "\(name) \(position) \(concept): want \(want ?? "nil"), got \(found ?? "nil")")
                }
            }
        }
        for section in report.sections where section.kind != .unknown {
            let reader = file.records(in: section)
            while let record = try reader.next() {
                guard !positions.contains("\(record.sheet)!\(record.row)") else { continue }
                add("records", false, "\(name) stray record \(record.sheet)!\(record.row)")
            }
        }
        let type = truth["compare_type"] as! String
        add("compare type", report.compareType?.rawValue == type, "\(name) compare type \(report.compareType?.rawValue ?? "-"), not \(type)")
        if let expected = truth["summary"] as? [String: Any] {
            let misses = SummaryTruth.misses(want: expected, got: try file.summary())
            add("summaries", misses.isEmpty, "\(name) summary: \(misses.joined(separator: "; "))")
        }
    }
}

extension TestBedTests {
    /// A record's value for a concept, in the truth file's terms: statuses by code (or name where
    /// they have none), interpreted words by name, operations upper-cased, repair states by name.
    static func meaning(of concept: ColumnConcept, in record: ReportRecord) -> Any? {
        switch record.body.value(for: concept) {
        case let status as Interpreted<ComparisonStatus>: return status.value.code.map { $0 as Any } ?? status.value.name
        case let type as Interpreted<ObjectType>: return type.value.name
        case let kind as Interpreted<DifferenceKind>: return kind.value.name
        case let operation as Interpreted<RepairOperation>: return operation.value.name.uppercased()
        case let state as Interpreted<RepairState>: return [state.value.name, state.text]
        case let existence as Interpreted<ObjectExistence>: return existence.value.name
        case let value?: return value
        case nil: return nil
        }
    }
}
