import ArgumentParser
import DRSClient
import Foundation

/// How to reach DRS and which job: the options every command that talks to DRS shares
/// (`download`, `fetch`, `compare-jobs`). Credentials are never options (a flag value shows up in
/// `ps`): they come from the environment, a token file or a prompt — see docs/download.md.
struct ServiceOptions: ParsableArguments {
    @Option(help: "The region of the DRS job, e.g. cn-north-4.")
    var region: String

    @Option(help: ArgumentHelp(
        "The project id (default: HUAWEICLOUD_SDK_PROJECT_ID, else looked up in IAM by region).", valueName: "id"))
    var projectId: String?

    @Option(help: ArgumentHelp("The DRS job id.", valueName: "id"))
    var jobId: String

    @Option(help: "The language of the report and of the service's messages.")
    var language: DRSClientConfiguration.Language = .english

    @Option(help: ArgumentHelp(
        "Give up when the whole command (sign-in, listing, export, wait, download) has taken this long.",
        valueName: "seconds"))
    var deadline: Double = defaultDeadline

    @Option(help: ArgumentHelp(
        "Read a job's list of compare jobs only up to this many entries; a longer list is an error.", valueName: "count"))
    var maxCompareJobs = DRSClientConfiguration.defaultMaxListedCompareJobs

    @Option(help: ArgumentHelp(
        "The DRS endpoint (default: https://drs.<region>.myhuaweicloud.com).", valueName: "url"))
    var endpoint: String?

    @Option(help: ArgumentHelp(
        "The IAM endpoint (default: HUAWEICLOUD_SDK_IAM_ENDPOINT, else https://iam.<region>.myhuaweicloud.com).",
        valueName: "url"))
    var iamEndpoint: String?

    @Option(help: ArgumentHelp("Read an IAM token from this file (it must not be readable by other users).", valueName: "path"))
    var tokenFile: String?

    @Flag(help: "Allow plain http endpoints and redirects on hosts other than this machine (credentials travel in clear).")
    var allowInsecureHTTP = false

    @Option(help: ArgumentHelp("Give up on a request that gets no response headers within this time.", valueName: "seconds"))
    var connectTimeout: Double = 60

    @Option(help: ArgumentHelp("Give up on a response that stalls for longer than this.", valueName: "seconds"))
    var readTimeout: Double = 120

    @Option(help: ArgumentHelp(
        "Try a request again up to this many times after a throttling answer (429), a server error (5xx) or a network failure.",
        valueName: "count"))
    var retries = 4

    /// The longest any time option may be: a week (an export of a huge report takes hours, not days).
    static let longestSeconds: Double = 7 * 24 * 3600
    /// `--deadline` when none is given: four hours, far more than the longest export wait
    /// (`--wait-timeout`, 10 minutes by default) and a 4 GiB download at 1 MB/s together, so that
    /// only a command that is stuck (a body trickling a byte a second) meets it.
    static let defaultDeadline: Double = 4 * 3600
    static let mostRetries = 100

    func validate() throws {
        try Self.check(seconds: connectTimeout, "--connect-timeout", zeroAllowed: false)
        try Self.check(seconds: readTimeout, "--read-timeout", zeroAllowed: false)
        try Self.check(seconds: deadline, "--deadline", zeroAllowed: false)
        guard maxCompareJobs > 0 else {
            throw ValidationError("--max-compare-jobs must be more than 0, not \(maxCompareJobs)")
        }
        guard (0...Self.mostRetries).contains(retries) else {
            throw ValidationError("--retries must be between 0 and \(Self.mostRetries), not \(retries)")
        }
        do {
            try configuration(credentials: .token(Secret("unused-while-checking-the-options")), environment: [:])
        } catch {
            throw ValidationError(error.message)
        }
    }

    /// A number of seconds from the command line: finite, not negative (nor zero unless allowed),
    /// at most a week, so that it converts to a duration without overflow.
    static func check(seconds value: Double, _ name: String, zeroAllowed: Bool) throws {
        guard value.isFinite, zeroAllowed ? value >= 0 : value > 0, value <= longestSeconds else {
            throw ValidationError(
                "\(name) must be a number of seconds \(zeroAllowed ? "from 0" : "above 0") up to \(Int(longestSeconds)) (a week), not \(value)")
        }
    }

    static func duration(_ seconds: Double) -> Duration {
        .milliseconds(Int64((seconds * 1000).rounded()))
    }

    /// The client's configuration from these options; it also checks the job id's syntax.
    @discardableResult
    func configuration(
        credentials: Credentials, environment: [String: String],
        maxDownloadBytes: Int64 = DRSClientConfiguration.defaultMaxDownloadBytes
    ) throws(DRSClientError) -> DRSClientConfiguration {
        _ = try CompareResultFile(jobID: jobId, compareType: .objects, compareJobID: nil)
        return try DRSClientConfiguration(
            region: region, credentials: credentials,
            endpoint: try endpoint.map { (text) throws(DRSClientError) in try ServiceEndpoints.parse(text, option: "--endpoint") },
            iamEndpoint: try iamEndpoint.map { (text) throws(DRSClientError) in try ServiceEndpoints.parse(text, option: "--iam-endpoint") },
            projectID: projectId, language: language, retry: RetryPolicy(maxAttempts: retries + 1),
            allowInsecureHTTP: allowInsecureHTTP, maxDownloadBytes: maxDownloadBytes,
            timeLimit: Self.duration(deadline), maxListedCompareJobs: maxCompareJobs, environment: environment)
    }

    /// A client with the credentials resolved; asks at the terminal for what is missing when
    /// stdin is one. Warns when credentials are about to travel in clear.
    func makeClient(
        maxDownloadBytes: Int64 = DRSClientConfiguration.defaultMaxDownloadBytes,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(DRSClientError) -> DRSClient {
        let credentials = try CredentialSources.resolve(
            environment: environment, tokenFile: tokenFile, prompt: TerminalPrompt.ifInteractive())
        let configuration = try configuration(credentials: credentials, environment: environment, maxDownloadBytes: maxDownloadBytes)
        for (name, url) in [("DRS", configuration.endpoint), ("IAM", configuration.iamEndpoint)] where ServiceEndpoints.isInsecure(url) {
            Console.warning(
                "the \(name) endpoint \(url.absoluteString) is plain http (--allow-insecure-http): credentials and reports travel in clear")
        }
        let transport = URLSessionTransport(
            connectTimeout: Self.duration(connectTimeout), readTimeout: Self.duration(readTimeout),
            allowInsecureHTTP: allowInsecureHTTP)
        return DRSClient(configuration: configuration, transport: transport)
    }
}

/// Which compare job's result file to get, and how: the options `download` and `fetch` add
/// (each names the compare type its own way).
struct ResultFileOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The compare job id (needed for lines, contents, random and repair_data, unless --latest).", valueName: "id"))
    var compareJobId: String?

    @Flag(help: "Take the newest finished compare job of the compare type (for repair_data: the newest finished value comparison).")
    var latest = false

    @Option(help: ArgumentHelp(
        "The time zone stamped in the file's name, e.g. GMT+08:00 (default: the service's).", valueName: "zone"))
    var timeZone: String?

    @Flag(help: "Do not ask for a new export: download the file exported earlier.")
    var noExport = false

    @Option(help: ArgumentHelp("How long to wait for the export to finish, at most (a hard limit).", valueName: "seconds"))
    var waitTimeout: Double = 600

    @Option(help: ArgumentHelp(
        "Stop and remove a download that passes this many bytes (default: 4 GiB, far above any report).",
        valueName: "bytes"))
    var maxDownloadBytes: Int64 = DRSClientConfiguration.defaultMaxDownloadBytes

    @Flag(name: .shortAndLong, help: "Print no progress on stderr (errors still are).")
    var quiet = false

    func validate() throws {
        try ServiceOptions.check(seconds: waitTimeout, "--wait-timeout", zeroAllowed: true)
        guard maxDownloadBytes > 0 else { throw ValidationError("--max-download-bytes must be more than 0") }
        if latest && compareJobId != nil {
            throw ValidationError("give --compare-job-id or --latest, not both")
        }
    }

    /// Checks, for a command's compare type, that the options name its compare job or ask for
    /// the latest.
    func validate(for compareType: CompareType) throws {
        guard !latest else { return }
        do {
            _ = try CompareResultFile(jobID: "checked-elsewhere", compareType: compareType, compareJobID: compareJobId)
        } catch {
            throw ValidationError(error.message + " or --latest")
        }
    }
}

/// One command's conversation with DRS: the client, and progress on stderr when it is a terminal.
struct ServiceSession: Sendable {
    let client: DRSClient
    let jobID: String
    private let compareJobID: String?
    private let latest: Bool
    private let exportFirst: Bool
    private let timeZone: String?
    private let waitTimeout: Duration
    private let progress: DownloadProgress

    init(_ service: ServiceOptions, _ result: ResultFileOptions) throws(DRSClientError) {
        client = try service.makeClient(maxDownloadBytes: result.maxDownloadBytes)
        jobID = service.jobId
        compareJobID = result.compareJobId
        latest = result.latest
        exportFirst = !result.noExport
        timeZone = result.timeZone
        waitTimeout = ServiceOptions.duration(result.waitTimeout)
        progress = DownloadProgress(enabled: !result.quiet)
    }

    /// The result file the options name, or with `--latest` the newest finished compare job's
    /// (an id from the service that is not a DRS id is the service's fault, exit 25, not the options').
    func resolveFile(_ type: CompareType) async throws -> CompareResultFile {
        if !latest { return try CompareResultFile(jobID: jobID, compareType: type, compareJobID: compareJobID) }
        progress.status("looking for the newest finished \(type.rawValue) comparison")
        let latest = try await client.latestFinishedCompareJob(jobID: jobID, type: type) { job, reason in
            Self.notePassedOver(job, reason)
        }
        return try latest.resultFile(jobID: jobID)
    }

    /// A finished compare job `--latest` or `--all` could not choose, and why.
    static func notePassedOver(_ job: CompareJob, _ reason: String) {
        Console.note("compare job \(job.id) (\(job.compareType.rawValue)) is not considered the newest: \(reason)")
    }

    /// Exports (unless `--no-export`), waits and downloads `file` into `destination`.
    /// - Parameter replacing: replace an existing file at `destination`.
    @discardableResult
    func download(_ file: CompareResultFile, to destination: URL, replacing: Bool) async throws -> Int64 {
        if exportFirst {
            progress.status("asking DRS to export the result file (\(file.compareType.rawValue))")
            try await client.exportResultFile(file, timeZone: timeZone)
            try await client.waitForExport(of: file, timeout: waitTimeout) { [progress] in
                progress.exportStatus($0.status)
            }
        }
        progress.status("downloading")
        let size = try await client.downloadResultFile(
            file, to: destination, replacing: replacing, temporaryFiles: SignalCleanup.hooks
        ) { [progress] in progress.received($0) }
        progress.finished(size)
        return size
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
        case .exportTimedOut: Exit.timedOut
        case .invalidResponse: Exit.invalidResponse
        case .localFile: Exit.outputFailed
        case .limitExceeded: Exit.limitExceeded
        case .deadlineExceeded: Exit.timedOut
        case .noComparison: Exit.noComparison
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
