import FlyingFox
import Foundation

/// A second server, on another host (another loopback address, 127.0.0.2 by default), that
/// serves a file to any GET and records what it was sent: the target of redirects, to prove that
/// no credentials follow a redirect away from DRS.
public final class FakeFileHost: Sendable {
    private let server: LoopbackServer
    private let log: RequestLog

    public var baseURL: URL { server.baseURL }

    private init(server: LoopbackServer, log: RequestLog) {
        self.server = server
        self.log = log
    }

    public static func start(serving file: Data, host: String = "127.0.0.2") async throws -> FakeFileHost {
        let log = RequestLog()
        let server = try await LoopbackServer(
            host: host,
            handler: Handler { request in
                await log.append(RecordedRequest(request, body: try await request.bodyData))
                return HTTPResponse(statusCode: .ok, headers: HTTPHeaders([.contentType: "application/octet-stream"]), body: file)
            })
        return FakeFileHost(server: server, log: log)
    }

    public func requests() async -> [RecordedRequest] {
        await log.requests
    }

    public func stop() async {
        await server.stop()
    }
}

private actor RequestLog {
    private(set) var requests: [RecordedRequest] = []

    func append(_ request: RecordedRequest) {
        requests.append(request)
    }
}
