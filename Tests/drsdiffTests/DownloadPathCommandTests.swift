import DRSFakeService
import Foundation
import TestPacing
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The download path's remaining gaps, end to end: proxies and plain http, the overall deadline, and answers from the service that are not the user's fault.
@Suite(.heavy, .noSecretsInMessages) struct DownloadPathCommandTests {
    typealias Runner = DownloadCommandRunner

    /// Before: with `http_proxy` set, every request to a plain-http loopback endpoint (its token
    /// included) went to the proxy in clear. Every proxy variable libcurl reads is set here.
    @Test(arguments: [DownloadCommandRunner.CredentialKind.token, .password])
    func aPlainHTTPEndpointNeverGoesThroughAProxy(kind: DownloadCommandRunner.CredentialKind) async throws {
        let proxy = try RecordingProxy()
        defer { proxy.stop() }
        try await ServiceCommandHarness.with { harness in
            let proxied = ["http_proxy", "HTTP_PROXY", "ALL_PROXY", "all_proxy", "https_proxy", "HTTPS_PROXY"]
                .reduce(into: [String: String]()) { $0[$1] = proxy.url.absoluteString }
            let result = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake) + ["-o", harness.path("out.xlsx"), "--retries", "0"],
                environment: Runner.environment(kind, fake: harness.fake).merging(proxied) { $1 })
            #expect(result.status == 0, "\(result.stderr)")
            #expect(harness.file("out.xlsx") == harness.workbook)
            #expect(proxy.requests.isEmpty, "\(proxy.requests)")
            #expect(await harness.fake.requests().count >= 3)
        }
    }

    /// The proxy is really listening, and records what a proxied request sends first.
    @Test func theRecordingProxySeesAProxiedRequest() throws {
        let proxy = try RecordingProxy()
        defer { proxy.stop() }
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(client) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(proxy.url.port!).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0)
        let request = "GET http://127.0.0.1:9/never HTTP/1.1\r\nHost: 127.0.0.1:9\r\n\r\n"
        _ = request.withCString { write(client, $0, strlen($0)) }
        var answer = [UInt8](repeating: 0, count: 256)
        let count = read(client, &answer, answer.count)
        #expect(count > 0 && String(decoding: answer[0..<count], as: UTF8.self).hasPrefix("HTTP/1.1 502"))
        SecretLeakCheck.record(proxy.requests.joined(separator: "\n"))
        #expect(proxy.requests == ["GET http://127.0.0.1:9/never HTTP/1.1"])
    }

    /// Before: without --deadline, nothing bounded a body trickling a byte a second.
    @Test func theOverallDeadlineHasAGenerousDefault() async throws {
        let help = try await Runner.run(["download", "--help"])
        let text = help.stdoutText.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        #expect(text.contains("--deadline <seconds>"))
        #expect(text.contains("(default: 14400.0)"), "\(text)")
        #expect(text.contains("--max-compare-jobs <count>"))
    }

    /// Before: exit 64, "not a valid compare job id (--compare-job-id)", though none was given.
    @Test func aMalformedCompareJobIdFromTheServiceIsExit25() async throws {
        try await ServiceCommandHarness.with(configure: {
            $0.compareJobs = [FakeCompareJob(id: "x/../y", type: .lines, startTime: "2026-11-02T08:00:00Z")]
        }) { harness in
            let arguments = Runner.serviceArguments(harness.fake).filter { $0 != "objects_comparison" && $0 != "--compare-type" }
            let result = try await Runner.run(
                ["download"] + arguments + ["--compare-type", "lines", "--latest", "-o", harness.path("out.xlsx")],
                environment: Runner.environment(.token, fake: harness.fake))
            #expect(result.status == 25, "\(result.stderr)")
            #expect(result.stderr.contains("DRS listed a lines compare job whose id is not a DRS id"))
            #expect(!result.stderr.contains("--compare-job-id"))
            #expect(harness.contents.isEmpty)
        }
    }

    @Test func anImpossibleEndTimeIsPassedOverWithANote() async throws {
        try await ServiceCommandHarness.with(configure: {
            $0.compareJobs = [
                FakeCompareJob(id: "far-future", type: .lines, startTime: "2026-11-01T08:00:00Z", endTime: "1e300"),
                FakeCompareJob(id: $0.compareJobID, type: .lines, startTime: "2026-11-02T08:00:00Z", endTime: "2026-11-02T09:00:00Z"),
            ]
        }) { harness in
            let arguments = Runner.serviceArguments(harness.fake).filter { $0 != "objects_comparison" && $0 != "--compare-type" }
            let result = try await Runner.run(
                ["download"] + arguments + ["--compare-type", "lines", "--latest", "-q", "-o", harness.path("out.xlsx")],
                environment: Runner.environment(.token, fake: harness.fake))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains(
                "drsdiff: note: compare job far-future (lines) is not considered the newest: its end time \"1e300\" is not a plausible date"))
            let exports = await harness.fake.requests(to: .export)
            #expect(exports.count == 1 && String(decoding: exports[0].body, as: UTF8.self).contains(harness.fake.configuration.compareJobID))
        }
    }

    @Test func aListTooLongIsALimitWithItsFlag() async throws {
        try await ServiceCommandHarness.with(configure: { $0.compareJobs = FakeCompareJob.many(30) }) { harness in
            let base = ["compare-jobs", "--region", harness.fake.configuration.region, "--job-id", harness.fake.configuration.jobID,
                        "--endpoint", harness.fake.baseURL.absoluteString, "--iam-endpoint", harness.fake.baseURL.absoluteString]
            let refused = try await Runner.run(base + ["--max-compare-jobs", "20"], environment: Runner.environment(.token, fake: harness.fake))
            #expect(refused.status == 14, "\(refused.stderr)")
            #expect(refused.stderr.contains("the job lists 30 compare jobs, more than the 20 drsdiff reads"))
            let listed = try await Runner.run(base + ["--max-compare-jobs", "30"], environment: Runner.environment(.token, fake: harness.fake))
            #expect(listed.status == 0, "\(listed.stderr)")
        }
    }

    @Test func aCountThatIsNotANumberIsExit25() async throws {
        try await ServiceCommandHarness.with(configure: {
            $0.brokenCompareList = BrokenCompareList(entriesPerPage: 10, count: #""lots""#, ignoresOffset: true)
        }) { harness in
            let result = try await Runner.run(
                ["compare-jobs", "--region", harness.fake.configuration.region, "--job-id", harness.fake.configuration.jobID,
                 "--endpoint", harness.fake.baseURL.absoluteString, "--iam-endpoint", harness.fake.baseURL.absoluteString],
                environment: Runner.environment(.token, fake: harness.fake))
            #expect(result.status == 25, "\(result.stderr)")
            #expect(result.stderr.contains(#"the count of compare jobs "lots" is not a number"#))
            #expect(await harness.fake.requests(to: .status).filter { $0.path.hasSuffix("/table/compare") }.count == 1)
        }
    }
}
