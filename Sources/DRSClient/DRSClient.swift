import Foundation

/// Exports, waits for and downloads DRS comparison result files.
///
/// Requests are retried as ``RetryPolicy`` says; an expired token is renewed once when the
/// credentials allow it; every error is a ``DRSClientError`` that never shows a secret.
public actor DRSClient {
    public let configuration: DRSClientConfiguration
    private let caller: ServiceCaller
    private let authenticator: Authenticator
    private var resolvedProjectID: String?

    /// How often the export status is asked for: soon at first, then less often.
    static let firstPollDelay: Duration = .seconds(2)
    static let longestPollDelay: Duration = .seconds(10)
    static let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    public init(
        configuration: DRSClientConfiguration, transport: any HTTPTransport, clock: ClientClock = .system
    ) {
        self.configuration = configuration
        caller = ServiceCaller(transport: transport, retry: configuration.retry, clock: clock)
        authenticator = Authenticator(
            credentials: configuration.credentials, iamEndpoint: configuration.iamEndpoint,
            region: configuration.region, caller: caller)
        resolvedProjectID = configuration.projectID
    }

    // MARK: The calls

    /// Asks DRS to generate the result file (`POST …/compare/result/file`). It returns at
    /// once; ``waitForExport(of:timeout:onProgress:)`` waits for the file.
    /// - Parameter timeZone: e.g. `GMT+08:00`; only stamps the file name. nil: the service's default.
    public func exportResultFile(_ file: CompareResultFile, timeZone: String? = nil) async throws {
        try await guarded {
            var body: [String: String] = ["compare_type": file.compareType.rawValue]
            body["compare_job_id"] = file.compareJobID
            body["time_zone"] = timeZone
            _ = try await callDRS(
                "POST", path: try await resultFilePath(file), query: [],
                body: try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]),
                operation: "export the result file of \(describe(file))", into: MemorySink())
        }
    }

    /// The export's status now.
    public func exportProgress(of file: CompareResultFile) async throws -> ExportProgress {
        try await guarded { try await poll(file).progress }
    }

    /// Polls until the export is complete. Throws `.exportFailed` on EXPORT_COMMON_FAILED and
    /// `.exportTimedOut`, naming the last status seen, when `timeout` passes first.
    public func waitForExport(
        of file: CompareResultFile, timeout: Duration,
        onProgress: (@Sendable (ExportProgress) -> Void)? = nil
    ) async throws {
        try await guarded {
            let clock = caller.clock
            let deadline = clock.now().addingTimeInterval(timeout.seconds)
            var delay = Self.firstPollDelay
            while true {
                let (progress, response) = try await poll(file)
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
                let remaining = deadline.timeIntervalSince(clock.now())
                guard remaining > 0 else {
                    let last = progress.status.map { "last export status: \($0)" } ?? "the service reported no export status"
                    throw DRSClientError(
                        .exportTimedOut,
                        "the export of \(describe(file)) did not finish within \(Int(timeout.seconds.rounded())) s (\(last))",
                        response: ServiceAnswer.diagnostics(response, body: Data()))
                }
                try await clock.sleep(min(delay, .milliseconds(Int64(remaining * 1000))))
                delay = min(delay * 1.5, Self.longestPollDelay)
            }
        }
    }

    /// Downloads the result file to `destination`, through a temporary file beside it that is
    /// checked (ZIP signature), synced and renamed into place; on any failure the destination
    /// is left untouched and the temporary file removed.
    /// - Parameter onBytes: called with the bytes received so far, as they arrive.
    /// - Returns: the file's size.
    @discardableResult
    public func downloadResultFile(
        _ file: CompareResultFile, to destination: URL, onBytes: (@Sendable (Int64) -> Void)? = nil
    ) async throws -> Int64 {
        try await guarded {
            let path = try await resultFilePath(file)
            var query = [(name: "compare_type", value: file.compareType.rawValue)]
            if let compareJobID = file.compareJobID { query.append((name: "compare_job_id", value: compareJobID)) }
            let writer = try ResultFileWriter(destination: destination, onBytes: onBytes)
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
        let projects = JSONValue.parse(sink.head)?["projects"]?.arrayValue ?? []
        guard let id = projects.first(where: { $0["name"]?.text == region })?["id"]?.text else {
            throw DRSClientError(
                .configuration,
                "IAM lists no project named \(region) for these credentials; check --region or pass --project-id")
        }
        resolvedProjectID = id
        return id
    }

    private func resultFilePath(_ file: CompareResultFile) async throws -> [String] {
        ["v3", try await resolveProjectID(), "jobs", file.jobID, "compare", "result", "file"]
    }

    private func poll(_ file: CompareResultFile) async throws -> (progress: ExportProgress, response: TransportResponse) {
        let endpoint = ExportStatusQuery.endpoint(for: file, projectID: try await resolveProjectID())
        let sink = MemorySink()
        let response = try await callDRS(
            "GET", path: endpoint.path, query: endpoint.query, body: nil,
            operation: "read the export status of \(describe(file))", into: sink)
        guard let json = JSONValue.parse(sink.head) else {
            throw DRSClientError(
                .invalidResponse, "the export status of \(describe(file)) is not JSON",
                response: ServiceAnswer.diagnostics(response, body: Data()))
        }
        return (try ExportStatusQuery.progress(from: json, for: file), response)
    }

    private func callDRS(
        _ method: String, path: [String], query: [(name: String, value: String)], body: Data?,
        operation: String, into sink: some ResponseSink
    ) async throws -> TransportResponse {
        var headers = ["Content-Type": "application/json", "X-Language": configuration.language.rawValue]
        if method == "POST" { headers["Region"] = configuration.region }
        return try await call(
            method, base: configuration.endpoint, path: path, query: query, headers: headers, body: body,
            projectID: try await resolveProjectID(), operation: operation, into: sink)
    }

    /// One request, retried by the caller, with one renewal of the credentials when the
    /// service says the token expired.
    private func call(
        _ method: String, base: URL, path: [String], query: [(name: String, value: String)],
        headers: [String: String], body: Data?, projectID: String?, operation: String,
        into sink: some ResponseSink
    ) async throws -> TransportResponse {
        let request = TransportRequest(
            method: method, url: Self.url(base, path: path, query: query), headers: headers, body: body)
        var renewed = false
        while true {
            let outcome = try await caller.send(request, operation: operation, into: sink) {
                try await self.authenticator.authorize($0, projectID: projectID)
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

    /// Runs a public call so that whatever escapes is a `DRSClientError` without secrets, or a
    /// cancellation.
    private func guarded<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DRSClientError {
            throw error.redacting(configuration.credentials.secretValues)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw DRSClientError(.network, "\(error)").redacting(configuration.credentials.secretValues)
        }
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
