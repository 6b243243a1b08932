import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A raw TCP listener on 127.0.0.1 standing in for an HTTP proxy: it records the first line of
/// whatever each connection sends (a proxied request names its whole URL there), answers 502 and
/// closes. A test points the proxy variables at it to check that nothing reaches it.
public final class RecordingProxy: @unchecked Sendable {
    // @unchecked: `seen` is behind `lock`; the descriptor is closed once, by `stop()`.
    private let lock = NSLock()
    private var seen: [String] = []
    private let descriptor: Int32
    public let url: URL

    public init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) }
        }
        guard bound == 0, listen(listener, 16) == 0,
            withUnsafeMutablePointer(to: &address, {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
            }) == 0
        else {
            close(listener)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        descriptor = listener
        url = URL(string: "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))")!
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// The first line of every connection made to the proxy, in order.
    public var requests: [String] { lock.withLock { seen } }

    /// Stops listening (the accepting thread ends with the descriptor).
    public func stop() {
        shutdown(descriptor, Int32(SHUT_RDWR))
        close(descriptor)
    }

    private func acceptLoop() {
        while true {
            let client = accept(descriptor, nil, nil)
            guard client >= 0 else {
                if errno == EINTR { continue }
                return
            }
            var buffer = [UInt8](repeating: 0, count: 4096)
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let count = read(client, &buffer, buffer.count)
            let text = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
            let firstLine = text.split(separator: "\r\n", maxSplits: 1).first.map(String.init) ?? "(connected, sent nothing)"
            lock.withLock { seen.append(firstLine) }
            let answer = "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            _ = answer.withCString { write(client, $0, strlen($0)) }
            close(client)
        }
    }
}
