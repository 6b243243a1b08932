import DRSFakeService
import Foundation
import TestPacing
import Testing

/// `drsdiff fetch` end to end: it must print exactly what the local command prints for the
/// same file (`summary` for Markdown, `report` for the rest), and keep the file only when asked.
@Suite(.heavy, .noSecretsInMessages) struct FetchCommandTests {
    typealias Runner = DownloadCommandRunner

    @Test(arguments: ["md", "json", "ndjson", "csv"])
    func printsWhatTheLocalCommandPrints(format: String) async throws {
        try await ServiceCommandHarness.with { harness in
            // The report names its file: the local copy gets the name fetch gives the download.
            let local = harness.path("\(harness.fake.configuration.jobID)_objects_comparison.xlsx")
            try harness.workbook.write(to: URL(fileURLWithPath: local))
            let command = format == "md" ? "summary" : "report"
            let expected = try await Runner.run([command, local, "--format", format, "--compare-type", "objects_comparison"])
            #expect(expected.status == 0, "\(expected.stderr)")
            #expect(!expected.stdout.isEmpty)

            let scratch = harness.directory.appendingPathComponent("tmp")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            let fetched = try await Runner.run(
                ["fetch"] + Runner.serviceArguments(harness.fake) + ["--format", format],
                environment: Runner.environment(.accessKey, fake: harness.fake).merging(["TMPDIR": scratch.path]) { $1 },
                directory: harness.directory)
            #expect(fetched.status == 0, "\(fetched.stderr)")
            #expect(fetched.stdout == expected.stdout)
            #expect(fetched.stderr == expected.stderr)
            // The downloaded .xlsx is gone: not in the working directory, not in TMPDIR.
            #expect(harness.contents == [URL(fileURLWithPath: local).lastPathComponent, "tmp"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
        }
    }

    @Test func keepLeavesTheWorkbookWhereAsked() async throws {
        try await ServiceCommandHarness.with { harness in
            let result = try await Runner.run(
                ["fetch"] + Runner.serviceArguments(harness.fake, compareType: "repair_data")
                    + ["--format", "csv", "--keep", harness.path("kept.xlsx")],
                environment: Runner.environment(.password, fake: harness.fake))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(harness.file("kept.xlsx") == harness.workbook)
            let local = try await Runner.run(["report", harness.path("kept.xlsx"), "--format", "csv", "--compare-type", "repair_data"])
            #expect(result.stdout == local.stdout)
        }
    }

    @Test func failuresPrintNothingOnStdout() async throws {
        try await ServiceCommandHarness.with { harness in
            await harness.fake.inject(.errorWithSuccessStatus(code: "DRS.10000001", message: "Export file not found."), on: .download)
            let result = try await Runner.run(
                ["fetch"] + Runner.serviceArguments(harness.fake) + ["--keep", harness.path("kept.xlsx")],
                environment: Runner.environment(.token, fake: harness.fake))
            #expect(result.status == 22)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains(#"DRS.10000001 "Export file not found." (HTTP 200, X-Request-Id fake-request-"#))
            #expect(harness.contents.isEmpty)
        }
    }
}
