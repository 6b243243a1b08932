import ArgumentParser
import DRSClient
import Foundation

/// Which result file to get and how to reach DRS: the options `download` and `fetch` share.
/// Credentials are never options (a flag value shows up in `ps`): they come from the
/// environment, a token file or a prompt — see docs/download.md.
struct ServiceOptions: ParsableArguments {
    @Option(help: "The region of the DRS job, e.g. cn-north-4.")
    var region: String

    @Option(help: ArgumentHelp(
        "The project id (default: HUAWEICLOUD_SDK_PROJECT_ID, else looked up in IAM by region).", valueName: "id"))
    var projectId: String?

    @Option(help: ArgumentHelp("The DRS job id.", valueName: "id"))
    var jobId: String

    @Option(help: ArgumentHelp("The comparison whose result file to get.", valueName: "type"))
    var compareType: CompareType

    @Option(help: ArgumentHelp(
        "The compare job id (needed for lines, contents, random and repair_data).", valueName: "id"))
    var compareJobId: String?

    @Option(help: "The language of the report and of the service's messages.")
    var language: DRSClientConfiguration.Language = .english

    @Option(help: ArgumentHelp(
        "The time zone stamped in the file's name, e.g. GMT+08:00 (default: the service's).", valueName: "zone"))
    var timeZone: String?

    @Flag(help: "Do not ask for a new export: download the file exported earlier.")
    var noExport = false

    @Option(help: ArgumentHelp("How long to wait for the export to finish.", valueName: "seconds"))
    var waitTimeout: Double = 600

    @Option(help: ArgumentHelp(
        "The DRS endpoint (default: https://drs.<region>.myhuaweicloud.com).", valueName: "url"))
    var endpoint: String?

    @Option(help: ArgumentHelp(
        "The IAM endpoint (default: HUAWEICLOUD_SDK_IAM_ENDPOINT, else https://iam.<region>.myhuaweicloud.com).",
        valueName: "url"))
    var iamEndpoint: String?

    @Option(help: ArgumentHelp("Read an IAM token from this file.", valueName: "path"))
    var tokenFile: String?

    @Option(help: ArgumentHelp("Give up on a request that gets no response headers within this time.", valueName: "seconds"))
    var connectTimeout: Double = 60

    @Option(help: ArgumentHelp("Give up on a response that stalls for longer than this.", valueName: "seconds"))
    var readTimeout: Double = 120

    @Option(help: ArgumentHelp(
        "Try a request again up to this many times after a throttling answer (429), a server error (5xx) or a network failure.",
        valueName: "count"))
    var retries = 4

    @Flag(name: .shortAndLong, help: "Print no progress on stderr (errors still are).")
    var quiet = false

    func validate() throws {
        for (name, value) in [("--connect-timeout", connectTimeout), ("--read-timeout", readTimeout)] where !(value > 0) {
            throw ValidationError("\(name) must be more than 0 seconds")
        }
        guard waitTimeout >= 0 else { throw ValidationError("--wait-timeout cannot be negative") }
        guard retries >= 0 else { throw ValidationError("--retries cannot be negative") }
        do {
            _ = try resultFile()
            if let endpoint { _ = try ServiceEndpoints.parse(endpoint, option: "--endpoint") }
            if let iamEndpoint { _ = try ServiceEndpoints.parse(iamEndpoint, option: "--iam-endpoint") }
        } catch {
            throw ValidationError(error.message)
        }
    }

    func resultFile() throws(DRSClientError) -> CompareResultFile {
        try CompareResultFile(jobID: jobId, compareType: compareType, compareJobID: compareJobId)
    }

    /// A client with the credentials resolved; asks at the terminal for what is missing when
    /// stdin is one.
    func makeClient(environment: [String: String] = ProcessInfo.processInfo.environment) throws(DRSClientError) -> DRSClient {
        let credentials = try CredentialSources.resolve(
            environment: environment, tokenFile: tokenFile, prompt: TerminalPrompt.ifInteractive())
        let configuration = try DRSClientConfiguration(
            region: region, credentials: credentials,
            endpoint: try endpoint.map { (text) throws(DRSClientError) in try ServiceEndpoints.parse(text, option: "--endpoint") },
            iamEndpoint: try iamEndpoint.map { (text) throws(DRSClientError) in try ServiceEndpoints.parse(text, option: "--iam-endpoint") },
            projectID: projectId, language: language, retry: RetryPolicy(maxAttempts: retries + 1),
            environment: environment)
        let transport = URLSessionTransport(
            connectTimeout: .milliseconds(Int64(connectTimeout * 1000)), readTimeout: .milliseconds(Int64(readTimeout * 1000)))
        return DRSClient(configuration: configuration, transport: transport)
    }

    /// Exports (unless `--no-export`), waits and downloads into `destination`, reporting
    /// progress on stderr when it is a terminal.
    func download(to destination: URL) throws {
        let file = try resultFile()
        let client = try makeClient()
        let progress = DownloadProgress(enabled: !quiet)
        let exportFirst = !noExport
        let timeZone = timeZone
        let waitTimeout = Duration.milliseconds(Int64(waitTimeout * 1000))
        try InterruptibleRun.run {
            if exportFirst {
                progress.status("asking DRS to export the result file")
                try await client.exportResultFile(file, timeZone: timeZone)
                try await client.waitForExport(of: file, timeout: waitTimeout) { progress.exportStatus($0.status) }
            }
            progress.status("downloading")
            let size = try await client.downloadResultFile(file, to: destination) { progress.received($0) }
            progress.finished(size)
        }
    }
}

extension CompareType: ExpressibleByArgument {}
extension DRSClientConfiguration.Language: ExpressibleByArgument {}

extension DRSClientError.Kind {
    /// The exit status for each kind (see ExitCodes.swift).
    var exitCode: Int32 {
        switch self {
        case .configuration: Exit.usage
        case .authentication: Exit.authentication
        case .network: Exit.network
        case .exportFailed: Exit.exportFailed
        case .exportTimedOut: Exit.exportTimedOut
        case .invalidResponse: Exit.invalidResponse
        case .localFile: Exit.outputFailed
        default: Exit.serviceError
        }
    }
}

/// Runs a service command's body: a client error becomes `drsdiff: error: …` on stderr and
/// its exit status.
func reportingServiceFailures<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as DRSClientError {
        Console.error(error.description)
        throw ExitCode(error.kind.exitCode)
    }
}
