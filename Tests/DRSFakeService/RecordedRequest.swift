import FlyingFox
import Foundation

/// A request as a fake server received it, for assertions.
public struct RecordedRequest: Sendable {
    public let method: String
    /// The path as sent (percent-encoded).
    public let path: String
    public let query: [String: String]
    /// Header names in lower case.
    public let headers: [String: String]
    public let body: Data
    /// The client's address and port: requests with different ones came on different connections.
    public let connection: String?

    init(_ request: HTTPRequest, body: Data) {
        method = request.method.rawValue
        path = request.path
        query = Dictionary(request.query.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        headers = Dictionary(
            request.headers.map { ($0.key.rawValue.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
        connection = request.remoteAddress.map { "\($0)" }
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// Whether any credential travelled with this request.
    public var carriesCredentials: Bool {
        ["x-auth-token", "authorization", "x-security-token"].contains { headers[$0] != nil }
    }
}
