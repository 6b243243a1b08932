import DRSFakeService
import Foundation
import TestPacing
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `drsdiff download` end to end: the built binary against the fake DRS + IAM.
@Suite(.heavy, .noSecretsInMessages) struct DownloadCommandTests {
    typealias Runner = DownloadCommandRunner

    @Test(arguments: [Runner.CredentialKind.accessKey, .token, .password])
    func downloadsWithEachCredentialKind(kind: Runner.CredentialKind) async throws {
        try await ServiceCommandHarness.with { harness in
            let result = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake) + ["-o", harness.path("report.xlsx")],
                environment: Runner.environment(kind, fake: harness.fake))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.isEmpty)  // not a terminal: no progress
            #expect(harness.file("report.xlsx") == harness.workbook)
            #expect(harness.contents == ["report.xlsx"])
        }
    }

    @Test func aTokenFileIsReadAndTheDefaultNameUsed() async throws {
        try await ServiceCommandHarness.with { harness in
            let tokenFile = try harness.writeInput("token.txt", harness.fake.configuration.givenToken.value + "\n")
            let result = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake, compareType: "lines") + ["--token-file", tokenFile],
                directory: harness.directory)
            #expect(result.status == 0, "\(result.stderr)")
            let expectedName = "\(harness.fake.configuration.jobID)_lines_\(harness.fake.configuration.compareJobID).xlsx"
            #expect(harness.file(expectedName) == harness.workbook)
        }
    }

    @Test func dashSendsTheFileToStdoutAndNothingElse() async throws {
        try await ServiceCommandHarness.with { harness in
            let result = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake) + ["-o", "-", "--no-export"],
                environment: Runner.environment(.accessKey, fake: harness.fake), directory: harness.directory)
            #expect(result.status == 22)
            #expect(result.stdout.isEmpty)  // never exported: the service's error, and no partial data
            #expect(result.stderr.contains("DRS.10000001"))

            let exported = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake) + ["-o", "-"],
                environment: Runner.environment(.accessKey, fake: harness.fake), directory: harness.directory)
            #expect(exported.status == 0, "\(exported.stderr)")
            #expect(exported.stdout == harness.workbook)
            #expect(exported.stderr.isEmpty)
            #expect(harness.contents.isEmpty)
        }
    }

    @Test func aServerErrorIsRetriedQuietly() async throws {
        try await ServiceCommandHarness.with { harness in
            await harness.fake.inject(.internalError, on: .download)
            let result = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake) + ["-o", harness.path("r.xlsx")],
                environment: Runner.environment(.password, fake: harness.fake))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(harness.file("r.xlsx") == harness.workbook)
            #expect(await harness.fake.requests(to: .download).count == 2)
        }
    }

    /// Each failure: its exit status, one `drsdiff: error:` line naming what the service said,
    /// nothing on stdout, nothing left in the directory.
    @Test func failuresExitWithTheirOwnStatus() async throws {
        let cases: [(name: String, status: Int32, expected: [String], arrange: @Sendable (FakeDRSService) async -> Void, extra: [String], credentials: Runner.CredentialKind)] = [
            ("no credentials", 21, ["no credentials", "HUAWEICLOUD_SDK_AK"], { _ in }, [], .none),
            ("forbidden", 21, ["DRS.M00102", "HTTP 403", "X-Request-Id fake-request-"], { await $0.inject(.forbidden, on: .export) }, [], .accessKey),
            ("expired token", 21, ["cannot renew a token it was given", "APIGW.0307", "HTTP 401"], { await $0.inject(.tokenExpired, on: .export) }, [], .token),
            ("unknown job", 22, [#"DRS.10000010 "Task not found. Check the task ID." (HTTP 400, X-Request-Id fake-request-"#], { _ in }, ["--job-id", "no-such-job"], .accessKey),
            ("throttled", 22, ["APIGW.0308", "HTTP 429", "gave up after 2 attempts"], { await $0.inject(.throttled(retryAfter: "0"), on: .export, times: 2) }, ["--retries", "1"], .accessKey),
            ("truncated", 20, ["could not download the result file", "transfer closed"], { await $0.inject(.truncatedBody, on: .download) }, ["--retries", "0"], .accessKey),
            ("slow body", 20, ["read timeout"], { await $0.inject(.slowBody(pause: .seconds(3)), on: .download) }, ["--retries", "0", "--read-timeout", "0.3"], .accessKey),
            ("refused", 20, ["could not look up the project", "127.0.0.1:1"], { _ in }, ["--iam-endpoint", "http://127.0.0.1:1", "--retries", "0"], .token),
        ]
        for failure in cases {
            try await ServiceCommandHarness.with { harness in
                await failure.arrange(harness.fake)
                let result = try await Runner.run(
                    ["download"] + Runner.serviceArguments(harness.fake) + failure.extra + ["-o", harness.path("out.xlsx")],
                    environment: Runner.environment(failure.credentials, fake: harness.fake))
                #expect(result.status == failure.status, "\(failure.name): \(result.stderr)")
                #expect(result.stdout.isEmpty, "\(failure.name)")
                #expect(result.stderr.hasPrefix("drsdiff: error: "), "\(failure.name): \(result.stderr)")
                #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(failure.name): \(result.stderr)")
                for text in failure.expected {
                    #expect(result.stderr.contains(text), "\(failure.name): \(result.stderr)")
                }
                #expect(harness.contents.isEmpty, "\(failure.name)")
            }
        }
    }

    @Test func exportFailuresHaveTheirOwnStatus() async throws {
        // The wait timeout is a hard limit, which a first poll slowed by a busy machine must not reach.
        let cases: [(FakeDRSService.ExportBehaviour, Int32, String, String)] = [
            (.fails, 23, "EXPORT_COMMON_FAILED", "60"),
            (.staysExporting, 24, "did not finish within 15 s (last export status: EXPORTING)", "15"),
        ]
        for (behaviour, status, expected, waitTimeout) in cases {
            try await ServiceCommandHarness.with(configure: { $0.exportBehaviour = behaviour }) { harness in
                let result = try await Runner.run(
                    ["download"] + Runner.serviceArguments(harness.fake, compareType: "contents")
                        + ["--wait-timeout", waitTimeout, "-o", harness.path("out.xlsx")],
                    environment: Runner.environment(.accessKey, fake: harness.fake))
                #expect(result.status == status, "\(result.stderr)")
                #expect(result.stderr.contains(expected), "\(result.stderr)")
                #expect(result.stderr.contains("(HTTP 200, X-Request-Id fake-request-") == false)
                #expect(result.stderr.hasSuffix(": HTTP 200, X-Request-Id fake-request-\(await harness.fake.requests().count)\n"), "\(result.stderr)")
                #expect(harness.contents.isEmpty)
            }
        }
    }

    @Test func somethingOtherThanAnXLSXIsAnInvalidResponse() async throws {
        try await ServiceCommandHarness.with(configure: { $0.workbook = Data(#"{"result":"ok"}"#.utf8) }) { harness in
            let result = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake) + ["-o", harness.path("out.xlsx")],
                environment: Runner.environment(.accessKey, fake: harness.fake))
            #expect(result.status == 25, "\(result.stderr)")
            #expect(result.stderr.contains("instead of an .xlsx file"))
            #expect(harness.contents.isEmpty)
        }
    }

    @Test func anUnwritableDestinationIsAnOutputFailure() async throws {
        try await ServiceCommandHarness.with { harness in
            let result = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake) + ["-o", harness.path("missing/dir/out.xlsx")],
                environment: Runner.environment(.accessKey, fake: harness.fake))
            #expect(result.status == 74, "\(result.stderr)")
            #expect(result.stderr.contains("cannot create a file in"))
        }
    }

    @Test func usageErrorsExit64() async throws {
        try await ServiceCommandHarness.with { harness in
            let noCompareJob = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake, compareType: "lines").dropLast(2),
                environment: Runner.environment(.accessKey, fake: harness.fake))
            #expect(noCompareJob.status == 64)
            #expect(noCompareJob.stderr.contains("--compare-job-id"))

            let badEndpoint = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake) + ["--endpoint", "drs.example.com"],
                environment: Runner.environment(.accessKey, fake: harness.fake))
            #expect(badEndpoint.status == 64)

            let intoDirectory = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake) + ["-o", harness.directory.path],
                environment: Runner.environment(.accessKey, fake: harness.fake))
            #expect(intoDirectory.status == 64)
            #expect(intoDirectory.stderr.contains("is a directory"))
            #expect(await harness.fake.requests().isEmpty)
        }
    }

    @Test func anInterruptedDownloadLeavesNothing() async throws {
        try await ServiceCommandHarness.with(configure: { $0.alreadyExported = true }) { harness in
            await harness.fake.inject(.slowBody(pause: .seconds(20)), on: .download)
            let directory = harness.directory
            let result = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake) + ["--no-export", "-o", harness.path("out.xlsx")],
                environment: Runner.environment(.accessKey, fake: harness.fake),
                whileRunning: { pid in
                    // Interrupt once the temporary file holds the first half of the body.
                    let deadline = Date().addingTimeInterval(15)
                    while Date() < deadline {
                        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
                        let partial = names.first.map { directory.appendingPathComponent($0).path }
                        if let partial, let size = try? FileManager.default.attributesOfItem(atPath: partial)[.size] as? Int, size > 0 {
                            break
                        }
                        usleep(20_000)
                    }
                    kill(pid, SIGINT)
                })
            #expect(result.killedBySignal && result.status == SIGINT, "status \(result.status), signal \(result.killedBySignal): \(result.stderr)")
            #expect(harness.contents.isEmpty)
        }
    }
}
