import FlyingFox
import FlyingSocks
import Foundation

/// A FlyingFox server on a loopback address (127.0.0.1 unless told another of 127.0.0.0/8, which
/// is another host to a client) at a port the kernel picks, so tests never collide.
final class LoopbackServer: Sendable {
    let baseURL: URL
    private let server: HTTPServer
    private let running: Task<Void, any Error>

    init(host: String = "127.0.0.1", handler: some HTTPHandler) async throws {
        let server = HTTPServer(
            address: try .inet(ip4: host, port: 0), timeout: 60, logger: .disabled, handler: handler)
        // Above the tests' own priority: Swift Testing starts every test at once, and the pool's
        // threads for that priority are held by synchronous tests (binaries, whole workbooks) for
        // minutes, so a server at the same priority answers only when they are done, after the
        // clients' timeouts. A higher priority is served by threads of its own; FlyingFox's tasks
        // inherit it.
        running = Task(priority: .high) { try await server.run() }
        // Generous: on a machine busy with the whole suite (and others' work), starting takes a while.
        try await server.waitUntilListening(timeout: 60)
        guard case .ip4(_, let port)? = await server.listeningAddress else {
            throw URLError(.cannotConnectToHost)
        }
        self.server = server
        baseURL = URL(string: "http://\(host):\(port)")!
    }

    func stop() async {
        await server.stop(timeout: 1)
        running.cancel()
    }
}

/// A handler made of a closure.
struct Handler: HTTPHandler {
    let body: @Sendable (HTTPRequest) async throws -> HTTPResponse

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await body(request)
    }
}
