import Foundation

/// Where one response body goes while it arrives. A retry starts the body over, so sinks
/// can be reset; error answers are read back from the first bytes kept.
protocol ResponseSink: AnyObject, Sendable {
    /// Forgets everything received so far.
    func reset() throws
    func write(_ data: Data) throws
    /// Called once a successful (2xx) answer has arrived whole, as far as the transport can
    /// tell; throws a ``TransportError`` when the body is nevertheless incomplete, so that it is
    /// fetched again like any body cut short.
    func finish(_ response: TransportResponse) throws
    /// The body's first bytes (all of it, for small bodies).
    var head: Data { get }
}

enum ResponseLength {
    /// Compares the bytes received with `Content-Length`, when the body came as it was sent
    /// (with a `Content-Encoding`, the header counts the encoded bytes, the sink decoded ones).
    static func check(received: Int64, response: TransportResponse) throws {
        guard let announced = response.header("Content-Length").flatMap({ Int64($0.trimmingCharacters(in: .whitespaces)) }),
            (response.header("Content-Encoding") ?? "identity").lowercased() == "identity",
            received != announced
        else { return }
        throw TransportError(.connection, "the body ended after \(received) of the \(announced) bytes announced")
    }
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

    func finish(_ response: TransportResponse) throws {
        try ResponseLength.check(received: Int64(head.count), response: response)
    }

    var head: Data { lock.withLock { data } }
}
