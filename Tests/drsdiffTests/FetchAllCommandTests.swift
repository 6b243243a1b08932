import DRSFakeService
import Foundation
import Testing

/// `drsdiff fetch --all` against the fake DRS serving the sample reports: the newest finished
/// report of every compare type, one combined summary (Markdown or JSON), kept with --save; and
/// `fetch` reading with the options it is given (vocabulary, reader limits).
@Suite(.noSecretsInMessages) struct FetchAllCommandTests {
    typealias Runner = DownloadCommandRunner

    static func sample(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: BinaryRunner.path("samples/reports/\(name).xlsx")))
    }

    /// The job has an object comparison and a finished row and value comparison each (and an
    /// older row comparison, and a running sampling one, which --all leaves out).
    static func configure(_ configuration: inout FakeDRSService.Configuration) {
        configuration.compareJobs = [
            FakeCompareJob(id: "rows-old", type: .rows, startTime: "2026-11-01T00:00:00Z", endTime: "2026-11-01T01:00:00Z"),
            FakeCompareJob(id: "rows-new", type: .rows, startTime: "2026-11-02T00:00:00Z", endTime: "2026-11-02T01:00:00Z"),
            FakeCompareJob(id: "values-1", type: .values, startTime: "2026-11-02T02:00:00Z", endTime: "2026-11-02T03:00:00Z"),
            FakeCompareJob(id: "sampling-1", type: .sampling, status: "RUNNING", startTime: "2026-11-03T00:00:00Z"),
        ]
        configuration.workbooks = [
            .objects: try! sample("objects_comparison_en-us"), .rows: try! sample("lines_en-us"), .values: try! sample("contents_en-us"),
        ]
    }

    func arguments(_ harness: ServiceCommandHarness) -> [String] {
        ["fetch", "--all", "--region", harness.fake.configuration.region, "--job-id", harness.fake.configuration.jobID,
         "--endpoint", harness.fake.baseURL.absoluteString, "--iam-endpoint", harness.fake.baseURL.absoluteString]
    }

    @Test func aCombinedSummaryOfTheNewestReportOfEachType() async throws {
        try await ServiceCommandHarness.with(configure: Self.configure) { harness in
            let saved = harness.path("reports")
            let result = try await Runner.run(
                arguments(harness) + ["--save", saved], environment: Runner.environment(.accessKey, fake: harness.fake))
            #expect(result.status == 0, "\(result.stderr)")
            let job = harness.fake.configuration.jobID
            let names = ["objects_comparison", "lines", "contents"].map { "\(job)_\($0).xlsx" }
            #expect(try FileManager.default.contentsOfDirectory(atPath: saved).sorted() == names.sorted())
            let output = result.stdoutText
            #expect(output.hasPrefix("# DRS comparisons of job \(job)\n\n**Verdict: incomplete** (the worst of 3 reports)\n"))
            #expect(output.contains("| lines | rows-new | 2026-11-02T01:00:00Z | incomplete | \(saved)/\(job)_lines.xlsx |"))
            // Each report's section is exactly what `summary` prints for the kept file.
            for (name, type) in zip(names, ["objects_comparison", "lines", "contents"]) {
                let local = try await Runner.run(["summary", saved + "/" + name, "--compare-type", type])
                #expect(local.status == 0)
                #expect(output.contains(local.stdoutText), "\(type)")
            }
            let exported = await harness.fake.requests(to: .export).compactMap {
                (try? JSONSerialization.jsonObject(with: $0.body) as? [String: String])?["compare_job_id"] ?? "objects"
            }
            #expect(exported == ["objects", "rows-new", "values-1"])
        }
    }

    @Test func aSecondRunReplacesTheKeptReports() async throws {
        try await ServiceCommandHarness.with(configure: Self.configure) { harness in
            let saved = harness.path("reports")
            for _ in 0..<2 {
                let result = try await Runner.run(
                    arguments(harness) + ["--save", saved, "--format", "json"], environment: Runner.environment(.token, fake: harness.fake))
                #expect(result.status == 0, "\(result.stderr)")
            }
            let files = try FileManager.default.contentsOfDirectory(atPath: saved)
            #expect(files.count == 3)
            #expect(!files.contains { $0.contains(".drsdiff-tmp-") })
            let lines = try Data(contentsOf: URL(fileURLWithPath: saved + "/\(harness.fake.configuration.jobID)_lines.xlsx"))
            #expect(lines == (try Self.sample("lines_en-us")))
        }
    }

    @Test func jsonFollowsItsSchemaAndEachSummaryTheSummarySchema() async throws {
        try await ServiceCommandHarness.with(configure: Self.configure) { harness in
            let result = try await Runner.run(arguments(harness) + ["--format", "json"], environment: Runner.environment(.password, fake: harness.fake))
            #expect(result.status == 0, "\(result.stderr)")
            let document = try ReportJSON.parse(result.stdoutText)
            let problems = try OutputSchemaTests.validator("drsdiff.fetch.v1.json").validate(document)
            #expect(problems.isEmpty, "\(problems)")
            guard case .object(let members) = document, case .array(let reports)? = members["reports"] else {
                Issue.record("no reports array")
                return
            }
            #expect(reports.count == 3)
            #expect(members["verdict"] == .string("incomplete"))
            let summaries = try OutputSchemaTests.validator("drsdiff.summary.v1.json")
            let compareJobs = try OutputSchemaTests.validator("drsdiff.compare-jobs.v1.json")
            for case .object(let report) in reports {
                #expect(summaries.validate(report["summary"] ?? .null).isEmpty)
                #expect(compareJobs.validate(report["compare_job"] ?? .null, against: "#/$defs/compare_job").isEmpty)
                #expect(report["kept_as"] == .null)
            }
            // Nothing was kept: no --save.
            #expect(harness.contents.isEmpty)
        }
    }

    @Test func aJobWithNoFinishedComparisonExits26() async throws {
        try await ServiceCommandHarness.with(configure: {
            $0.compareJobs = [FakeCompareJob(id: "a", type: .rows, status: "RUNNING")]
            $0.objectComparison = FakeCompareJob(id: "o", type: .objects, status: "RUNNING")
        }) { harness in
            let result = try await Runner.run(arguments(harness), environment: Runner.environment(.accessKey, fake: harness.fake))
            #expect(result.status == 26, "\(result.stderr)")
            #expect(result.stderr.contains("has no finished comparison (2 compare job(s), none SUCCESSFUL)"))
            #expect(await harness.fake.requests(to: .export).isEmpty)
        }
    }

    @Test func optionsThatDoNotGoWithAllAreUsageErrors() async throws {
        try await ServiceCommandHarness.with { harness in
            for extra in [["--compare-type", "lines"], ["--latest"], ["--keep", "x.xlsx"], ["--format", "csv"]] {
                let result = try await Runner.run(arguments(harness) + extra, environment: Runner.environment(.accessKey, fake: harness.fake))
                #expect(result.status == 64, "\(extra): \(result.stderr)")
            }
            let saveWithoutAll = try await Runner.run(
                Array(arguments(harness).filter { $0 != "--all" }) + ["--compare-type", "lines", "--latest", "--save", "d"],
                environment: Runner.environment(.accessKey, fake: harness.fake))
            #expect(saveWithoutAll.status == 64)
            #expect(saveWithoutAll.stderr.contains("--save keeps the reports of --all"))
            #expect(await harness.fake.requests().isEmpty)
        }
    }

    /// `fetch` reads with the vocabulary it is given: a report in words only the vocabulary knows.
    @Test func theVocabularyReachesTheReport() async throws {
        let workbook = FakeWorkbook.workbook(sheetName: "Ergebnis", rows: [
            [.text("Tabelle"), .text("Quellzeilen"), .text("Zielzeilen"), .text("Ergebnis")],
            [.text("t1"), .number(10), .number(12), .text("Abweichung")],
        ])
        try await ServiceCommandHarness.with(configure: { $0.workbook = workbook }) { harness in
            let vocabulary = try harness.writeInput("vocabulary.json", """
                {"columns": {"source_table": ["Tabelle"], "source_rows": ["Quellzeilen"], "target_rows": ["Zielzeilen"], "status": ["Ergebnis"]},
                 "values": {"status": {"inconsistent": ["Abweichung"]}}}
                """)
            let base = ["fetch"] + Runner.serviceArguments(harness.fake, compareType: "lines") + ["--format", "ndjson"]
            let without = try await Runner.run(base, environment: Runner.environment(.accessKey, fake: harness.fake))
            #expect(without.status == 0, "\(without.stderr)")
            #expect(without.stderr.contains("was not recognised"))
            let with = try await Runner.run(base + ["--vocabulary", vocabulary], environment: Runner.environment(.accessKey, fake: harness.fake))
            #expect(with.status == 0, "\(with.stderr)")
            #expect(!with.stderr.contains("was not recognised"), "\(with.stderr)")
            #expect(with.stdoutText.contains(#""kind":"table_row_counts""#) || with.stdoutText.contains(#""kind": "table_row_counts""#), "\(with.stdoutText.prefix(400))")
        }
    }

    /// And with the reader limits it is given.
    @Test func theReaderLimitsReachTheReport() async throws {
        try await ServiceCommandHarness.with { harness in
            let result = try await Runner.run(
                ["fetch"] + Runner.serviceArguments(harness.fake) + ["--max-entries", "2"],
                environment: Runner.environment(.accessKey, fake: harness.fake))
            #expect(result.status == 14, "\(result.stderr)")
            #expect(result.stderr.contains("--max-entries"), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }
}
