import Foundation

/// Sends one request until its answer is final: it retries what ``RetryPolicy`` calls
/// transient and gives back everything else, errors included, for the caller to judge.
struct ServiceCaller: Sendable {
    let transport: any HTTPTransport
    let retry: RetryPolicy
    let clock: ClientClock
    /// When every request, and every wait between them, must be over (the client's time limit).
    let deadline: Date?

    /// Whether a request may be sent again when its answer did not come back.
    enum Repetition {
        /// Reading: sending it twice changes nothing.
        case whenever
        /// Changing something (the export): sent again only when it cannot have reached the
        /// service — no connection was made, or the API gateway throttled it — since a second
        /// one would find the first at work.
        case onlyIfUndelivered
    }

    struct Outcome {
        let response: TransportResponse
        /// How many times the request was sent.
        let attempts: Int
    }

    /// A request that may not be repeated was sent, and no answer came back (reset, timeout, an
    /// empty reply): it may or may not have reached the service.
    struct AnswerLost: Error {
        let detail: String
    }

    /// The deadline passed before the answer was final.
    struct DeadlineReached: Error {
        let operation: String
    }

    /// - Parameters:
    ///   - operation: what the request does, for messages ("export the result file").
    ///   - deadline: an earlier deadline for this request than the client's, if any.
    ///   - prepare: called before every attempt, so each one carries fresh credentials.
    func send(
        _ request: TransportRequest, operation: String, into sink: some ResponseSink,
        repetition: Repetition = .whenever, deadline requestDeadline: Date? = nil,
        prepare: @Sendable (TransportRequest) async throws -> TransportRequest
    ) async throws -> Outcome {
        let deadline = [deadline, requestDeadline].compactMap { $0 }.min()
        var attempt = 0
        var retriedAtOnce = false
        while true {
            attempt += 1
            var prepared = try await prepare(request)
            prepared.freshConnection = retriedAtOnce
            if let deadline {
                let remaining = deadline.timeIntervalSince(clock.now())
                guard remaining > 0 else { throw DeadlineReached(operation: operation) }
                if clock.tracksRealTime {
                    prepared.timeLimit = min(prepared.timeLimit ?? .seconds(remaining), .seconds(remaining))
                }
            }
            do {
                try sink.reset()
                let response = try await transport.send(prepared) { try sink.write($0) }
                if (200..<300).contains(response.status) { try sink.finish(response) }
                guard attempt < retry.maxAttempts,
                    let wait = retryWait(after: response, sink: sink, attempt: attempt, repetition: repetition)
                else {
                    return Outcome(response: response, attempts: attempt)
                }
                try await sleep(wait, until: deadline, operation: operation)
            } catch let error as TransportError {
                switch error.kind {
                case .timeLimit:
                    throw DeadlineReached(operation: operation)
                case .refusedRedirect:
                    throw DRSClientError(.invalidResponse, "could not \(operation): \(error.detail)")
                case .cannotConnect:
                    break
                default:
                    if repetition == .onlyIfUndelivered { throw AnswerLost(detail: error.detail) }
                    if Self.retriesAtOnce(request, after: error) && !retriedAtOnce {
                        retriedAtOnce = true
                        attempt -= 1
                        continue
                    }
                }
                guard attempt < retry.maxAttempts else {
                    throw DRSClientError(
                        .network,
                        "could not \(operation) at \(Self.origin(of: request.url)): \(error.detail)"
                            + (attempt > 1 ? " (gave up after \(attempt) attempts)" : ""))
                }
                try await sleep(retry.backoff(afterAttempt: attempt), until: deadline, operation: operation)
            }
        }
    }

    /// Whether a failure is met by sending the request again at once, on a new connection, before
    /// any backoff and without counting it as an attempt: a reading request (GET, which may be
    /// repeated) whose connection was reset or closed before any response, as a server does to a
    /// connection kept alive from an earlier request. Once per request: a failure that comes back is the network's.
    static func retriesAtOnce(_ request: TransportRequest, after error: TransportError) -> Bool {
        request.method == "GET" && error.kind == .noResponse
    }

    /// Waits between requests (polls, repeated exports), unless the wait would end past the
    /// client's deadline: then the deadline is reported at once.
    func pause(_ wait: Duration, operation: String) async throws {
        try await sleep(wait, until: deadline, operation: operation)
    }

    /// Waits, unless the wait would end past the deadline: then the deadline is reported at once.
    private func sleep(_ wait: Duration, until deadline: Date?, operation: String) async throws {
        if let deadline, clock.now().addingTimeInterval(wait.seconds) >= deadline {
            throw DeadlineReached(operation: operation)
        }
        try await clock.sleep(wait)
    }

    /// How long to wait before the next attempt, or nil when this answer is final.
    private func retryWait(
        after response: TransportResponse, sink: some ResponseSink, attempt: Int, repetition: Repetition
    ) -> Duration? {
        guard !(200..<300).contains(response.status) else { return nil }
        let body = ServiceErrorBody(sink.head)
        switch repetition {
        case .whenever:
            guard RetryPolicy.isRetryable(status: response.status, errorCode: body?.code) else { return nil }
        case .onlyIfUndelivered:
            guard RetryPolicy.isThrottled(status: response.status, errorCode: body?.code) else { return nil }
        }
        let backoff = retry.backoff(afterAttempt: attempt)
        guard let asked = RetryPolicy.retryAfter(response.header("Retry-After"), now: clock.now()) else {
            return backoff
        }
        // A service asking for a long pause gets its answer reported instead of a hung command.
        return asked > retry.maxRetryAfter ? nil : max(asked, backoff)
    }

    static func origin(of url: URL) -> String {
        "\(url.scheme ?? "https")://\(RequestSigner.hostHeader(for: url))"
    }
}
