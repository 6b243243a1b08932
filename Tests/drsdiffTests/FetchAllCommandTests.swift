import DRSFakeService
import Foundation
import TestPacing
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `drsdiff fetch --all` against the fake DRS serving the sample reports: the newest finished
/// report of every compare type summarised together (Markdown or JSON), kept with --save, or what
/// changed since the kept ones with --diff-with; and `fetch` reading with the options it is given
/// (vocabulary, reader limits).
@Suite(.heavy, .noSecretsInMessages) struct FetchAllCommandTests {
    typealias Runner = DownloadCommandRunner

    static func samplePath(_ name: String) -> String { BinaryRunner.path("samples/reports/\(name).xlsx") }
    static func diffSamplePath(_ name: String) -> String { BinaryRunner.path("samples/diff/\(name).xlsx") }
    static func sample(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: samplePath(name))) }
    static func diffSample(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: diffSamplePath(name))) }

    /// The job has an object comparison and a finished row and value comparison each (and an
    /// older row comparison, and a running sampling one, which --all leaves out).
    static func configure(_ configuration: inout FakeDRSService.Configuration) {
        configuration.compareJobs = [
            FakeCompareJob(id: "rows-old", type: .lines, startTime: "2026-11-01T00:00:00Z", endTime: "2026-11-01T01:00:00Z"),
            FakeCompareJob(id: "rows-new", type: .lines, startTime: "2026-11-02T00:00:00Z", endTime: "2026-11-02T01:00:00Z"),
            FakeCompareJob(id: "values-1", type: .values, startTime: "2026-11-02T02:00:00Z", endTime: "2026-11-02T03:00:00Z"),
            FakeCompareJob(id: "sampling-1", type: .sampling, status: "RUNNING", startTime: "2026-11-03T00:00:00Z"),
        ]
        configuration.workbooks = [
            .objects: try! sample("objects_comparison_en-us"), .lines: try! sample("lines_en-us"), .values: try! sample("contents_en-us"),
        ]
    }

    func arguments(_ harness: ServiceCommandHarness) -> [String] {
        ["fetch", "--all", "--region", harness.fake.configuration.region, "--job-id", harness.fake.configuration.jobID,
         "--endpoint", harness.fake.baseURL.absoluteString, "--iam-endpoint", harness.fake.baseURL.absoluteString]
    }

    @Test func theNewestReportOfEachTypeSummarisedTogether() async throws {
        try await ServiceCommandHarness.with(configure: Self.configure) { harness in
            let saved = harness.path("reports")
            let result = try await Runner.run(
                arguments(harness) + ["--save", saved], environment: Runner.environment(.accessKey, fake: harness.fake))
            #expect(result.status == 0, "\(result.stderr)")
            let job = harness.fake.configuration.jobID
            let types = ["objects_comparison", "lines", "contents"]
            let names = types.map { "\(job)_\($0).xlsx" }
            #expect(try FileManager.default.contentsOfDirectory(atPath: saved).sorted() == names.sorted())
            let output = result.stdoutText
            #expect(output.hasPrefix("# DRS comparison reports: 3 files\n\n**Verdict: incomplete** (the worst of 3)\n"), "\(output.prefix(300))")
            // The files fetched are named by their compare jobs, the newest finished of each type.
            for name in ["\(job)_objects_comparison.xlsx", "\(job)_lines_rows-new.xlsx", "\(job)_contents_values-1.xlsx"] {
                #expect(output.contains("| \(name) |"), "\(name)")
            }
            // Each report's section is what `summary` prints for the kept file (but for its name).
            for (name, type) in zip(names, types) {
                let local = try await Runner.run(["summary", saved + "/" + name, "--compare-type", type])
                #expect(local.status == 0)
                #expect(output.contains(local.stdoutText.drop { $0 != "\n" }), "\(type)")
            }
            let exported = await harness.fake.requests(to: .export).compactMap {
                (try? JSONSerialization.jsonObject(with: $0.body) as? [String: String])?["compare_job_id"] ?? "objects"
            }
            #expect(exported == ["objects", "rows-new", "values-1"])
        }
    }

    /// Before: one compare job whose id from the service failed validation aborted every type
    /// (exit 64, blaming --compare-job-id) after others were already downloaded.
    @Test func aCompareJobWithAMalformedIdIsSkippedWithANote() async throws {
        try await ServiceCommandHarness.with(configure: {
            Self.configure(&$0)
            $0.compareJobs![1] = FakeCompareJob(
                id: "rows new/..", type: .lines, startTime: "2026-11-02T00:00:00Z", endTime: "2026-11-02T01:00:00Z")
        }) { harness in
            let result = try await Runner.run(arguments(harness), environment: Runner.environment(.token, fake: harness.fake))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("drsdiff: note: lines: skipped, the service's answer is unusable: DRS listed a lines compare job whose id is not a DRS id"), "\(result.stderr)")
            #expect(result.stdoutText.hasPrefix("# DRS comparison reports: 2 files\n"), "\(result.stdoutText.prefix(200))")
            let job = harness.fake.configuration.jobID
            for name in ["\(job)_objects_comparison.xlsx", "\(job)_contents_values-1.xlsx"] {
                #expect(result.stdoutText.contains("| \(name) |"), "\(name)")
            }
        }
    }

    /// Before: --save kept the replaced file's mode with 0o7777 (read through a symlink), so a
    /// report could be written setuid or setgid.
    @Test func aKeptReportNeverBecomesSetuid() async throws {
        try await ServiceCommandHarness.with(configure: Self.configure) { harness in
            let saved = harness.path("reports")
            try FileManager.default.createDirectory(atPath: saved, withIntermediateDirectories: true)
            let lines = saved + "/\(harness.fake.configuration.jobID)_lines.xlsx"
            try Data("old".utf8).write(to: URL(fileURLWithPath: lines))
            #expect(chmod(lines, 0o6755) == 0)
            let result = try await Runner.run(
                arguments(harness) + ["--save", saved], environment: Runner.environment(.token, fake: harness.fake))
            #expect(result.status == 0, "\(result.stderr)")
            var info = stat()
            #expect(lstat(lines, &info) == 0)
            #expect(info.st_mode & 0o7777 == 0o755)
            #expect(FileManager.default.contents(atPath: lines) != Data("old".utf8))
        }
    }

    /// A FIFO among the kept reports would block the read forever: it is refused at once, named,
    /// with the exit status of an unreadable file, and the other types are still compared.
    @Test func aFIFOAmongTheKeptReportsIsRefusedPromptly() async throws {
        try await ServiceCommandHarness.with(configure: Self.configureNightAfter) { harness in
            let saved = try Self.keptAndServed(harness)
            let fifo = saved + "/\(harness.fake.configuration.jobID)_lines.xlsx"
            try FileManager.default.removeItem(atPath: fifo)
            #expect(mkfifo(fifo, 0o600) == 0)
            let result = try await Runner.run(
                arguments(harness) + ["--diff-with", saved], environment: Runner.environment(.token, fake: harness.fake), timeout: 300)
            #expect(result.status == 3, "\(result.stderr)")
            #expect(result.stderr.contains(fifo) && result.stderr.contains("a FIFO (named pipe), not a regular file"), "\(result.stderr)")
            #expect(result.stdoutText.contains("contents"), "\(result.stdoutText.prefix(300))")
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

    @Test func jsonIsAnArrayOfSummaries() async throws {
        try await ServiceCommandHarness.with(configure: Self.configure) { harness in
            let result = try await Runner.run(arguments(harness) + ["--format", "json"], environment: Runner.environment(.password, fake: harness.fake))
            #expect(result.status == 0, "\(result.stderr)")
            guard case .array(let summaries) = try ReportJSON.parse(result.stdoutText) else {
                Issue.record("not an array")
                return
            }
            #expect(summaries.count == 3)
            let validator = try OutputSchemaTests.validator("drsdiff.summary.v1.json")
            for summary in summaries {
                #expect(validator.validate(summary).isEmpty)
            }
            // Nothing was kept: no --save.
            #expect(harness.contents.isEmpty)
        }
    }

    /// The nightly job: keep the reports, and the next night print what changed since them.
    @Test func whatChangedSinceTheKeptReports() async throws {
        let job = FakeDRSService.Configuration().jobID
        try await ServiceCommandHarness.with(configure: Self.configure) { first in
            let saved = first.path("reports")
            let environment = Runner.environment(.accessKey, fake: first.fake)
            // The first night: nothing kept yet, so nothing to compare with; the reports are kept.
            let empty = first.path("empty")
            try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
            let none = try await Runner.run(arguments(first) + ["--diff-with", empty, "--save", saved], environment: environment)
            #expect(none.status == 0, "\(none.stderr)")
            #expect(none.stderr.contains("lines: no report kept in \(empty) yet: nothing to compare with"))
            try await ServiceCommandHarness.with(configure: {
                Self.configure(&$0)
                $0.workbooks = [
                    .objects: try! Self.sample("objects_comparison_en-us"), .lines: try! Self.diffSample("lines_en-us.after"),
                    .values: try! Self.sample("contents_en-us"),
                ]
            }) { second in
                // The next night the row comparison changed: the diff shows it, and its verdict is the exit status.
                let result = try await Runner.run(
                    arguments(second) + ["--diff-with", saved, "--save", saved], environment: Runner.environment(.accessKey, fake: second.fake))
                let local = try await Runner.run(["diff", Self.samplePath("lines_en-us"), Self.diffSamplePath("lines_en-us.after")])
                #expect(result.status == local.status, "\(result.stderr)")
                #expect(result.stdoutText.contains("\(job)_lines.xlsx → \(job)_lines_rows-new.xlsx"), "\(result.stdoutText.prefix(600))")
                #expect(result.stdoutText.contains("\(job)_objects_comparison.xlsx → \(job)_objects_comparison.xlsx"))
                // And the kept report is now the new one.
                let kept = try Data(contentsOf: URL(fileURLWithPath: saved + "/\(job)_lines.xlsx"))
                #expect(kept == (try Self.diffSample("lines_en-us.after")))
            }
        }
    }

    /// The reports of the night before, kept as --save keeps them, and the job now serving the
    /// reports of the night after.
    static func keptAndServed(_ harness: ServiceCommandHarness, lines keptLines: Data? = nil) throws -> String {
        let job = harness.fake.configuration.jobID
        let saved = harness.path("reports")
        try FileManager.default.createDirectory(atPath: saved, withIntermediateDirectories: true)
        for (type, kept) in [("objects_comparison", try diffSample("objects_comparison_en-us.before")),
                             ("lines", try keptLines ?? diffSample("lines_en-us.before")),
                             ("contents", try diffSample("contents_en-us.before"))] {
            try kept.write(to: URL(fileURLWithPath: saved + "/\(job)_\(type).xlsx"))
        }
        return saved
    }

    static func configureNightAfter(_ configuration: inout FakeDRSService.Configuration) {
        configure(&configuration)
        configuration.workbooks = [
            .objects: try! diffSample("objects_comparison_en-us.after"), .lines: try! diffSample("lines_en-us.after"),
            .values: try! diffSample("contents_en-us.after"),
        ]
    }

    /// The pairs `drsdiff diff` is given to compare what --diff-with compares: kept, then served.
    static let nightPairs = ["objects_comparison_en-us", "lines_en-us", "contents_en-us"].flatMap {
        [diffSamplePath("\($0).before"), diffSamplePath("\($0).after")]
    }

    /// A document of `drsdiff.diff/v1` without the names of its files (at the top and in the
    /// summaries of either report), which differ between the kept or fetched paths and the samples.
    static func withoutFileNames(_ document: ReportJSON) -> ReportJSON {
        guard case .object(var members) = document else { return document }
        members["old_file"] = nil
        members["new_file"] = nil
        for side in ["old", "new"] {
            if case .object(var report)? = members[side] {
                report["file"] = nil
                members[side] = .object(report)
            }
        }
        return .object(members)
    }

    /// JSON: one `drsdiff.diff/v1` document per compare type, each the very diff `drsdiff diff`
    /// prints for the kept report and the one fetched, and `diff`'s exit status.
    @Test func whatChangedAsJSONIsWhatDiffPrintsForEachPair() async throws {
        try await ServiceCommandHarness.with(configure: Self.configureNightAfter) { harness in
            let saved = try Self.keptAndServed(harness)
            let result = try await Runner.run(
                arguments(harness) + ["--diff-with", saved, "--format", "json"], environment: Runner.environment(.accessKey, fake: harness.fake))
            let local = try await Runner.run(["diff"] + Self.nightPairs + ["--format", "json"])
            #expect(local.status != 0, "the samples of the night after have regressions: \(local.stderr)")
            #expect(result.status == local.status, "\(result.stderr)")
            let document = try ReportJSON.parse(result.stdoutText)
            #expect(try DiffCommandTests.validator().validate(document, against: "#/$defs/several").isEmpty)
            guard case .array(let fetched) = document, case .array(let expected) = try ReportJSON.parse(local.stdoutText) else {
                Issue.record("not arrays: \(result.stdoutText.prefix(300))")
                return
            }
            #expect(fetched.count == 3)
            #expect(fetched.map(Self.withoutFileNames) == expected.map(Self.withoutFileNames))
            let job = harness.fake.configuration.jobID
            let names = fetched.compactMap { document -> String? in
                guard case .object(let members) = document, case .string(let old)? = members["old_file"] else { return nil }
                return URL(fileURLWithPath: old).lastPathComponent
            }
            #expect(names == ["objects_comparison", "lines", "contents"].map { "\(job)_\($0).xlsx" })
            // Without --save, the kept reports stay as they were.
            #expect(try Data(contentsOf: URL(fileURLWithPath: saved + "/\(job)_lines.xlsx")) == (try Self.diffSample("lines_en-us.before")))
        }
    }

    /// A kept report that cannot be read (cut short) is listed as failed, the other types are still
    /// diffed, the run ends with the reader's exit status (as `drsdiff diff` with several pairs),
    /// and --save replaces the broken report so that the next run has one to compare with.
    @Test func anUnreadableKeptReportIsListedAndTheOthersStillDiffed() async throws {
        try await ServiceCommandHarness.with(configure: Self.configureNightAfter) { harness in
            let job = harness.fake.configuration.jobID
            let broken = try Self.diffSample("lines_en-us.before").prefix(2000)
            let saved = try Self.keptAndServed(harness, lines: broken)
            let brokenPath = try harness.writeInput("broken.xlsx", "")
            try broken.write(to: URL(fileURLWithPath: brokenPath))
            var pairs = Self.nightPairs
            pairs[2] = brokenPath
            let local = try await Runner.run(["diff"] + pairs)
            #expect(![0, 1, 2, 64].contains(local.status), "a reader's failure: \(local.stderr)")

            let result = try await Runner.run(
                arguments(harness) + ["--diff-with", saved, "--save", saved], environment: Runner.environment(.accessKey, fake: harness.fake))
            #expect(result.status == local.status, "\(result.stderr)")
            let output = result.stdoutText
            #expect(output.hasPrefix("# DRS comparison diffs: 3 pairs\n\n**Verdict: error** (1 of 3 could not be diffed)\n"), "\(output.prefix(300))")
            #expect(output.contains("| \(saved)/\(job)_lines.xlsx |"), "\(output.prefix(1200))")
            for type in ["objects_comparison", "contents"] {
                #expect(output.contains("\(job)_\(type).xlsx → \(job)_\(type)"), "\(type): \(output.prefix(1200))")
            }
            #expect(result.stderr.contains("\(job)_lines.xlsx"), "\(result.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: saved + "/\(job)_lines.xlsx")) == (try Self.diffSample("lines_en-us.after")))
            #expect(try FileManager.default.contentsOfDirectory(atPath: saved).count == 3)
        }
    }

    @Test func aJobWithNoFinishedComparisonExits26() async throws {
        try await ServiceCommandHarness.with(configure: {
            $0.compareJobs = [FakeCompareJob(id: "a", type: .lines, status: "RUNNING")]
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
            for extra in [["--compare-type", "lines"], ["--latest"], ["--keep", "x.xlsx"], ["--format", "csv"], ["--diff-with", "/nonexistent/dir"]] {
                let result = try await Runner.run(arguments(harness) + extra, environment: Runner.environment(.accessKey, fake: harness.fake))
                #expect(result.status == 64, "\(extra): \(result.stderr)")
            }
            let saveWithoutAll = try await Runner.run(
                Array(arguments(harness).filter { $0 != "--all" }) + ["--compare-type", "lines", "--latest", "--save", "d"],
                environment: Runner.environment(.accessKey, fake: harness.fake))
            #expect(saveWithoutAll.status == 64)
            #expect(saveWithoutAll.stderr.contains("--save and --diff-with go with --all"))
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
