import Foundation
import Testing

/// Collects, for one test, every secret in play and everything the test saw come out (error
/// descriptions, a command's stdout and stderr, the files it wrote), then fails the test if any
/// of it contains any secret — and fails a test that handed over nothing, since a check that saw
/// nothing proves nothing. Fake servers register their secrets themselves (the tokens they issue
/// included); tests hand over what they saw through ``SecretLeakCheck/record(_:)`` and
/// ``SecretLeakCheck/recordFiles(in:)``.
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

    /// Hands every file under `directory` (its bytes, as text) to the check.
    public static func recordFiles(in directory: URL) {
        guard current != nil, let names = try? FileManager.default.subpathsOfDirectory(atPath: directory.path) else {
            return
        }
        for name in names {
            let path = directory.appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = FileManager.default.contents(atPath: path)
            else { continue }
            record(String(decoding: data, as: UTF8.self))
        }
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
        if check.messageCount == 0 {
            Issue.record("the secret-leak check was handed nothing: record the test's output, errors or files")
        }
    }
}

extension Trait where Self == NoSecretsInMessages {
    /// Fails a test whose messages show a token, secret key or password.
    public static var noSecretsInMessages: Self { NoSecretsInMessages() }
}
