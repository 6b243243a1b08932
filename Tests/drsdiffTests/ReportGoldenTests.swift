import Foundation
import TestPacing
import Testing

/// `summary`, `report`, `inspect` and `check` on the ten samples give exactly the golden outputs
/// in samples/reports/expected/drsdiff/ (regenerate with scripts/update-goldens.sh; the goldens
/// were checked by meaning against the truth files, which DRSReportTests check on every run).
@Suite(.heavy) struct ReportGoldenTests {
    static let outputs: [(file: String, arguments: [String])] = [
        ("summary.md", ["summary", "--format", "md"]),
        ("summary.json", ["summary", "--format", "json"]),
        ("report.json", ["report", "--format", "json"]),
        ("report.csv", ["report", "--format", "csv"]),
        ("inspect.txt", ["inspect"]),
    ]

    @Test(arguments: ReportCLI.samples)
    func outputsMatchTheGoldens(_ name: String) throws {
        #expect(ReportCLI.samples.count == 10)
        for (file, arguments) in ReportGoldenTests.outputs {
            let result = try ReportCLI.run([arguments[0], ReportCLI.sample(name)] + arguments.dropFirst())
            #expect(result.status == 0, "\(name) \(arguments): \(result.stderr)")
            try compare(result.output, golden: "\(name)/\(file)")
        }
        let check = try ReportCLI.run(["check", ReportCLI.sample(name)])
        try compare(check.stderr + "exit \(check.status)\n", golden: "\(name)/check.txt")
    }

    private func compare(_ output: String, golden: String) throws {
        try GoldenFile.compare(output, golden: "samples/reports/expected/drsdiff/" + golden)
    }
}
