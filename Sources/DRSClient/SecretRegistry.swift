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
}
