import Foundation
import Testing

/// Collects, for one test, every secret in play and every message the test saw (error
/// descriptions, a command's stdout and stderr), then fails the test if any message contains
/// any secret. Fake servers register their secrets themselves; tests hand over what they saw
/// through ``SecretLeakCheck/record(_:)``.
public final class SecretLeakCheck: @unchecked Sendable {
    // @unchecked: all state is behind `lock`.
    private let lock = NSLock()
    private var secrets: Set<String> = []
    private var messages: [String] = []

    @TaskLocal public static var current: SecretLeakCheck?

    public init() {}

    /// Adds secrets to look for in the current test's messages.
    public static func register(secrets: some Sequence<String>) {
        guard let current else { return }
        current.lock.withLock { current.secrets.formUnion(secrets.filter { !$0.isEmpty }) }
    }

    /// Hands a message the current test saw to the check.
    public static func record(_ message: String) {
        guard let current else { return }
        current.lock.withLock { current.messages.append(message) }
    }

    /// The messages that contain a secret, each with a hint of which (never the secret itself).
    public func leaks() -> [String] {
        lock.withLock {
            messages.compactMap { message in
                let found = secrets.filter { message.contains($0) }
                guard !found.isEmpty else { return nil }
                return "a message shows \(found.count) secret(s) (lengths \(found.map(\.count).sorted())): "
                    + Self.redacted(message, secrets: found)
            }
        }
    }

    /// How many messages were checked, to prove the check saw something.
    public var messageCount: Int { lock.withLock { messages.count } }

    private static func redacted(_ message: String, secrets: Set<String>) -> String {
        secrets.reduce(message) { $0.replacingOccurrences(of: $1, with: "<SECRET>") }
    }
}

/// Runs every test of a suite with a ``SecretLeakCheck`` and records an issue for each leak.
public struct NoSecretsInMessages: SuiteTrait, TestTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        // Suites get a scope too; only test functions are checked.
        guard !test.isSuite else {
            try await function()
            return
        }
        let check = SecretLeakCheck()
        try await SecretLeakCheck.$current.withValue(check) {
            try await function()
        }
        for leak in check.leaks() {
            Issue.record(Comment(rawValue: leak))
        }
    }
}

extension Trait where Self == NoSecretsInMessages {
    /// Fails a test whose messages show a token, secret key or password.
    public static var noSecretsInMessages: Self { NoSecretsInMessages() }
}
