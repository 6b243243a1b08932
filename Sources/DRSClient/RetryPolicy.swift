import Foundation

/// When and how long to wait before trying a request again.
///
/// Retried: connection failures and timeouts, HTTP 429 and the gateway's throttling code
/// `APIGW.0308` (whatever its status), and every 5xx; for a request that changes something (the
/// export), only what cannot have reached the service: no connection, or throttling. Waits grow exponentially with "equal
/// jitter" (half fixed, half random) so that many clients throttled together do not come back
/// together, and never go below what a `Retry-After` header asks for.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// The longest `Retry-After` that is waited out; a longer one ends the retries at once.
    public var maxRetryAfter: Duration
    /// A number in 0...1 for each wait.
    public var random: @Sendable () -> Double

    public init(
        maxAttempts: Int = 5, baseDelay: Duration = .seconds(1), maxDelay: Duration = .seconds(30),
        maxRetryAfter: Duration = .seconds(120),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.random = random
    }

    /// The wait after the `attempt`-th try failed (1-based).
    public func backoff(afterAttempt attempt: Int) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let ceiling = min(maxDelay, baseDelay * (1 << exponent))
        return ceiling / 2 + ceiling / 2 * min(max(random(), 0), 1)
    }

    /// The throttling code of Huawei Cloud's API gateway.
    static let throttledCode = "APIGW.0308"

    static func isRetryable(status: Int, errorCode: String?) -> Bool {
        isThrottled(status: status, errorCode: errorCode) || (500...599).contains(status)
    }

    /// The API gateway refused the request before it reached the service behind it.
    static func isThrottled(status: Int, errorCode: String?) -> Bool {
        status == 429 || errorCode == throttledCode
    }

    /// A `Retry-After` value: delay-seconds or an HTTP date. nil when absent or unreadable.
    public static func retryAfter(_ value: String?, now: Date) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) {
            return .seconds(max(seconds, 0))
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .milliseconds(max(Int64(date.timeIntervalSince(now) * 1000), 0))
    }
}
