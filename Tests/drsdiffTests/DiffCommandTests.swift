import DRSFakeService
import Foundation
import TestPacing
import Testing

/// `drsdiff diff`: goldens on the before/after pairs of samples/diff, the schema, exit codes,
/// usage errors, and the several-pairs forms (pairs, directories, a list on standard input).
@Suite(.heavy) struct DiffCommandTests {
    static let pairs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: ReportCLI.path("samples/diff"))) ?? []
        return names.filter { $0.hasSuffix(".truth.json") }.map { String($0.dropLast(11)) }.sorted()
    }()

    static func before(_ name: String) -> String { ReportCLI.path("samples/diff/\(name).before.xlsx") }
    static func after(_ name: String) -> String { ReportCLI.path("samples/diff/\(name).after.xlsx") }

    static func validator() throws -> ReportSchemaValidator {
        let read = { (name: String) in try ReportJSON.parse(String(contentsOfFile: ReportCLI.path("schema/" + name), encoding: .utf8)) }
        return ReportSchemaValidator(schema: try read("drsdiff.diff.v1.json"), named: "drsdiff.diff.v1.json",
                                     siblings: ["drsdiff.report.v1.json": try read("drsdiff.report.v1.json")])
    }

    @Test(arguments: pairs)
    func outputsMatchTheGoldens(_ name: String) throws {
        #expect(DiffCommandTests.pairs.count == 10)
        for (file, format) in [("diff.md", "md"), ("diff.json", "json"), ("diff.csv", "csv")] {
            let result = try ReportCLI.run(["diff", DiffCommandTests.before(name), DiffCommandTests.after(name), "--format", format])
            try GoldenFile.compare(result.output, golden: "samples/diff/expected/\(name)/\(file)")
            try GoldenFile.compare("exit \(result.status)\n", golden: "samples/diff/expected/\(name)/exit.txt")
        }
    }

    @Test(arguments: pairs)
    func jsonAndNDJSONValidate(_ name: String) throws {
        let validator = try DiffCommandTests.validator()
        let json = try ReportCLI.run(["diff", DiffCommandTests.before(name), DiffCommandTests.after(name), "--format", "json", "--unchanged"])
        let document = try ReportJSON.parse(json.output)
        let problems = validator.validate(document)
        #expect(problems.isEmpty, "\(name): \(problems.prefix(5))")
        let ndjson = try ReportCLI.run(["diff", DiffCommandTests.before(name), DiffCommandTests.after(name), "--format", "ndjson", "--unchanged"])
        let lines = ndjson.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("{\"kind\":\"diff\",\"schema\":\"drsdiff.diff/v1\"") == true)
        #expect(lines.last?.hasPrefix("{\"kind\":\"outcome\"") == true)
        for (number, line) in lines.enumerated() {
            let problems = validator.validate(try ReportJSON.parse(String(line)), against: "#/$defs/ndjson_line")
            #expect(problems.isEmpty, "\(name) line \(number + 1): \(problems.prefix(3))")
        }
        guard case .object(let members) = document, case .array(let changes)? = members["changes"] else {
            Issue.record("no changes array")
            return
        }
        #expect(lines.count == changes.count + 2)
    }

    @Test func theValidatorRejectsWhatTheDiffSchemaForbids() throws {
        let validator = try DiffCommandTests.validator()
        let result = try ReportCLI.run(["diff", DiffCommandTests.before("lines_en-us"), DiffCommandTests.after("lines_en-us"), "--format", "ndjson"])
        let change = String(result.output.split(separator: "\n")[1])
        #expect(validator.validate(try ReportJSON.parse(change), against: "#/$defs/ndjson_line").isEmpty)
        for broken in [
            change.replacingOccurrences(of: #""regression":false"#, with: #""regression":"no""#),
            change.replacingOccurrences(of: #""change":"resolved""#, with: #""change":"fixed""#),
            change.replacingOccurrences(of: #""tables_compared":14"#, with: #""tables_compared":"14""#),   // inside the old record
            change.replacingOccurrences(of: #""entity":"database","#, with: ""),
        ] {
            #expect(broken != change)
            #expect(!validator.validate(try ReportJSON.parse(broken), against: "#/$defs/ndjson_line").isEmpty, "accepted \(broken.prefix(120))")
        }
    }

    // MARK: - Exit codes

    private static let header: [FakeWorkbook.Cell] = [.text("Source Database"), .text("Source Table"), .text("Source Rows"),
                                                      .text("Destination Rows"), .text("Difference"), .text("Status")]

    /// A complete row-comparison report: each table consistent or not.
    static func report(_ tables: [(String, Bool)], timedOut: [String] = []) throws -> String {
        var rows = [header]
        for (table, consistent) in tables {
            rows.append([.text("shop"), .text(table), .number(10), .number(consistent ? 10 : 7), .number(consistent ? 0 : 3),
                         .text(consistent ? "Consistent" : "Inconsistent")])
        }
        for table in timedOut { rows.append([.text("shop"), .text(table), .number(10), .text(""), .text(""), .text("Timed out")]) }
        return try ReportCLI.temporaryFile(FakeWorkbook.workbook(sheetName: "Table Details", rows: rows), suffix: ".xlsx")
    }

    @Test func exitCodesFollowCheck() throws {
        let clean = try DiffCommandTests.report([("a", true), ("b", false)])
        let worse = try DiffCommandTests.report([("a", false), ("b", false)])
        let better = try DiffCommandTests.report([("a", true), ("b", true)])
        let stalled = try DiffCommandTests.report([("a", true), ("b", true)], timedOut: ["c"])

        let same = try ReportCLI.run(["diff", clean, clean])
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.output.contains("**Verdict: nothing got worse**\n\n- nothing got worse\n"))
        let improved = try ReportCLI.run(["diff", clean, better])
        #expect(improved.status == 0)
        #expect(improved.output.contains("- nothing got worse (1 resolved)"))
        let regressed = try ReportCLI.run(["diff", clean, worse])
        #expect(regressed.status == 1, "\(regressed.stderr)")
        #expect(regressed.output.contains("- 1 regression: 1 newly inconsistent"))
        #expect(regressed.output.contains("| newly inconsistent | table shop.a | consistent: source 10, destination 10, difference 0: Consistent | inconsistent: source 10, destination 7, difference 3: Inconsistent |"))
        let incomplete = try ReportCLI.run(["diff", better, stalled])
        #expect(incomplete.status == 2)
        #expect(incomplete.output.contains("**Verdict: incomplete**"))
        let back = try ReportCLI.run(["diff", stalled, better, "--format", "json"])
        #expect(back.status == 2)   // the old report cannot vouch for what did not change
        #expect(back.output.contains("\"verdict\":\"incomplete\""))
    }

    @Test func usageErrors() throws {
        let values = ReportCLI.sample("contents_en-us")
        let mismatch = try ReportCLI.run(["diff", ReportCLI.sample("lines_en-us"), values])
        #expect(mismatch.status == 64)
        #expect(mismatch.stderr.contains("cannot diff OLD lines_en-us.xlsx (lines) with NEW contents_en-us.xlsx (contents): both must be of the same compare type"))
        #expect(mismatch.stdout.isEmpty)
        let notAReport = try ReportCLI.run(["diff", ReportCLI.readerSamples[0], ReportCLI.readerSamples[0]])
        #expect(notAReport.status == 64)
        #expect(try ReportCLI.run(["diff", values]).status == 64)
        #expect(try ReportCLI.run(["diff", values, values, values]).status == 64)
        let missing = try ReportCLI.run(["diff", values, "/nonexistent/new.xlsx"])
        #expect(missing.status == 3)
        // The temporary file for the old report's rows cannot be made: exit 74, not a verdict.
        let noScratch = try BinaryRunner.run(["diff", values, values], environment: ["TMPDIR": "/nonexistent", "PATH": "/usr/bin:/bin"])
        #expect(noScratch.status == 74, "\(noScratch.stderr)")
        #expect(noScratch.stderr.contains("cannot create a temporary file in /nonexistent"))
        // The old report on standard input.
        let piped = try ReportCLI.run(["diff", "-", values, "--format", "json"], stdin: try Data(contentsOf: URL(fileURLWithPath: values)))
        #expect(piped.status == 2, "\(piped.stderr)")
        #expect(piped.output.contains("\"old_file\":\"<stdin>\""))
    }

    // MARK: - Several pairs

    @Test func severalPairsDirectoriesAndAListOnStandardInput() throws {
        let clean = try DiffCommandTests.report([("a", true)])
        let worse = try DiffCommandTests.report([("a", false)])
        let both = try ReportCLI.run(["diff", clean, clean, clean, worse, "--format", "json"])
        #expect(both.status == 1)
        guard case .array(let documents) = try ReportJSON.parse(both.output) else { Issue.record("not an array"); return }
        #expect(documents.count == 2)
        let validator = try DiffCommandTests.validator()
        #expect(validator.validate(try ReportJSON.parse(both.output), against: "#/$defs/several").isEmpty)

        let markdown = try ReportCLI.run(["diff", clean, clean, clean, worse])
        #expect(markdown.output.hasPrefix("# DRS comparison diffs: 2 pairs\n\n**Verdict: regressions** (the worst of 2)\n"))
        #expect(markdown.output.components(separatedBy: "\n## DRS comparison diff: ").count == 3)

        // Directories pair their reports by name; a name on one side only makes the run incomplete.
        let root = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for side in ["monday", "tuesday"] { try FileManager.default.createDirectory(atPath: root + "/" + side, withIntermediateDirectories: true) }
        for name in DiffCommandTests.pairs.prefix(2) {
            try FileManager.default.copyItem(atPath: DiffCommandTests.before(name), toPath: "\(root)/monday/\(name).xlsx")
            try FileManager.default.copyItem(atPath: DiffCommandTests.after(name), toPath: "\(root)/tuesday/\(name).xlsx")
        }
        let directories = try ReportCLI.run(["diff", root + "/monday", root + "/tuesday", "--format", "csv"])
        #expect(directories.status == 2, "\(directories.stderr)")
        let csv = directories.output.split(separator: "\n")
        #expect(csv.first?.hasPrefix("old_file,new_file,change,entity,regression,") == true)
        #expect(Set(csv.dropFirst().map { $0.split(separator: ",")[0] }).count == 2)
        try FileManager.default.copyItem(atPath: clean, toPath: root + "/tuesday/extra.xlsx")
        let extra = try ReportCLI.run(["diff", root + "/monday", root + "/tuesday"])
        #expect(extra.status == 2)
        #expect(extra.stderr.contains("extra.xlsx: only in the new directory: not diffed"))
        #expect(extra.output.contains("**Verdict: incomplete** (the worst of 3; 1 not diffed)"))
        #expect(extra.output.contains("/extra.xlsx |  | only in the new directory: not diffed |"), "\(extra.output.prefix(900))")

        let list = try ReportCLI.run(["diff", "-", "--format", "json"], stdin: Data("\(clean)\n\(worse)\n".utf8))
        #expect(list.status == 1, "\(list.stderr)")
        guard case .array(let listed) = try ReportJSON.parse(list.output) else { Issue.record("a list gives an array"); return }
        #expect(listed.count == 1)
    }
}
