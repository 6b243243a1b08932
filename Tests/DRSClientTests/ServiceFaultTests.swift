import DRSFakeService
import Foundation
import Testing

@testable import DRSClient

/// Every fault the fake can inject ends as the client promises: success after a retry, or a
/// clear error — code, message, HTTP status, X-Request-Id — with nothing left where the file
/// was to go.
@Suite(.noSecretsInMessages) struct ServiceFaultTests {
    @Test(arguments: CompareType.allCases)
    func everyCompareTypeExportsWaitsAndDownloads(type: CompareType) async throws {
        try await ClientHarness.with(configure: { $0.exportBehaviour = .completesAfterPolls(2) }) { harness in
            try await harness.fetch(with: try harness.client(), type)
            #expect(harness.downloadedFile() == harness.fake.configuration.workbook)
            #expect(harness.leftovers == ["report.xlsx"])
            #expect(await harness.fake.requests(to: .status).count == 3)
            let download = try #require(await harness.fake.requests(to: .download).first)
            #expect(download.query["compare_type"] == type.rawValue)
            #expect(download.query["compare_job_id"] == (type.needsCompareJobID ? harness.fake.configuration.compareJobID : nil))
        }
    }

    @Test func anUnknownJobIsTheServicesError() async throws {
        try await ClientHarness.with { harness in
            let client = try harness.client()
            let file = try CompareResultFile(jobID: "no-such-job", compareType: .objects, compareJobID: nil)
            let error = await expectClientError(.service) {
                try await client.exportResultFile(file)
            }
            #expect(error?.response?.errorCode == "DRS.10000010")
            #expect(error?.response?.httpStatus == 400)
            #expect(
                error?.description.hasSuffix(
                    #"DRS.10000010 "Task not found. Check the task ID." (HTTP 400, X-Request-Id fake-request-2)"#) == true)
            #expect(error?.message.hasPrefix("could not export the result file of job no-such-job") == true)
        }
    }

    @Test func throttlingWithRetryAfterIsWaitedOut() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.throttled(retryAfter: "3"), on: .download)
            try await harness.fetch(with: try harness.client())
            #expect(harness.downloadedFile() != nil)
            #expect(harness.clock.sleeps.contains(.seconds(3)))
            #expect(await harness.fake.requests(to: .download).count == 2)
        }
    }

    @Test func throttlingWithoutRetryAfterBacksOff() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.throttled(), on: .export, times: 2)
            try await harness.fetch(with: try harness.client())
            #expect(harness.downloadedFile() != nil)
            // With the jitter pinned to 0: half of 1 s, then half of 2 s.
            #expect(Array(harness.clock.sleeps.prefix(2)) == [.milliseconds(500), .seconds(1)])
        }
    }

    @Test func aRetryAfterLongerThanTwoMinutesEndsTheRetries() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.throttled(retryAfter: "3600"), on: .export)
            let error = await expectClientError(.service) {
                try await harness.fetch(with: try harness.client())
            }
            #expect(error?.response?.errorCode == "APIGW.0308")
            #expect(await harness.fake.requests(to: .export).count == 1)
        }
    }

    @Test func throttlingThatNeverEndsGivesUpAfterTheLastAttempt() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.throttled(), on: .download, times: 5)
            let error = await expectClientError(.service) {
                try await harness.fetch(with: try harness.client(maxAttempts: 5))
            }
            let text = error?.description ?? ""
            #expect(text.contains("gave up after 5 attempts") && text.contains("APIGW.0308") && text.contains("HTTP 429"))
            #expect(harness.leftovers.isEmpty)
        }
    }

    @Test func aServerErrorIsRetried() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.internalError, on: .download)
            await harness.fake.inject(.internalError, on: .status)
            try await harness.fetch(with: try harness.client())
            #expect(harness.downloadedFile() == harness.fake.configuration.workbook)
            #expect(await harness.fake.requests(to: .download).count == 2)
        }
    }

    @Test func anExportStuckInExportingHitsTheDeadline() async throws {
        try await ClientHarness.with(configure: { $0.exportBehaviour = .staysExporting }) { harness in
            let error = await expectClientError(.exportTimedOut) {
                try await harness.fetch(with: try harness.client(), waitTimeout: .seconds(30))
            }
            #expect(error?.message.contains("did not finish within 30 s (last export status: EXPORTING)") == true)
            #expect(error?.response?.requestID?.hasPrefix("fake-request-") == true)
            #expect(await harness.fake.requests(to: .download).isEmpty)
            #expect(harness.leftovers.isEmpty)
            // Polls back off (2 s, 3 s, 4.5 s…) and the last wait stops at the deadline.
            let waited = harness.clock.sleeps.reduce(Duration.zero, +)
            #expect(waited == .seconds(30))
            #expect(Array(harness.clock.sleeps.prefix(3)) == [.seconds(2), .seconds(3), .milliseconds(4500)])
        }
    }

    @Test func aFailedExportIsReported() async throws {
        try await ClientHarness.with(configure: { $0.exportBehaviour = .fails }) { harness in
            let error = await expectClientError(.exportFailed) {
                try await harness.fetch(with: try harness.client(), .lines)
            }
            #expect(error?.message.contains("EXPORT_COMMON_FAILED") == true)
            #expect(harness.leftovers.isEmpty)
        }
    }

    @Test func anErrorBodyWithStatus200InsteadOfTheFile() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.errorWithSuccessStatus(code: "DRS.10000001", message: "Export file not found."), on: .download)
            let error = await expectClientError(.service) {
                try await harness.fetch(with: try harness.client())
            }
            #expect(error?.description.contains(#"DRS.10000001 "Export file not found." (HTTP 200, X-Request-Id fake-request-"#) == true)
            #expect(harness.leftovers.isEmpty)
        }
    }

    @Test func anErrorBodyWithStatus200ToTheExport() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.errorWithSuccessStatus(code: "DRS.10000024", message: "Another operation is running."), on: .export)
            let error = await expectClientError(.service) {
                try await harness.fetch(with: try harness.client())
            }
            #expect(error?.response?.errorCode == "DRS.10000024")
        }
    }

    @Test func aBodyThatIsNotAnXLSXIsAnInvalidResponse() async throws {
        try await ClientHarness.with(configure: { $0.workbook = Data("<html>maintenance</html>".utf8) }) { harness in
            let error = await expectClientError(.invalidResponse) {
                try await harness.fetch(with: try harness.client())
            }
            #expect(error?.message.contains(#"24 bytes starting with "<html>maintenance</html>""#) == true)
            #expect(harness.leftovers.isEmpty)
        }
    }

    @Test func aTruncatedBodyIsDownloadedAgain() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.truncatedBody, on: .download)
            try await harness.fetch(with: try harness.client())
            #expect(harness.downloadedFile() == harness.fake.configuration.workbook)
            #expect(harness.leftovers == ["report.xlsx"])
        }
    }

    @Test func aBodyTruncatedEveryTimeLeavesNothing() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.truncatedBody, on: .download, times: 3)
            let error = await expectClientError(.network) {
                try await harness.fetch(with: try harness.client(maxAttempts: 3))
            }
            #expect(error?.message.contains("gave up after 3 attempts") == true)
            #expect(harness.leftovers.isEmpty)
        }
    }

    @Test func aBodySlowerThanTheReadTimeoutLeavesNothing() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.slowBody(pause: .seconds(3)), on: .download, times: 2)
            let error = await expectClientError(.network) {
                try await harness.fetch(with: try harness.client(maxAttempts: 2, readTimeout: .milliseconds(300)))
            }
            #expect(error?.message.contains("read timeout") == true)
            #expect(harness.leftovers.isEmpty)
        }
    }

    @Test func aBodyStalledOnceIsDownloadedAgain() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.slowBody(pause: .seconds(3)), on: .download)
            try await harness.fetch(with: try harness.client(readTimeout: .milliseconds(300)))
            #expect(harness.downloadedFile() == harness.fake.configuration.workbook)
        }
    }

    /// The export (a POST) is never sent again blindly: only a GET is.
    @Test func aPOSTWhoseConnectionClosesUnansweredIsNotSentAgainAtOnce() async throws {
        try await ClientHarness.with(configure: { $0.closesConnections = true }) { harness in
            await harness.fake.inject(.processed(then: .dropConnection), on: .export)
            let client = try harness.client(maxAttempts: 1)
            let file = try harness.file()
            _ = await expectClientError(.network) { try await client.exportResultFile(file) }
            #expect(await harness.fake.requests(to: .export).count == 1)
        }
    }

    @Test func noResponseWithinTheConnectTimeout() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.slowResponse(pause: .seconds(3)), on: .export, times: 2)
            let error = await expectClientError(.network) {
                try await harness.fetch(with: try harness.client(maxAttempts: 2, connectTimeout: .milliseconds(300)))
            }
            #expect(error?.message.contains("connect timeout") == true)
        }
    }

    @Test func aRefusedConnectionIsANetworkErrorAfterRetries() async throws {
        let harness = try await ClientHarness.start()
        let closed = harness.fake.baseURL
        await harness.stop()
        let configuration = try DRSClientConfiguration(
            region: "cn-north-4", credentials: .token(Secret("a-token-nobody-sees")), endpoint: closed,
            iamEndpoint: closed, projectID: "p", retry: RetryPolicy(maxAttempts: 3, random: { 0 }), environment: [:])
        let client = DRSClient(configuration: configuration, transport: URLSessionTransport(), clock: harness.clock.clock)
        let file = try CompareResultFile(jobID: "j", compareType: .objects, compareJobID: nil)
        let error = await expectClientError(.network) { try await client.exportResultFile(file) }
        #expect(error?.message.contains("gave up after 3 attempts") == true)
        #expect(error?.message.contains(closed.absoluteString) == true)
        #expect(harness.clock.sleeps == [.milliseconds(500), .seconds(1)])
    }

    @Test(arguments: [ClientHarness.CredentialKind.token, .accessKey, .password])
    func aRedirectToAnotherHostCarriesNoCredentials(kind: ClientHarness.CredentialKind) async throws {
        try await ClientHarness.with(configure: {
            $0.accessKey = AccessKey(
                id: "FAKETEMPORARYKEY02", secretKey: Secret("fake-temporary-secret-Zq1"),
                securityToken: Secret("fake-security-token-Mh8wYzQ2LTE"))
        }) { harness in
            let files = try await FakeFileHost.start(serving: harness.fake.configuration.workbook)
            do {
                await harness.fake.inject(.redirect(to: files.baseURL.appendingPathComponent("exports/report.xlsx")), on: .download)
                try await harness.fetch(with: try harness.client(kind))
                #expect(harness.downloadedFile() == harness.fake.configuration.workbook)
                let received = await files.requests()
                #expect(received.count == 1)
                #expect(received.first?.path == "/exports/report.xlsx")
                #expect(received.allSatisfy { !$0.carriesCredentials })
                // The redirect itself was asked for with credentials, so they were available to leak.
                #expect(await harness.fake.requests(to: .download).first?.carriesCredentials == true)
            } catch {
                await files.stop()
                throw error
            }
            await files.stop()
        }
    }

    @Test func downloadingWithoutAnExportIsTheServicesError() async throws {
        try await ClientHarness.with { harness in
            let error = await expectClientError(.service) {
                try await harness.client().downloadResultFile(try harness.file(), to: harness.destination)
            }
            #expect(error?.response?.errorCode == "DRS.10000001")
            #expect(harness.leftovers.isEmpty)
        }
    }

    @Test func anEarlierExportDownloadsDirectly() async throws {
        try await ClientHarness.with(configure: { $0.alreadyExported = true }) { harness in
            let client = try harness.client()
            #expect(try await client.exportProgress(of: try harness.file(.sampling)).status == .complete)
            let size = try await client.downloadResultFile(try harness.file(.sampling), to: harness.destination)
            #expect(size == Int64(harness.fake.configuration.workbook.count))
            #expect(await harness.fake.requests(to: .export).isEmpty)
        }
    }

    @Test func aFailedDownloadKeepsThePreviousFile() async throws {
        try await ClientHarness.with { harness in
            try Data("previous".utf8).write(to: harness.destination)
            await harness.fake.inject(.truncatedBody, on: .download, times: 2)
            _ = await expectClientError(.network) {
                try await harness.fetch(with: try harness.client(maxAttempts: 2), replacing: true)
            }
            #expect(harness.downloadedFile() == Data("previous".utf8))
            #expect(harness.leftovers == ["report.xlsx"])
        }
    }

    @Test func aCancelledDownloadLeavesNothing() async throws {
        try await ClientHarness.with(configure: { $0.alreadyExported = true }) { harness in
            await harness.fake.inject(.slowBody(pause: .seconds(5)), on: .download)
            let client = try harness.client()
            let file = try harness.file()
            let started = AsyncStream<Void>.makeStream()
            let download = Task {
                try await client.downloadResultFile(file, to: harness.destination) { _ in started.continuation.yield() }
            }
            for await _ in started.stream { break }
            #expect(harness.leftovers.count == 1)  // the temporary file, half written
            download.cancel()
            let error = await #expect(throws: CancellationError.self) { try await download.value }
            SecretLeakCheck.record(String(describing: error))
            #expect(harness.leftovers.isEmpty)
        }
    }

    @Test func progressReportsTheBytesSoFar() async throws {
        try await ClientHarness.with(configure: { $0.alreadyExported = true }) { harness in
            let seen = ByteCounts()
            try await harness.client().downloadResultFile(try harness.file(), to: harness.destination) { seen.append($0) }
            #expect(seen.values.last == Int64(harness.fake.configuration.workbook.count))
            #expect(seen.values == seen.values.sorted())
        }
    }
}

private final class ByteCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Int64] = []

    func append(_ value: Int64) { lock.withLock { recorded.append(value) } }
    var values: [Int64] { lock.withLock { recorded } }
}
