import DRSClient
import DRSFakeService
import Foundation
import Testing

/// A fake DRS + IAM, a client aimed at it, an instant clock and an empty directory to
/// download into: one per test.
struct ClientHarness {
    enum CredentialKind {
        case accessKey, token, password
    }

    let fake: FakeDRSService
    let clock: TestClock
    let directory: URL

    static func start(_ configure: (inout FakeDRSService.Configuration) -> Void = { _ in }) async throws -> ClientHarness {
        let clock = TestClock()
        var configuration = FakeDRSService.Configuration()
        configuration.now = clock.clock.now
        configure(&configuration)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("drsdiff-client-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return ClientHarness(fake: try await FakeDRSService.start(configuration), clock: clock, directory: directory)
    }

    /// Runs `body` with a fresh harness and stops it afterwards, whatever happens.
    static func with(
        configure: (inout FakeDRSService.Configuration) -> Void = { _ in },
        _ body: (ClientHarness) async throws -> Void
    ) async throws {
        // The client under test runs at the fake service's priority (see LoopbackServer), so its
        // steps are not queued behind the suite's synchronous tests either.
        withUnsafeCurrentTask { $0?.escalatePriority(to: .high) }
        let harness = try await start(configure)
        do {
            try await body(harness)
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }

    /// Stops the fake and hands every file left in the directory to the secret-leak check.
    func stop() async {
        await fake.stop()
        SecretLeakCheck.recordFiles(in: directory)
        try? FileManager.default.removeItem(at: directory)
    }

    var destination: URL { directory.appendingPathComponent("report.xlsx") }

    /// Every name in the download directory: after a failure there must be none.
    var leftovers: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    }

    func credentials(_ kind: CredentialKind) -> Credentials {
        switch kind {
        case .accessKey: .accessKey(fake.configuration.accessKey)
        case .token: .token(fake.configuration.givenToken)
        case .password: .password(fake.configuration.login)
        }
    }

    func client(
        _ kind: CredentialKind = .accessKey, projectID: String? = nil, maxAttempts: Int = 5,
        connectTimeout: Duration = .seconds(60), readTimeout: Duration = .seconds(60),
        maxDownloadBytes: Int64 = DRSClientConfiguration.defaultMaxDownloadBytes, timeLimit: Duration? = nil,
        maxListedCompareJobs: Int = DRSClientConfiguration.defaultMaxListedCompareJobs, clock: ClientClock? = nil
    ) throws -> DRSClient {
        try client(
            credentials(kind), projectID: projectID, maxAttempts: maxAttempts, connectTimeout: connectTimeout,
            readTimeout: readTimeout, maxDownloadBytes: maxDownloadBytes, timeLimit: timeLimit,
            maxListedCompareJobs: maxListedCompareJobs, clock: clock)
    }

    func client(
        _ credentials: Credentials, projectID: String? = nil, maxAttempts: Int = 5,
        connectTimeout: Duration = .seconds(60), readTimeout: Duration = .seconds(60),
        maxDownloadBytes: Int64 = DRSClientConfiguration.defaultMaxDownloadBytes, timeLimit: Duration? = nil,
        maxListedCompareJobs: Int = DRSClientConfiguration.defaultMaxListedCompareJobs, clock: ClientClock? = nil
    ) throws -> DRSClient {
        let configuration = try DRSClientConfiguration(
            region: fake.configuration.region, credentials: credentials, endpoint: fake.baseURL,
            iamEndpoint: fake.baseURL, projectID: projectID, retry: RetryPolicy(maxAttempts: maxAttempts, random: { 0 }),
            maxDownloadBytes: maxDownloadBytes, timeLimit: timeLimit, maxListedCompareJobs: maxListedCompareJobs,
            environment: [:])
        return DRSClient(
            configuration: configuration,
            transport: URLSessionTransport(connectTimeout: connectTimeout, readTimeout: readTimeout),
            clock: clock ?? self.clock.clock)
    }

    func file(_ type: CompareType = .objects) throws -> CompareResultFile {
        try CompareResultFile(
            jobID: fake.configuration.jobID, compareType: type,
            compareJobID: type.needsCompareJobID ? fake.configuration.compareJobID : nil)
    }

    /// Export, wait and download, as `drsdiff download` does.
    func fetch(
        with client: DRSClient, _ type: CompareType = .objects, waitTimeout: Duration = .seconds(60),
        replacing: Bool = false
    ) async throws {
        let file = try file(type)
        try await client.exportResultFile(file, timeZone: "GMT+08:00")
        try await client.waitForExport(of: file, timeout: waitTimeout)
        try await client.downloadResultFile(file, to: destination, replacing: replacing)
    }

    func downloadedFile() -> Data? {
        FileManager.default.contents(atPath: destination.path)
    }
}

/// Runs `body`, expects it to fail with a `DRSClientError` of `kind`, and hands the error's
/// text to the secret-leak check.
func expectClientError(
    _ kind: DRSClientError.Kind, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Void
) async -> DRSClientError? {
    do {
        try await body()
        Issue.record("expected a \(kind) error, but it succeeded", sourceLocation: sourceLocation)
        return nil
    } catch let error as DRSClientError {
        SecretLeakCheck.record(error.description)
        SecretLeakCheck.record(String(reflecting: error))
        #expect(error.kind == kind, "\(error)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected a DRSClientError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
