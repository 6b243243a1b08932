import DRSClient
import Foundation

/// A clock whose sleeps return at once and move its time forward instead, so retries, backoff
/// and poll deadlines run in milliseconds and come out the same on a busy machine.
public final class TestClock: @unchecked Sendable {
    // @unchecked: all state is behind `lock`.
    private let lock = NSLock()
    /// Time stands still but for sleeps, so how long the machine takes never shows in a test.
    private let start = Date()
    private var offset: TimeInterval = 0
    private var recorded: [Duration] = []

    public init() {}

    /// Every sleep the client asked for, in order.
    public var sleeps: [Duration] { lock.withLock { recorded } }

    public var clock: ClientClock {
        ClientClock(
            now: { [self] in lock.withLock { start.addingTimeInterval(offset) } },
            sleep: { [self] duration in
                try Task.checkCancellation()
                lock.withLock {
                    recorded.append(duration)
                    let (seconds, attoseconds) = duration.components
                    offset += Double(seconds) + Double(attoseconds) / 1e18
                }
            })
    }
}
