import Foundation

/// The client's only view of time: what time it is (signatures, deadlines, token expiry) and
/// how to wait (backoff, polling). Tests pass a clock whose sleeps return at once.
public struct ClientClock: Sendable {
    public var now: @Sendable () -> Date
    public var sleep: @Sendable (Duration) async throws -> Void

    public init(now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.now = now
        self.sleep = sleep
    }

    public static let system = ClientClock(
        now: { Date() },
        sleep: { try await Task.sleep(for: $0) })
}
