import Foundation

/// One HTTP exchange, with the response body handed over in pieces as it arrives so that a
/// large download never has to fit in memory. The client above does retries, authentication
/// and error reporting; a transport only moves bytes. Tests inject their own.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and passes each piece of the response body to `receive`, in order.
    /// If `receive` throws, the exchange stops and that error is rethrown.
    /// Throws ``TransportError`` when no complete response arrived.
    func send(_ request: TransportRequest, receive: @escaping @Sendable (Data) throws -> Void)
        async throws -> TransportResponse
}

public struct TransportRequest: Sendable {
    public var method: String
    public var url: URL
    /// Header names as they are sent; look them up with ``header(_:)``, which ignores case.
    public private(set) var headers: [String: String]
    public var body: Data?
    /// The longest the whole exchange may take, body included; nil: only the transport's own
    /// timeouts apply. A transport that passes it throws ``TransportError/Kind/timeLimit``.
    public var timeLimit: Duration?
    /// Send it on a new connection, not one kept alive from an earlier request (which the server
    /// may have closed meanwhile).
    public var freshConnection = false

    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil, timeLimit: Duration? = nil) {
        self.method = method
        self.url = url
        self.headers = [:]
        self.body = body
        self.timeLimit = timeLimit
        for (name, value) in headers { setHeader(name, value) }
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Sets or (with nil) removes a header, whatever the case of an existing name.
    public mutating func setHeader(_ name: String, _ value: String?) {
        for key in headers.keys where key.caseInsensitiveCompare(name) == .orderedSame {
            headers[key] = nil
        }
        if let value { headers[name] = value }
    }
}

/// A response's status and headers; the body went to the `receive` closure.
public struct TransportResponse: Sendable {
    public let status: Int
    /// Header names in lower case.
    public let headers: [String: String]

    public init(status: Int, headers: [String: String]) {
        self.status = status
        self.headers = Dictionary(
            headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Why no complete response arrived.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    public struct Kind: Hashable, Sendable {
        private enum Base: Hashable, Sendable {
            case cannotConnect, connectTimeout, readTimeout, connection, noResponse, timeLimit, refusedRedirect
        }
        private let base: Base
        /// No connection was made (refused, unknown host, unreachable, TLS handshake failed): the
        /// request was never sent, so even a request that must not be repeated can be sent again.
        public static let cannotConnect = Kind(base: .cannotConnect)
        /// No response headers within the connect timeout.
        public static let connectTimeout = Kind(base: .connectTimeout)
        /// The response stalled for longer than the read timeout.
        public static let readTimeout = Kind(base: .readTimeout)
        /// Reset or closed while the response arrived (a truncated body).
        public static let connection = Kind(base: .connection)
        /// Reset or closed after connecting, before a byte of response (an empty reply), as a
        /// server does to a connection kept alive from an earlier request.
        public static let noResponse = Kind(base: .noResponse)
        /// The request's ``TransportRequest/timeLimit`` passed.
        public static let timeLimit = Kind(base: .timeLimit)
        /// A redirect that the redirect policy does not follow (a downgrade to http, too many).
        public static let refusedRedirect = Kind(base: .refusedRedirect)

        /// Whether another attempt may get an answer: every failure of the network, but not a
        /// time limit or a refused redirect, which would only come back.
        public var isTransient: Bool { base != .timeLimit && base != .refusedRedirect }
    }

    public let kind: Kind
    public let detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String { detail }
}
