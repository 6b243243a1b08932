import Foundation

/// Where one response body goes while it arrives. A retry starts the body over, so sinks
/// can be reset; error answers are read back from the first bytes kept.
protocol ResponseSink: AnyObject, Sendable {
    /// Forgets everything received so far.
    func reset() throws
    func write(_ data: Data) throws
    /// The body's first bytes (all of it, for small bodies).
    var head: Data { get }
}

/// Keeps a JSON answer in memory, up to a size no DRS answer comes near.
final class MemorySink: ResponseSink, @unchecked Sendable {
    // @unchecked: all state is behind `lock`.
    private let lock = NSLock()
    private var data = Data()
    private let limit: Int

    init(limit: Int = 16 << 20) {
        self.limit = limit
    }

    func reset() {
        lock.withLock { data = Data() }
    }

    func write(_ piece: Data) throws {
        try lock.withLock {
            guard data.count + piece.count <= limit else {
                throw DRSClientError(.invalidResponse, "the service's answer is larger than \(limit >> 20) MiB")
            }
            data.append(piece)
        }
    }

    var head: Data { lock.withLock { data } }
}
