import DRSFakeService
import Foundation
import TestPacing
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The download path's safety defaults, end to end: no credential in clear, no runaway
/// download, no crash on a bad number, no file replaced unless asked.
@Suite(.heavy, .noSecretsInMessages) struct DownloadSafetyCommandTests {
    typealias Runner = DownloadCommandRunner

    /// Foundation prints every request's headers and body with these set; drsdiff clears them
    /// before its first request, so a password login (password in the body, issued token in
    /// headers) shows nothing.
    @Test func foundationsDebugSwitchesAreCleared() async throws {
        try await ServiceCommandHarness.with { harness in
            let environment = Runner.environment(.password, fake: harness.fake)
                .merging(["URLSessionDebugLibcurl": "1", "URLSessionDebug": "1"]) { $1 }
            let result = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake) + ["-o", harness.path("out.xlsx")], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.isEmpty, "\(result.stderr.prefix(300))")
            #expect(await harness.fake.secrets().contains { $0.hasPrefix("fake-issued-token-") })
        }
    }

    @Test func plainHTTPToAnotherHostNeedsConsentAndWarns() async throws {
        try await ServiceCommandHarness.with { harness in
            let arguments = [
                "download", "--region", "cn-north-4", "--job-id", "j1", "--compare-type", "objects_comparison",
                "--project-id", "p1", "--endpoint", "http://192.0.2.1:9", "-o", harness.path("out.xlsx"),
            ]
            let refused = try await Runner.run(arguments, environment: Runner.environment(.token, fake: harness.fake))
            #expect(refused.status == 64, "\(refused.stderr)")
            #expect(refused.stderr.contains("plain http") && refused.stderr.contains("--allow-insecure-http"))

            let allowed = try await Runner.run(
                arguments + ["--allow-insecure-http", "--connect-timeout", "0.5", "--retries", "0"],
                environment: Runner.environment(.token, fake: harness.fake))
            #expect(allowed.status == 20, "\(allowed.stderr)")
            #expect(allowed.stderr.hasPrefix(
                "drsdiff: warning: the DRS endpoint http://192.0.2.1:9 is plain http (--allow-insecure-http): credentials and reports travel in clear\n"))
            #expect(harness.contents.isEmpty)
        }
    }

    @Test func badNumbersAreUsageErrorsNeverCrashes() async throws {
        try await ServiceCommandHarness.with { harness in
            var cases: [String] = []
            for option in ["--wait-timeout", "--connect-timeout", "--read-timeout", "--deadline"] {
                cases += ["inf", "nan", "1e19", "-1", "-inf"].map { "\(option)=\($0)" }
            }
            cases += ["--connect-timeout=0", "--deadline=0", "--retries=-1", "--retries=101", "--retries=1e19"]
            cases += ["--max-download-bytes=0", "--max-download-bytes=-5", "--max-download-bytes=1e19", "--max-download-bytes=99999999999999999999"]
            for option in cases {
                let result = try await Runner.run(
                    ["download"] + Runner.serviceArguments(harness.fake) + [option, "-o", harness.path("out.xlsx")],
                    environment: Runner.environment(.accessKey, fake: harness.fake))
                #expect(result.status == 64 && !result.killedBySignal, "\(option): \(result.status) \(result.stderr)")
                #expect(!result.stderr.contains("Fatal error"), "\(option)")
            }
            #expect(await harness.fake.requests().isEmpty)
            #expect(harness.contents.isEmpty)
        }
    }

    @Test func idsOutsideTheServiceSyntaxAreUsageErrors() async throws {
        try await ServiceCommandHarness.with { harness in
            for (option, value) in [("--job-id", ".."), ("--job-id", "."), ("--compare-job-id", "a/b"),
                                    ("--compare-job-id", "c\r\nX-Injected: 1"), ("--project-id", "p\u{1B}[2J")] {
                let result = try await Runner.run(
                    ["download"] + Runner.serviceArguments(harness.fake, compareType: "lines") + [option, value, "-o", harness.path("o.xlsx")],
                    environment: Runner.environment(.accessKey, fake: harness.fake))
                #expect(result.status == 64, "\(option) \(value): \(result.stderr)")
                #expect(result.stderr.contains("is not a valid"), "\(result.stderr)")
                #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\r"))
            }
            #expect(await harness.fake.requests().isEmpty)
        }
    }

    @Test func aDownloadPastTheLimitEndsWithExit14() async throws {
        try await ServiceCommandHarness.with { harness in
            let result = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake) + ["--max-download-bytes", "100", "-o", harness.path("out.xlsx")],
                environment: Runner.environment(.accessKey, fake: harness.fake))
            #expect(result.status == 14, "\(result.stderr)")
            #expect(result.stderr.contains("limit of 100 bytes") && result.stderr.contains("--max-download-bytes"))
            #expect(harness.contents.isEmpty)
        }
    }

    @Test func theDeadlineEndsATricklingDownload() async throws {
        try await ServiceCommandHarness.with(configure: { $0.alreadyExported = true }) { harness in
            // Without the deadline the body would resume after the pause (within the 120 s read
            // timeout) and the download succeed: exit 24 says the deadline ended it.
            await harness.fake.inject(.slowBody(pause: .seconds(100)), on: .download)
            let result = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake) + ["--no-export", "--deadline", "1", "-o", harness.path("out.xlsx")],
                environment: Runner.environment(.accessKey, fake: harness.fake))
            #expect(result.status == 24, "\(result.stderr)")
            #expect(result.stderr.contains("time limit of 1 s") && result.stderr.contains("--deadline"), "\(result.stderr)")
            #expect(harness.contents.isEmpty)
        }
    }

    /// A status poll throttled with a long Retry-After would wait almost two minutes, then poll
    /// again; the wait timeout is a hard limit, so the command ends without that second poll.
    @Test func theWaitTimeoutIsAHardLimit() async throws {
        try await ServiceCommandHarness.with(configure: { $0.exportBehaviour = .staysExporting }) { harness in
            await harness.fake.inject(.throttled(retryAfter: "110"), on: .status, times: 5)
            let result = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake) + ["--wait-timeout", "2", "-o", harness.path("out.xlsx")],
                environment: Runner.environment(.accessKey, fake: harness.fake))
            #expect(result.status == 24, "\(result.stderr)")
            #expect(result.stderr.contains("did not finish within 2 s"), "\(result.stderr)")
            // At most the one poll that was throttled (none, if a busy machine delays it past 2 s).
            #expect(await harness.fake.requests(to: .status).count <= 1)
        }
    }

    @Test func anExistingFileIsReplacedOnlyWithForce() async throws {
        try await ServiceCommandHarness.with { harness in
            let target = harness.path("out.xlsx")
            try Data("previous".utf8).write(to: URL(fileURLWithPath: target))
            chmod(target, 0o600)
            let refused = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake) + ["-o", target],
                environment: Runner.environment(.accessKey, fake: harness.fake))
            #expect(refused.status == 64, "\(refused.stderr)")
            #expect(refused.stderr.contains("exists: use --force to replace it"))
            #expect(harness.file("out.xlsx") == Data("previous".utf8))
            #expect(await harness.fake.requests().isEmpty)

            let forced = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake) + ["-o", target, "--force"],
                environment: Runner.environment(.accessKey, fake: harness.fake))
            #expect(forced.status == 0, "\(forced.stderr)")
            #expect(harness.file("out.xlsx") == harness.workbook)
            var info = stat()
            stat(target, &info)
            #expect(info.st_mode & 0o777 == 0o600)
            #expect(harness.contents == ["out.xlsx"])
        }
    }

    @Test func theDefaultNameIsNotReplacedEither() async throws {
        try await ServiceCommandHarness.with { harness in
            let name = "\(harness.fake.configuration.jobID)_objects_comparison.xlsx"
            try Data("previous".utf8).write(to: URL(fileURLWithPath: harness.path(name)))
            let result = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake),
                environment: Runner.environment(.accessKey, fake: harness.fake), directory: harness.directory)
            #expect(result.status == 64, "\(result.stderr)")
            #expect(harness.file(name) == Data("previous".utf8))
        }
    }

    /// Readable by others (0644), or writable by them (0622: anyone could swap in their token).
    @Test(arguments: [0o644, 0o622])
    func aTokenFileOpenToOthersIsRefused(mode: Int) async throws {
        try await ServiceCommandHarness.with { harness in
            let tokenFile = try harness.writeInput("token.txt", harness.fake.configuration.givenToken.value, mode: mode_t(mode))
            let result = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake) + ["--token-file", tokenFile, "-o", harness.path("out.xlsx")])
            #expect(result.status == 21, "\(result.stderr)")
            #expect(result.stderr.contains("is open to other users (mode 0\(String(mode, radix: 8)))") && result.stderr.contains("chmod 600"))
            #expect(await harness.fake.requests().isEmpty)
        }
    }

    @Test func anExportWhoseAnswerWasLostIsNotRepeated() async throws {
        try await ServiceCommandHarness.with(configure: { $0.exportBehaviour = .completesAfterPolls(1) }) { harness in
            await harness.fake.inject(.processed(then: .internalError), on: .export)
            let result = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake, compareType: "lines") + ["-o", harness.path("out.xlsx")],
                environment: Runner.environment(.accessKey, fake: harness.fake))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(harness.file("out.xlsx") == harness.workbook)
            #expect(await harness.fake.requests(to: .export).count == 1)
        }
    }
}
