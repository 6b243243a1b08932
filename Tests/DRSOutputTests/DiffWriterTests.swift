import DRSReport
import Foundation
import Testing
@testable import DRSOutput

/// ``DiffWriter`` in process, on the before/after pairs of samples/diff: JSON, NDJSON and CSV as
/// the goldens have them, Markdown in the new report's language, and the several-pairs forms.
@Suite struct DiffWriterTests {
    static let pairs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Samples.path("samples/diff"))) ?? []
        return names.filter { $0.hasSuffix(".truth.json") }.map { String($0.dropLast(11)) }.sorted()
    }()

    static func diff(_ name: String) throws -> ReportDiff {
        try ReportDiff(old: ReportWorkbook(path: Samples.path("samples/diff/\(name).before.xlsx")),
                       new: ReportWorkbook(path: Samples.path("samples/diff/\(name).after.xlsx")))
    }

    static func written(_ name: String, _ format: DiffWriter.Format) throws -> (String, DiffOutcome) {
        var outcome: DiffOutcome?
        let text = try Samples.written { sink in
            let writer = DiffWriter(format: format, several: false, to: sink)
            outcome = try writer.write(diff(name))
            writer.finish()
        }
        return (text, try #require(outcome))
    }

    @Test(arguments: pairs)
    func jsonAndCSVMatchTheGoldens(_ name: String) throws {
        for (format, golden) in [(DiffWriter.Format.json, "diff.json"), (.csv, "diff.csv")] {
            let expected = try String(contentsOfFile: Samples.path("samples/diff/expected/\(name)/\(golden)"), encoding: .utf8)
            #expect(try DiffWriterTests.written(name, format).0 == expected, "\(name) \(golden)")
        }
    }

    @Test(arguments: pairs)
    func ndjsonHoldsTheSameChangesAsJSON(_ name: String) throws {
        let (json, outcome) = try DiffWriterTests.written(name, .json)
        let (ndjson, _) = try DiffWriterTests.written(name, .ndjson)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let changes = try #require(document["changes"] as? [[String: Any]])
        let lines = ndjson.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.allSatisfy { $0 != nil })
        #expect(lines.first??["kind"] as? String == "diff")
        #expect(lines.last??["kind"] as? String == "outcome")
        #expect(lines.count == changes.count + 2)
        #expect(document["regressions"] as? Int == outcome.regressions)
    }

    @Test(arguments: pairs)
    func markdownIsInTheNewReportsLanguage(_ name: String) throws {
        let (written, outcome) = try DiffWriterTests.written(name, .markdown)
        // The files' names are the user's own (`repair_data_en-us.before.xlsx`).
        let markdown = written.replacingOccurrences(of: outcome.old.file, with: "").replacingOccurrences(of: outcome.new.file, with: "")
        let words = HTMLDiffLabels.forLanguage(outcome.new.language)
        #expect(markdown.hasPrefix("## \(words.title): "))
        let verdict = try #require(words.verdicts[outcome.verdict])
        #expect(markdown.contains("**\(SummaryLabels.forLanguage(outcome.new.language).verdict)"
                                  + SummaryLabels.forLanguage(outcome.new.language).headlineParts.colon + verdict + "**"))
        for identifier in ["table_row_counts", "database_summary", "newly_inconsistent", "value_difference", "objects_comparison", "repair_data"] {
            #expect(!markdown.contains(identifier), "\(name) shows \(identifier)")
        }
        if outcome.new.language == .chinese {
            for english in ["Verdict", "regression", "newly inconsistent", "still inconsistent", "the old report", "not in the report",
                            "source ", "destination", "Changes", "entries"] {
                #expect(!markdown.contains(english), "\(name) shows \(english)")
            }
        }
        if outcome.regressions > 0 {
            #expect(markdown.contains(DiffReasons.forLanguage(outcome.new.language).regressions(outcome.regressions)))
        }
    }

    @Test func severalPairsOpenWithAnOverview() throws {
        let names = Array(DiffWriterTests.pairs.prefix(2))
        let markdown = try Samples.written { sink in
            let writer = DiffWriter(format: .markdown, several: true, to: sink)
            for name in names { try writer.write(DiffWriterTests.diff(name)) }
            writer.failed(old: "a.xlsx", new: "b.xlsx", message: "not an .xlsx")
            writer.unpaired(old: "old/c.xlsx", new: nil)
            writer.finish()
        }
        #expect(markdown.hasPrefix("# DRS comparison diffs: 4 pairs\n\n**Verdict: error** (1 of 4 could not be diffed)\n"))
        #expect(markdown.contains("| a.xlsx | b.xlsx |  | error: not an .xlsx |"))
        #expect(markdown.contains("| old/c.xlsx |  |  | only in the old directory: not diffed |"))
        let json = try Samples.written { sink in
            let writer = DiffWriter(format: .json, several: true, to: sink)
            for name in names { try writer.write(DiffWriterTests.diff(name)) }
            writer.finish()
        }
        #expect((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any])?.count == 2)
    }
}
