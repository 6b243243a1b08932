import Foundation

/// Sends one request until its answer is final: it retries what ``RetryPolicy`` calls
/// transient and gives back everything else, errors included, for the caller to judge.
struct ServiceCaller: Sendable {
    let transport: any HTTPTransport
    let retry: RetryPolicy
    let clock: ClientClock

    struct Outcome {
        let response: TransportResponse
        /// How many times the request was sent.
        let attempts: Int
    }

    /// - Parameters:
    ///   - operation: what the request does, for messages ("export the result file").
    ///   - prepare: called before every attempt, so each one carries fresh credentials.
    func send(
        _ request: TransportRequest, operation: String, into sink: some ResponseSink,
        prepare: @Sendable (TransportRequest) async throws -> TransportRequest
    ) async throws -> Outcome {
        var attempt = 0
        while true {
            attempt += 1
            let prepared = try await prepare(request)
            do {
                try sink.reset()
                let response = try await transport.send(prepared) { try sink.write($0) }
                guard attempt < retry.maxAttempts, let wait = retryWait(after: response, sink: sink, attempt: attempt)
                else {
                    return Outcome(response: response, attempts: attempt)
                }
                try await clock.sleep(wait)
            } catch let error as TransportError {
                guard attempt < retry.maxAttempts else {
                    throw DRSClientError(
                        .network,
                        "could not \(operation) at \(Self.origin(of: request.url)): \(error.detail)"
                            + (attempt > 1 ? " (gave up after \(attempt) attempts)" : ""))
                }
                try await clock.sleep(retry.backoff(afterAttempt: attempt))
            }
        }
    }

    /// How long to wait before the next attempt, or nil when this answer is final.
    private func retryWait(after response: TransportResponse, sink: some ResponseSink, attempt: Int) -> Duration? {
        guard !(200..<300).contains(response.status) else { return nil }
        let body = ServiceErrorBody(sink.head)
        guard RetryPolicy.isRetryable(status: response.status, errorCode: body?.code) else { return nil }
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
