import Dispatch
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The real transport: URLSession (libcurl underneath on Linux), with the body streamed to the
/// caller piece by piece, redirects judged by ``RedirectPolicy`` (at most 5, never from https to
/// http, credentials kept from other origins), and three time bounds that URLSession alone does
/// not separate:
/// - connect: from sending until the response headers arrive;
/// - read: the longest silence allowed while the body arrives;
/// - a request's own ``TransportRequest/timeLimit`` for the whole exchange.
///
/// Foundation prints every request's headers and body (tokens, signatures, passwords) to stderr
/// when the `URLSessionDebugLibcurl` or `URLSessionDebug` environment variable is set: a program
/// handling real credentials must clear them before its first URLSession exists (drsdiff does).
/// Likewise, libcurl takes its proxy from the environment at every request: a program calls
/// ``ProxyEnvironment/keepPlainHTTPDirect()`` first, so that plain http (loopback, or a network
/// vouched for) never reaches a proxy in clear, while https honours `https_proxy` and `NO_PROXY`.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    // @unchecked: URLSession is thread-safe but not marked Sendable on every platform.
    private let session: URLSession
    private let delegate: SessionDelegate
    private let configuration: URLSessionConfiguration
    private let queue: OperationQueue

    /// - Parameter allowInsecureHTTP: follow redirects to plain http on hosts other than loopback
    ///   (never from https); match ``DRSClientConfiguration/allowInsecureHTTP``.
    public init(connectTimeout: Duration = .seconds(60), readTimeout: Duration = .seconds(120), allowInsecureHTTP: Bool = false) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpShouldSetCookies = false
        // URLSession's own idle timeout only backs up the watchdog below.
        configuration.timeoutIntervalForRequest = max(connectTimeout, readTimeout).seconds + 5
        let delegate = SessionDelegate(
            connectTimeout: connectTimeout, readTimeout: readTimeout,
            redirects: RedirectPolicy(allowInsecureHTTP: allowInsecureHTTP))
        let queue = OperationQueue()
        // Body pieces must reach the caller in order.
        queue.maxConcurrentOperationCount = 1
        self.delegate = delegate
        self.configuration = configuration
        self.queue = queue
        self.session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
    }

    deinit {
        session.invalidateAndCancel()
    }

    public func send(
        _ request: TransportRequest, receive: @escaping @Sendable (Data) throws -> Void
    ) async throws -> TransportResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        for (name, value) in request.headers {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        let handle = TaskHandle()
        // A session of its own has no pooled connection: the request goes on a new one.
        let session = request.freshConnection
            ? URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue) : self.session
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.dataTask(with: urlRequest)
                delegate.track(task, timeLimit: request.timeLimit, continuation: continuation, receive: receive)
                handle.start(task)
                if session !== self.session { session.finishTasksAndInvalidate() }
            }
        } onCancel: {
            handle.cancel()
        }
    }
}

extension Duration {
    /// Seconds as a floating-point number, for APIs that take `TimeInterval`.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}

/// Lets Swift task cancellation reach a URLSession task that may not exist yet.
private final class TaskHandle: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionTask?
    private var isCancelled = false

    func start(_ task: URLSessionTask) {
        let cancelled = lock.withLock {
            self.task = task
            return isCancelled
        }
        task.resume()
        if cancelled { task.cancel() }
    }

    func cancel() {
        let task = lock.withLock {
            isCancelled = true
            return self.task
        }
        task?.cancel()
    }
}

/// Routes URLSession's per-task callbacks to the waiting caller and runs the timeout watchdog.
private final class SessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private struct Transfer {
        var continuation: CheckedContinuation<TransportResponse, any Error>
        var receive: @Sendable (Data) throws -> Void
        var response: TransportResponse?
        var started: DispatchTime
        var lastActivity: DispatchTime
        var timeLimit: Duration?
        var redirects = 0
        /// Set when drsdiff itself stopped the task, to report why instead of "cancelled".
        var failure: (any Error)?
        var watchdog: DispatchSourceTimer
    }

    private let connectTimeout: Duration
    private let readTimeout: Duration
    private let redirects: RedirectPolicy
    private let lock = NSLock()
    private var transfers: [ObjectIdentifier: Transfer] = [:]
    private let watchdogQueue = DispatchQueue(label: "drsdiff.transport.watchdog")

    init(connectTimeout: Duration, readTimeout: Duration, redirects: RedirectPolicy) {
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.redirects = redirects
    }

    func track(
        _ task: URLSessionTask, timeLimit: Duration?,
        continuation: CheckedContinuation<TransportResponse, any Error>,
        receive: @escaping @Sendable (Data) throws -> Void
    ) {
        let timer = DispatchSource.makeTimerSource(queue: watchdogQueue)
        // Check often enough that a timeout fires within a quarter of its length.
        let shortest = min(connectTimeout, readTimeout, timeLimit ?? readTimeout)
        let tick = min(max(shortest.seconds / 4, 0.02), 1)
        timer.schedule(deadline: .now() + tick, repeating: tick)
        let id = ObjectIdentifier(task)
        timer.setEventHandler { [weak self, weak task] in
            guard let self, let task else { return }
            self.checkTimeouts(id: id, task: task)
        }
        let now = DispatchTime.now()
        lock.withLock {
            transfers[id] = Transfer(
                continuation: continuation, receive: receive, response: nil, started: now,
                lastActivity: now, timeLimit: timeLimit, failure: nil, watchdog: timer)
        }
        timer.resume()
    }

    private func checkTimeouts(id: ObjectIdentifier, task: URLSessionTask) {
        let expired: TransportError? = lock.withLock {
            let now = DispatchTime.now()
            guard var transfer = transfers[id], transfer.failure == nil else { return nil }
            let error: TransportError
            if let limit = transfer.timeLimit, elapsed(since: transfer.started, until: now) > limit.seconds {
                error = TransportError(.timeLimit, "the request did not finish within its time limit (\(format(limit)))")
            } else if transfer.response == nil {
                guard elapsed(since: transfer.started, until: now) > connectTimeout.seconds else { return nil }
                error = TransportError(
                    .connectTimeout,
                    "no response within the connect timeout (\(format(connectTimeout)))")
            } else {
                guard elapsed(since: transfer.lastActivity, until: now) > readTimeout.seconds else { return nil }
                error = TransportError(
                    .readTimeout, "the response stalled for longer than the read timeout (\(format(readTimeout)))")
            }
            transfer.failure = error
            transfers[id] = transfer
            return error
        }
        if expired != nil { task.cancel() }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        if let http = response as? HTTPURLResponse {
            var headers: [String: String] = [:]
            for case (let name as String, let value as String) in http.allHeaderFields {
                headers[name] = value
            }
            let head = TransportResponse(status: http.statusCode, headers: headers)
            lock.withLock {
                transfers[ObjectIdentifier(dataTask)]?.response = head
                transfers[ObjectIdentifier(dataTask)]?.lastActivity = .now()
            }
        }
        completionHandler(.allow)
    }

    /// Once a transfer has failed (the sink refused a piece, a timeout, a refused redirect), the
    /// pieces libcurl still delivers before the cancellation takes hold are dropped unread, and
    /// the task is cancelled once: handing them on, or cancelling per piece, kept an endless
    /// body's data alive in memory for seconds after the limit stopped it.
    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let id = ObjectIdentifier(dataTask)
        let receive = lock.withLock { () -> (@Sendable (Data) throws -> Void)? in
            guard transfers[id]?.failure == nil else { return nil }
            transfers[id]?.lastActivity = .now()
            return transfers[id]?.receive
        }
        guard let receive else { return }
        do {
            try receive(data)
        } catch {
            let first = lock.withLock { () -> Bool in
                guard transfers[id] != nil, transfers[id]?.failure == nil else { return false }
                transfers[id]?.failure = error
                return true
            }
            if first { dataTask.cancel() }
        }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
        completionHandler: @escaping (URLRequest?) -> Void
    ) {
        let id = ObjectIdentifier(task)
        let followed = lock.withLock { () -> Int in
            defer { transfers[id]?.redirects += 1 }
            return transfers[id]?.redirects ?? 0
        }
        switch redirects.decide(request, from: response.url ?? task.currentRequest?.url, followed: followed) {
        case .follow(let next):
            completionHandler(next)
        case .refuse(let reason):
            lock.withLock { transfers[id]?.failure = TransportError(.refusedRedirect, reason) }
            completionHandler(nil)
            task.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let transfer = lock.withLock({ transfers.removeValue(forKey: ObjectIdentifier(task)) }) else {
            return
        }
        transfer.watchdog.cancel()
        if let failure = transfer.failure {
            transfer.continuation.resume(throwing: failure)
        } else if let error {
            transfer.continuation.resume(throwing: Self.transportError(error, responded: transfer.response != nil))
        } else if let response = transfer.response {
            transfer.continuation.resume(returning: response)
        } else {
            transfer.continuation.resume(throwing: TransportError(.noResponse, "the server sent no HTTP response"))
        }
    }

    private static func transportError(_ error: any Error, responded: Bool) -> any Error {
        guard let urlError = error as? URLError else {
            return TransportError(responded ? .connection : .noResponse, "\(error.localizedDescription)")
        }
        // libcurl's own words ("transfer closed with 90 bytes remaining to read") say more
        // than URLError's generic text.
        let detail = (urlError as NSError).userInfo[NSLocalizedDescriptionKey] as? String
        switch urlError.code {
        case .cancelled:
            return CancellationError()
        case .timedOut:
            return TransportError(responded ? .readTimeout : .connectTimeout, "the connection timed out")
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet,
            .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return TransportError(.cannotConnect, detail ?? "cannot connect (URLError \(urlError.code.rawValue))")
        default:
            return TransportError(
                responded ? .connection : .noResponse, detail ?? "connection failed (URLError \(urlError.code.rawValue))")
        }
    }

    /// Zero when `start` is later: data can arrive (and move `lastActivity`) on the session's
    /// queue between the watchdog reading the clock and taking the lock.
    private func elapsed(since start: DispatchTime, until now: DispatchTime) -> Double {
        guard now.uptimeNanoseconds > start.uptimeNanoseconds else { return 0 }
        return Double(now.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    private func format(_ duration: Duration) -> String {
        let seconds = duration.seconds
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
