import Foundation

/// The client's only view of time: what time it is (signatures, deadlines, token expiry) and
/// how to wait (backoff, polling). Tests pass a clock whose sleeps return at once.
public struct ClientClock: Sendable {
    public var now: @Sendable () -> Date
    public var sleep: @Sendable (Duration) async throws -> Void
    /// Whether this clock's time passes as real time does. Only then does a deadline also bound a
    /// request in flight (the transport measures it in real time); on another clock, deadlines
    /// are kept between requests, and each request has its transport's timeouts.
    public var tracksRealTime: Bool

    public init(
        now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Duration) async throws -> Void,
        tracksRealTime: Bool = false
    ) {
        self.now = now
        self.sleep = sleep
        self.tracksRealTime = tracksRealTime
    }

    public static let system = ClientClock(
        now: { Date() },
        sleep: { try await Task.sleep(for: $0) },
        tracksRealTime: true)
}
