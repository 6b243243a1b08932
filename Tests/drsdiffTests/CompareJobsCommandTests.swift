import DRSFakeService
import Foundation
import TestPacing
import Testing

/// `drsdiff compare-jobs`, and `--latest` on `download` and `fetch`, against the fake DRS: the
/// list, its pages, and the faults (no compare job, none finished).
@Suite(.heavy, .noSecretsInMessages) struct CompareJobsCommandTests {
    typealias Runner = DownloadCommandRunner

    func arguments(_ harness: ServiceCommandHarness) -> [String] {
        ["--region", harness.fake.configuration.region, "--job-id", harness.fake.configuration.jobID,
         "--endpoint", harness.fake.baseURL.absoluteString, "--iam-endpoint", harness.fake.baseURL.absoluteString]
    }

    func environment(_ harness: ServiceCommandHarness) -> [String: String] {
        Runner.environment(.accessKey, fake: harness.fake)
    }

    @Test func aTableOfTheJobsCompareJobs() async throws {
        try await ServiceCommandHarness.with { harness in
            let result = try await Runner.run(["compare-jobs"] + arguments(harness), environment: environment(harness))
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdoutText.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
            #expect(lines == [
                "type id status started finished export status",
                "objects_comparison 0bject-c0mpare-1 SUCCESSFUL 2026-11-02T01:00:00Z - INIT",
                "lines another-compare-job SUCCESSFUL 2026-11-01T01:00:00Z 2026-11-01T01:30:00Z INIT",
                "lines \(harness.fake.configuration.compareJobID) SUCCESSFUL 2026-11-02T01:00:00Z 2026-11-02T01:30:00Z INIT",
            ])
        }
    }

    @Test func jsonAndNDJSONFollowTheSchema() async throws {
        try await ServiceCommandHarness.with(configure: { $0.compareJobs = FakeCompareJob.many(3) + [FakeCompareJob(id: "r", type: .values, status: "RUNNING")] }) { harness in
            let validator = try OutputSchemaTests.validator("drsdiff.compare-jobs.v1.json")
            let json = try await Runner.run(["compare-jobs"] + arguments(harness) + ["--format", "json"], environment: environment(harness))
            #expect(json.status == 0, "\(json.stderr)")
            let document = try ReportJSON.parse(json.stdoutText)
            #expect(validator.validate(document).isEmpty, "\(validator.validate(document))")
            guard case .object(let members) = document, case .array(let jobs)? = members["compare_jobs"] else {
                Issue.record("no compare_jobs array")
                return
            }
            #expect(jobs.count == 5)

            let ndjson = try await Runner.run(["compare-jobs"] + arguments(harness) + ["--format", "ndjson"], environment: environment(harness))
            let lines = ndjson.stdoutText.split(separator: "\n")
            #expect(lines.count == 5)
            for line in lines {
                let problems = validator.validate(try ReportJSON.parse(String(line)), against: "#/$defs/compare_job")
                #expect(problems.isEmpty, "\(line): \(problems)")
            }
            #expect(lines.last?.contains(#""status": "RUNNING", "finished": false"#) == true)
        }
    }

    @Test func moreThanAThousandCompareJobsAreAllListed() async throws {
        try await ServiceCommandHarness.with(configure: { $0.compareJobs = FakeCompareJob.many(2345) }) { harness in
            let result = try await Runner.run(["compare-jobs"] + arguments(harness) + ["--format", "ndjson"], environment: environment(harness))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdoutText.split(separator: "\n").count == 2346)
            #expect(result.stdoutText.contains(#""id": "cmp-2344""#))
            let pages = await harness.fake.requests(to: .status).filter { $0.path.hasSuffix("/table/compare") }
            #expect(pages.map { $0.query["offset"] ?? "" } == ["0", "1000", "2000"])
        }
    }

    @Test func aJobWithoutCompareJobsListsNothingAndSaysSo() async throws {
        try await ServiceCommandHarness.with(configure: {
            $0.compareJobs = []
            $0.objectComparison = nil
        }) { harness in
            let result = try await Runner.run(["compare-jobs"] + arguments(harness), environment: environment(harness))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdoutText == "type  id  status  started  finished  export status\n")
            #expect(result.stderr == "drsdiff: note: job \(harness.fake.configuration.jobID) has no compare jobs\n")
        }
    }

    @Test func downloadLatestTakesTheNewestFinishedCompareJob() async throws {
        try await ServiceCommandHarness.with(configure: {
            $0.compareJobs = [
                FakeCompareJob(id: "older", type: .values, startTime: "2026-11-01T00:00:00Z", endTime: "2026-11-01T01:00:00Z"),
                FakeCompareJob(id: "newest", type: .values, startTime: "2026-11-03T00:00:00Z", endTime: "2026-11-03T01:00:00Z"),
                FakeCompareJob(id: "running", type: .values, status: "RUNNING", startTime: "2026-11-04T00:00:00Z"),
            ]
        }) { harness in
            let result = try await Runner.run(
                ["download"] + arguments(harness) + ["--compare-type", "contents", "--latest"],
                environment: environment(harness), directory: harness.directory)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(harness.contents == ["\(harness.fake.configuration.jobID)_contents_newest.xlsx"])
            let export = try #require(await harness.fake.requests(to: .export).first)
            let body = try JSONSerialization.jsonObject(with: export.body) as? [String: String]
            #expect(body?["compare_job_id"] == "newest")

            // The default name now exists: a second run refuses to replace it, after looking.
            let again = try await Runner.run(
                ["download"] + arguments(harness) + ["--compare-type", "contents", "--latest", "--no-export"],
                environment: environment(harness), directory: harness.directory)
            #expect(again.status == 64, "\(again.stderr)")
            #expect(again.stderr.contains("exists: use --force to replace it"))
        }
    }

    @Test func latestWithNothingToTakeExits26() async throws {
        let cases: [(String, [FakeCompareJob], String)] = [
            ("empty", [], "has no lines comparison"),
            ("none finished", [FakeCompareJob(id: "a", type: .lines, status: "RUNNING"), FakeCompareJob(id: "b", type: .lines, status: "FAILED")],
             "has no finished lines comparison: its 2 compare job(s) of that type are 1 FAILED, 1 RUNNING"),
        ]
        for (name, jobs, expected) in cases {
            try await ServiceCommandHarness.with(configure: { $0.compareJobs = jobs }) { harness in
                for command in ["download", "fetch"] {
                    let result = try await Runner.run(
                        [command] + arguments(harness) + ["--compare-type", "lines", "--latest"] + (command == "download" ? ["-o", harness.path("o.xlsx")] : []),
                        environment: environment(harness))
                    #expect(result.status == 26, "\(name) \(command): \(result.stderr)")
                    #expect(result.stderr.contains(expected), "\(name) \(command): \(result.stderr)")
                    #expect(result.stdout.isEmpty)
                }
                #expect(await harness.fake.requests(to: .export).isEmpty)
                #expect(harness.contents.isEmpty)
            }
        }
    }

    @Test func latestAndACompareJobIdTogetherIsAUsageError() async throws {
        try await ServiceCommandHarness.with { harness in
            let result = try await Runner.run(
                ["download"] + arguments(harness) + ["--compare-type", "lines", "--latest", "--compare-job-id", "x"],
                environment: environment(harness))
            #expect(result.status == 64)
            #expect(result.stderr.contains("give --compare-job-id or --latest, not both"))
            let missing = try await Runner.run(["fetch"] + arguments(harness) + ["--compare-type", "lines"], environment: environment(harness))
            #expect(missing.status == 64)
            #expect(missing.stderr.contains("(--compare-job-id) or --latest"), "\(missing.stderr)")
            #expect(await harness.fake.requests().isEmpty)
        }
    }
}
