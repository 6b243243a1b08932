import Foundation

/// Every secret value a client holds: those of its credentials and those it learns while it runs
/// (the tokens IAM issues after a password login), so that every message can be scrubbed of all.
final class SecretRegistry: @unchecked Sendable {
    // @unchecked: all state is behind `lock`.
    private let lock = NSLock()
    private var values: [String]

    init(_ initial: [String]) {
        values = initial
    }

    func add(_ value: String) {
        lock.withLock {
            if !values.contains(value) { values.append(value) }
        }
    }

    var all: [String] { lock.withLock { values } }

    /// The headers whose values prove who sent a request: a token, or an AK/SK signature that
    /// can be replayed for minutes. A service echoing one back must not get it printed.
    static let credentialHeaders = ["Authorization", "X-Auth-Token", "X-Security-Token"]

    /// Learns the credentials `request` carries (the whole `Authorization` value and its
    /// signature alone, tokens), before it is sent.
    func addCredentials(carriedBy request: TransportRequest) {
        for name in Self.credentialHeaders {
            guard let value = request.header(name), !value.isEmpty else { continue }
            add(value)
            if let signature = value.range(of: "Signature=").map({ String(value[$0.upperBound...]) }), !signature.isEmpty {
                add(signature)
            }
        }
    }
}
