import Foundation

/// Exports, waits for and downloads DRS comparison result files.
///
/// Requests are retried as ``RetryPolicy`` says; an expired token is renewed once when the
/// credentials allow it; every error is a ``DRSClientError`` that never shows a secret.
public actor DRSClient {
    public let configuration: DRSClientConfiguration
    private let caller: ServiceCaller
    private let authenticator: Authenticator
    private let secrets: SecretRegistry
    /// When the client's time limit ends, if it has one.
    private let deadline: Date?
    private var resolvedProjectID: String?

    /// How often the export status is asked for: soon at first, then less often.
    static let firstPollDelay: Duration = .seconds(2)
    static let longestPollDelay: Duration = .seconds(10)
    static let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    /// DRS's answer to a second export while one runs ("another operation is running").
    static let anotherOperationRunning = "DRS.10000024"

    public init(
        configuration: DRSClientConfiguration, transport: any HTTPTransport, clock: ClientClock = .system
    ) {
        self.configuration = configuration
        secrets = SecretRegistry(configuration.credentials.secretValues)
        let deadline = configuration.timeLimit.map { clock.now().addingTimeInterval($0.seconds) }
        self.deadline = deadline
        caller = ServiceCaller(transport: transport, retry: configuration.retry, clock: clock, deadline: deadline)
        authenticator = Authenticator(
            credentials: configuration.credentials, iamEndpoint: configuration.iamEndpoint,
            region: configuration.region, caller: caller, secrets: secrets)
        resolvedProjectID = configuration.projectID
    }

    // MARK: The calls

    /// Asks DRS to generate the result file (`POST …/compare/result/file`). It returns once DRS
    /// has taken the request; ``waitForExport(of:timeout:onProgress:)`` waits for the file.
    ///
    /// The request starts work, so it is not repeated blindly: a second export while the first
    /// runs is refused by DRS (`DRS.10000024`). It is sent again at once only when it cannot have
    /// reached DRS (no connection made, throttled by the API gateway). When its answer is lost or
    /// is a server error, the export status tells whether it arrived: `EXPORTING` means it did;
    /// otherwise it is sent again, and a `DRS.10000024` to that second request means the first
    /// one arrived after all and is running.
    /// - Parameter timeZone: e.g. `GMT+08:00`; only stamps the file name. nil: the service's default.
    public func exportResultFile(_ file: CompareResultFile, timeZone: String? = nil) async throws {
        try await guarded {
            var body: [String: String] = ["compare_type": file.compareType.rawValue]
            body["compare_job_id"] = file.compareJobID
            body["time_zone"] = timeZone
            let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
            let operation = "export the result file of \(describe(file))"
            var sent = 0
            while true {
                sent += 1
                let unanswered: DRSClientError
                do {
                    _ = try await callDRS(
                        "POST", path: try await resultFilePath(file), query: [], body: data, operation: operation,
                        repetition: .onlyIfUndelivered, into: MemorySink())
                    return
                } catch let lost as ServiceCaller.AnswerLost {
                    unanswered = DRSClientError(
                        .network, "could not \(operation): the request was sent but no answer came (\(lost.detail))")
                } catch let error as DRSClientError where error.response.map({ (500...599).contains($0.httpStatus) }) == true {
                    unanswered = error
                } catch let error as DRSClientError where sent > 1 && error.response?.errorCode == Self.anotherOperationRunning {
                    return
                }
                guard sent < configuration.retry.maxAttempts else {
                    guard sent > 1 else { throw unanswered }
                    throw DRSClientError(
                        unanswered.kind,
                        unanswered.message + " (gave up after \(sent) requests; the export status never showed the export running)",
                        response: unanswered.response)
                }
                if try await poll(file).progress.status == .exporting { return }
                try await caller.pause(configuration.retry.backoff(afterAttempt: sent), operation: operation)
            }
        }
    }

    /// The export's status now.
    public func exportProgress(of file: CompareResultFile) async throws -> ExportProgress {
        try await guarded { try await poll(file).progress }
    }

    /// Polls until the export is complete. Throws `.exportFailed` on EXPORT_COMMON_FAILED and
    /// `.exportTimedOut`, naming the last status seen, when `timeout` passes first: a hard limit,
    /// which retries and `Retry-After` waits inside a poll do not stretch.
    public func waitForExport(
        of file: CompareResultFile, timeout: Duration,
        onProgress: (@Sendable (ExportProgress) -> Void)? = nil
    ) async throws {
        try await guarded {
            let clock = caller.clock
            let waitDeadline = clock.now().addingTimeInterval(timeout.seconds)
            var delay = Self.firstPollDelay
            var last: (progress: ExportProgress, response: TransportResponse)?
            while true {
                do {
                    last = try await poll(file, deadline: waitDeadline)
                } catch is ServiceCaller.DeadlineReached where waitDeadline <= deadline ?? .distantFuture {
                    throw timedOut(file, after: timeout, last: last)
                }
                guard let (progress, response) = last else { continue }
                onProgress?(progress)
                switch progress.status {
                case .complete?:
                    return
                case .failed?:
                    throw DRSClientError(
                        .exportFailed, "DRS could not export the result file of \(describe(file)) (export status \(ExportStatus.failed))",
                        response: ServiceAnswer.diagnostics(response, body: Data()))
                default:
                    break
                }
                // The last wait ends at the deadline, and no poll follows it.
                let remaining = Duration.seconds(max(waitDeadline.timeIntervalSince(clock.now()), 0))
                try await caller.pause(min(delay, remaining), operation: "wait for the export of \(describe(file))")
                if delay >= remaining { throw timedOut(file, after: timeout, last: last) }
                delay = min(delay * 1.5, Self.longestPollDelay)
            }
        }
    }

    private func timedOut(
        _ file: CompareResultFile, after timeout: Duration, last: (progress: ExportProgress, response: TransportResponse)?
    ) -> DRSClientError {
        let said = last.map { $0.progress.status.map { "last export status: \($0)" } ?? "the service reported no export status" }
        return DRSClientError(
            .exportTimedOut,
            "the export of \(describe(file)) did not finish within \(Self.format(timeout)) (\(said ?? "no export status could be read"))",
            response: last.map { ServiceAnswer.diagnostics($0.response, body: Data()) })
    }

    /// Downloads the result file to `destination`, through a temporary file beside it that is
    /// checked (ZIP signature and end record, announced length), synced and moved into place;
    /// on any failure the destination is left untouched and the temporary file removed.
    /// - Parameters:
    ///   - replacing: replace an existing file; without it an existing destination is an error.
    ///   - temporaryFiles: told about the temporary file, for a program's signal handler.
    ///   - onBytes: called with the bytes received so far, as they arrive.
    /// - Returns: the file's size.
    @discardableResult
    public func downloadResultFile(
        _ file: CompareResultFile, to destination: URL, replacing: Bool = false,
        temporaryFiles: TemporaryFileHooks? = nil, onBytes: (@Sendable (Int64) -> Void)? = nil
    ) async throws -> Int64 {
        try await guarded {
            let path = try await resultFilePath(file)
            var query = [(name: "compare_type", value: file.compareType.rawValue)]
            if let compareJobID = file.compareJobID { query.append((name: "compare_job_id", value: compareJobID)) }
            let writer = try ResultFileWriter(
                destination: destination, replacing: replacing, maxBytes: configuration.maxDownloadBytes,
                hooks: temporaryFiles, onBytes: onBytes)
            do {
                let response = try await callDRS(
                    "GET", path: path, query: query, body: nil,
                    operation: "download the result file of \(describe(file))", into: writer)
                let head = writer.head
                guard head.starts(with: Self.zipSignature) else {
                    throw notAnXLSX(head, size: writer.size, response: response)
                }
                try writer.commit()
                return writer.size
            } catch {
                writer.discard()
                throw error
            }
        }
    }

    /// Every compare job of a DRS job: its object comparison (the latest; DRS keeps one), then
    /// its row, value and sampling comparisons in the service's order, all pages of them.
    public func compareJobs(jobID: String) async throws -> [CompareJob] {
        try await guarded {
            try ServiceIdentifier.validate(jobID, as: "job id (--job-id)")
            let operation = "list the compare jobs of job \(jobID)"
            let projectID = try await resolveProjectID()
            let overview = ExportStatusQuery.endpoint(
                for: try CompareResultFile(jobID: jobID, compareType: .objects, compareJobID: nil), projectID: projectID)
            var jobs = CompareJobAnswers.objectComparison(try await getJSON(overview, operation: operation).0).map { [$0] } ?? []
            var seen: Set<String> = []
            try await readTableComparisons(jobID: jobID, operation: operation) { page, _ in
                for job in CompareJobAnswers.TablePage(page).jobs where seen.insert(job.id).inserted {
                    jobs.append(job)
                }
                return true
            }
            return jobs
        }
    }

    /// The newest compare job of `type` that finished (status `SUCCESSFUL`); for `repair_data`,
    /// the newest finished value comparison, which data repair works from. Throws
    /// ``DRSClientError/Kind/noComparison`` when the job has none of that type, or none finished,
    /// and ``DRSClientError/Kind/invalidResponse`` when the newest one's id is not a DRS id.
    /// - Parameter passedOver: told about each finished compare job that could not be chosen
    ///   (a time that is not a plausible date), with why.
    public func latestFinishedCompareJob(
        jobID: String, type: CompareType, passedOver: (@Sendable (CompareJob, String) -> Void)? = nil
    ) async throws -> CompareJob {
        let jobs = try await compareJobs(jobID: jobID)
        let kind = type == .repair ? CompareType.values : type
        let ofType = jobs.filter { $0.compareType == kind }
        for (job, reason) in CompareJob.passedOver(in: jobs, of: type) { passedOver?(job, reason) }
        guard let latest = CompareJob.newestFinished(in: jobs, of: type) else {
            let what = type == .repair ? "value comparison (contents) to take the data repair from" : "\(type.rawValue) comparison"
            guard !ofType.isEmpty else {
                throw DRSClientError(.noComparison, "job \(jobID) has no \(what)")
            }
            let statuses = Dictionary(grouping: ofType, by: { $0.status?.rawValue ?? "no status" })
                .map { "\($0.value.count) \($0.key)" }.sorted().joined(separator: ", ")
            throw DRSClientError(
                .noComparison,
                "job \(jobID) has no finished \(what): its \(ofType.count) compare job(s) of that type are \(statuses)")
        }
        _ = try latest.resultFile(jobID: jobID)
        return latest
    }

    /// The project the DRS job lives in: as configured, from a password login's token, or
    /// looked up in IAM by the region's name.
    public func projectID() async throws -> String {
        try await guarded { try await resolveProjectID() }
    }

    // MARK: Plumbing

    private func resolveProjectID() async throws -> String {
        if let resolvedProjectID { return resolvedProjectID }
        if let fromToken = try await authenticator.tokenProjectID() {
            resolvedProjectID = fromToken
            return fromToken
        }
        let region = configuration.region
        let sink = MemorySink()
        _ = try await call(
            "GET", base: configuration.iamEndpoint, path: ["v3", "projects"], query: [(name: "name", value: region)],
            headers: ["Content-Type": "application/json"], body: nil, projectID: nil,
            operation: "look up the project of region \(region) in IAM", into: sink)
        guard let id = ProjectListAnswer(sink.head).projectID(named: region) else {
            throw DRSClientError(
                .configuration,
                "IAM lists no project named \(region) for these credentials; check --region or pass --project-id")
        }
        try ServiceIdentifier.validate(id, as: "project id in IAM's answer")
        resolvedProjectID = id
        return id
    }

    private func resultFilePath(_ file: CompareResultFile) async throws -> [String] {
        ["v3", try await resolveProjectID(), "jobs", file.jobID, "compare", "result", "file"]
    }

    private func poll(
        _ file: CompareResultFile, deadline: Date? = nil
    ) async throws -> (progress: ExportProgress, response: TransportResponse) {
        let operation = "read the export status of \(describe(file))"
        let projectID = try await resolveProjectID()
        switch file.compareType {
        case .lines, .values, .sampling:
            // The compare job may be on any page of the job's comparisons.
            var listed = 0
            var found: (progress: ExportProgress, response: TransportResponse)?
            var lastResponse: TransportResponse?
            try await readTableComparisons(jobID: file.jobID, operation: operation, deadline: deadline) { page, response in
                lastResponse = response
                found = ExportStatusQuery.dataComparisonProgress(in: page, for: file).map { ($0, response) }
                listed += CompareJobAnswers.TablePage(page).entries.count
                return found == nil
            }
            if let found { return found }
            let notListed = ExportStatusQuery.notListed(file, among: listed)
            throw DRSClientError(
                notListed.kind, notListed.message, response: lastResponse.map { ServiceAnswer.diagnostics($0, body: Data()) })
        case .objects, .repair:
            let endpoint = ExportStatusQuery.endpoint(for: file, projectID: projectID)
            let (json, response) = try await getJSON(endpoint, operation: operation, deadline: deadline)
            return (try ExportStatusQuery.progress(from: json, for: file), response)
        }
    }

    /// A DRS answer that must be JSON.
    private func getJSON(
        _ endpoint: ExportStatusQuery.Endpoint, operation: String, deadline: Date? = nil
    ) async throws -> (JSONValue, TransportResponse) {
        let sink = MemorySink()
        let response = try await callDRS(
            "GET", path: endpoint.path, query: endpoint.query, body: nil, operation: operation, deadline: deadline, into: sink)
        guard let json = JSONValue.parse(sink.head) else {
            throw DRSClientError(
                .invalidResponse, "could not \(operation): the answer is not JSON",
                response: ServiceAnswer.diagnostics(response, body: Data()))
        }
        return (json, response)
    }

    /// Reads the pages of a job's row, value and sampling comparisons, as many as `limit`
    /// allows each, until the count the service gives, an empty page, or `body` says it has
    /// found what it looked for (returns false).
    ///
    /// The listing is bounded: at most ``DRSClientConfiguration/maxListedCompareJobs`` entries
    /// (``DRSClientError/Kind/limitExceeded`` past them) and as many requests as they take. An
    /// answer that cannot be a page of this list (a count that is not a number or changes, more
    /// entries than asked for, the same page again) ends it at once as an invalid response.
    private func readTableComparisons(
        jobID: String, operation: String, deadline: Date? = nil,
        _ body: (_ page: JSONValue, _ response: TransportResponse) throws -> Bool
    ) async throws {
        let projectID = try await resolveProjectID()
        let limit = configuration.maxListedCompareJobs
        var listing = TableListing(limit: limit, operation: operation)
        while true {
            let endpoint = ExportStatusQuery.tableComparisons(jobID: jobID, projectID: projectID, offset: listing.offset)
            let (json, response) = try await getJSON(endpoint, operation: operation, deadline: deadline)
            let page = CompareJobAnswers.TablePage(json)
            do {
                try listing.check(page)
            } catch {
                throw DRSClientError(error.kind, error.message, response: ServiceAnswer.diagnostics(response, body: Data()))
            }
            guard try body(json, response) else { return }
            if try listing.advance(past: page) { return }
        }
    }

    private func callDRS(
        _ method: String, path: [String], query: [(name: String, value: String)], body: Data?,
        operation: String, repetition: ServiceCaller.Repetition = .whenever, deadline: Date? = nil,
        into sink: some ResponseSink
    ) async throws -> TransportResponse {
        var headers = ["Content-Type": "application/json", "X-Language": configuration.language.rawValue]
        if method == "POST" { headers["Region"] = configuration.region }
        return try await call(
            method, base: configuration.endpoint, path: path, query: query, headers: headers, body: body,
            projectID: try await resolveProjectID(), operation: operation, repetition: repetition, deadline: deadline,
            into: sink)
    }

    /// One request, retried by the caller, with one renewal of the credentials when the
    /// service says the token expired.
    private func call(
        _ method: String, base: URL, path: [String], query: [(name: String, value: String)],
        headers: [String: String], body: Data?, projectID: String?, operation: String,
        repetition: ServiceCaller.Repetition = .whenever, deadline: Date? = nil, into sink: some ResponseSink
    ) async throws -> TransportResponse {
        let request = TransportRequest(
            method: method, url: Self.url(base, path: path, query: query), headers: headers, body: body)
        var renewed = false
        while true {
            let outcome = try await caller.send(
                request, operation: operation, into: sink, repetition: repetition, deadline: deadline
            ) { [secrets, authenticator] request in
                let authorized = try await authenticator.authorize(request, projectID: projectID)
                secrets.addCredentials(carriedBy: authorized)
                return authorized
            }
            let response = outcome.response
            let errorBody = ServiceErrorBody(sink.head)
            if (200..<300).contains(response.status) {
                // A success status with an error code in a JSON body is still an error.
                if sink is MemorySink, errorBody?.hasErrorCode == true {
                    throw ServiceAnswer.error(response, body: sink.head, operation: operation, attempts: outcome.attempts)
                }
                return response
            }
            let expired = response.status == 401 || errorBody?.saysTokenExpired == true
            if expired && !renewed && configuration.credentials.canRenew {
                renewed = true
                await authenticator.renew()
                continue
            }
            throw ServiceAnswer.error(
                response, body: sink.head, operation: operation, attempts: outcome.attempts,
                kind: expired ? .authentication : nil, hint: expired ? expiredHint(renewed: renewed) : nil)
        }
    }

    private func expiredHint(renewed: Bool) -> String {
        switch configuration.credentials {
        case .token:
            "the IAM token has expired or is not valid, and drsdiff cannot renew a token it was given: "
                + "get a new one, or use access keys or a password login, which drsdiff renews by itself"
        case .accessKey:
            "the request was refused again with a fresh signature: check the access keys, the security "
                + "token of temporary keys, and this machine's clock"
        case .password:
            "IAM issued a new token and it was refused too"
        }
    }

    private func notAnXLSX(_ head: Data, size: Int64, response: TransportResponse) -> DRSClientError {
        let diagnostics = ServiceAnswer.diagnostics(response, body: head)
        if diagnostics.errorCode != nil || diagnostics.errorMessage != nil {
            return DRSClientError(
                .service, "could not download the result file: the service sent an error instead of the file",
                response: diagnostics)
        }
        // Printable ASCII only: the body may be binary, and it goes to a terminal.
        let preview = head.prefix(24).map { (0x20...0x7E).contains($0) ? Character(Unicode.Scalar($0)) : "." }
        let what = size == 0 ? "an empty body" : "\(size) bytes starting with \"\(String(preview))\""
        return DRSClientError(
            .invalidResponse, "the service sent \(what) instead of an .xlsx file", response: diagnostics)
    }

    private func describe(_ file: CompareResultFile) -> String {
        var text = "job \(file.jobID) (\(file.compareType.rawValue)"
        if let compareJobID = file.compareJobID { text += ", compare job \(compareJobID)" }
        return text + ")"
    }

    /// Runs a public call so that whatever escapes is a `DRSClientError` without secrets (those
    /// of the credentials and every token learnt since), or a cancellation.
    private func guarded<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DRSClientError {
            throw error.redacting(secrets.all)
        } catch is CancellationError {
            throw CancellationError()
        } catch let reached as ServiceCaller.DeadlineReached {
            let limit = configuration.timeLimit.map(Self.format) ?? "?"
            throw DRSClientError(
                .deadlineExceeded,
                "could not \(reached.operation): the time limit of \(limit) for the whole command passed; "
                    + "allow more with DRSClientConfiguration.timeLimit (CLI: --deadline)"
            ).redacting(secrets.all)
        } catch let lost as ServiceCaller.AnswerLost {
            throw DRSClientError(.network, "no answer came: \(lost.detail)").redacting(secrets.all)
        } catch {
            throw DRSClientError(.network, "\(error)").redacting(secrets.all)
        }
    }

    /// `30 s`, `0.5 s`.
    static func format(_ duration: Duration) -> String {
        let seconds = duration.seconds
        return seconds == seconds.rounded() && abs(seconds) < 1e15 ? "\(Int64(seconds)) s" : "\(seconds) s"
    }

    /// `base` + encoded path segments + encoded query, spelled exactly as they are signed.
    static func url(_ base: URL, path: [String], query: [(name: String, value: String)]) -> URL {
        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        text += "/" + path.map(RequestSigner.uriEncode).joined(separator: "/")
        if !query.isEmpty {
            text += "?" + query.map { "\(RequestSigner.uriEncode($0.name))=\(RequestSigner.uriEncode($0.value))" }
                .joined(separator: "&")
        }
        return URL(string: text)!
    }
}
