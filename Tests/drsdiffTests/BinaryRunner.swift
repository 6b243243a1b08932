import XLSXFixtures
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `drsdiff` binary as a user would, and reports what a test needs to judge it:
/// exit status or signal, stdout bytes, stderr text, wall time and the process's own peak RSS.
enum BinaryRunner {
    struct Result {
        let status: Int32
        let signal: Int32?
        let stdout: [UInt8]
        let stderr: String
        let seconds: Double
        /// The run passed its timeout and was killed.
        let timedOut: Bool
        /// Peak resident memory of the drsdiff process itself (its VmHWM, sampled while it runs;
        /// wait4's figure would include the test process's memory inherited before exec).
        let peakMegabytes: Double

        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    struct MissingBinary: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) is missing: `swift test` builds it; run `swift build` first if you run tests another way" }
    }

    /// A refusal that should take a few hundredths of a second (a zip bomb, a far cell, a corrupt
    /// part) is a hang only past this: ten times the 2 s target, which scripts/bench.sh measures.
    /// The machine running the suite is busy, so the target itself is never asserted here.
    static let quickRefusalHangGuard: Double = 20

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func binary() throws -> String {
        let candidates = [Bundle.main.bundleURL.appendingPathComponent("drsdiff").path, path(".build/debug/drsdiff")]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw MissingBinary(path: candidates.joined(separator: " or "))
        }
        return found
    }

    /// A fresh directory under the system's temporary directory.
    static func temporaryDirectory() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("drsdiff-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Standard input other than a file: a stream holding `first`, which the runner keeps open
    /// until the process ends, so a command reading it is certain to be waiting there.
    enum Input: Equatable { case heldOpen(first: [UInt8]) }
    /// Standard output other than a captured file: a stream nobody reads (its other end is closed
    /// before the process starts), so the first write gets SIGPIPE, as under `| head -1`.
    enum Output { case captured, closedPipe }

    /// A connected pair of stream sockets (a pipe in both directions), close-on-exec from the
    /// start, so that no other process spawned meanwhile inherits an end.
    private static func streamPair() throws -> [Int32] {
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        return ends
    }

    /// Runs `drsdiff arguments…` with stdin from `stdinPath` (or /dev/null, or `stdin`) in
    /// `directory`, killing it after `timeout` seconds; `whileRunning` gets its pid once it
    /// started. Output goes through files, so nothing blocks on a full pipe; stderr goes to
    /// `stderrTerminal` instead when given (a pseudo-terminal's device, whose output the caller
    /// reads).
    /// - Parameter wrapper: a command that runs drsdiff, such as `/usr/bin/nohup`.
    static func run(_ arguments: [String], stdinPath: String? = nil, stdin: Input? = nil, stdout: Output = .captured,
                    wrapper: [String] = [], environment: [String: String]? = nil,
                    directory: String? = nil, timeout: Double = 120, stderrTerminal: String? = nil,
                    whileRunning: ((pid_t) -> Void)? = nil) throws -> Result {
        let binary = try binary()
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let outPath = scratch + "/stdout", errPath = scratch + "/stderr"

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var heldInput: [Int32] = [-1, -1]
        if case .heldOpen(let first)? = stdin {
            heldInput = try streamPair()
            // Less than the stream's buffer holds, so this returns before anyone reads.
            guard first.withUnsafeBytes({ write(heldInput[1], $0.baseAddress, $0.count) }) == first.count else {
                throw POSIXError(.EIO)
            }
            posix_spawn_file_actions_adddup2(&actions, heldInput[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, stdinPath ?? "/dev/null", O_RDONLY, 0)
        }
        defer { for end in heldInput where end >= 0 { close(end) } }
        var unread: [Int32] = [-1, -1]
        if stdout == .closedPipe {
            unread = try streamPair()
            close(unread[0])
            unread[0] = -1
            posix_spawn_file_actions_adddup2(&actions, unread[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        defer { for end in unread where end >= 0 { close(end) } }
        if let stderrTerminal {
            posix_spawn_file_actions_addopen(&actions, 2, stderrTerminal, O_RDWR | O_NOCTTY, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }

        // A working directory is set by coreutils' env, which then execs drsdiff in the same process.
        let command = (directory.map { ["/usr/bin/env", "-C", $0] } ?? []) + wrapper + [binary]
        let launcher = command[0]
        let argv = (command + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let variables = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { variables.forEach { free($0) } }

        let start = Date()
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, launcher, &actions, nil, argv, variables)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        whileRunning?(pid)

        var status: Int32 = 0
        var timedOut = false
        var usage = rusage()
        var peakKilobytes = 0
        while true {
            peakKilobytes = max(peakKilobytes, highWaterMark(of: pid) ?? 0)
            let waited = wait4(pid, &status, WNOHANG, &usage)
            if waited == pid { break }
            if Date().timeIntervalSince(start) > timeout {
                timedOut = true
                kill(pid, SIGKILL)
                _ = wait4(pid, &status, 0, &usage)
                break
            }
            usleep(1_000)
        }
        let seconds = Date().timeIntervalSince(start)
        let signaled = (status & 0x7F) != 0 && (status & 0x7F) != 0x7F
        return Result(
            status: signaled ? -1 : (status >> 8) & 0xFF,
            signal: signaled ? status & 0x7F : nil,
            stdout: stdout == .captured ? Array(try Data(contentsOf: URL(fileURLWithPath: outPath))) : [],
            stderr: stderrTerminal == nil ? String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self) : "",
            seconds: seconds,
            timedOut: timedOut,
            peakMegabytes: Double(peakKilobytes) / 1024)
    }

    /// ``run(_:stdinPath:stdin:stdout:wrapper:environment:directory:timeout:stderrTerminal:whileRunning:)``
    /// from an async test, on a thread of its own: waiting for the process must not hold one of
    /// the few threads of Swift concurrency's pool, which the tests' fake servers run on.
    static func runOffPool(
        _ arguments: [String], stdin: Input? = nil, stdout: Output = .captured, wrapper: [String] = [],
        environment: [String: String]? = nil, directory: String? = nil, timeout: Double = 120,
        whileRunning: (@Sendable (pid_t) -> Void)? = nil
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
            Thread {
                continuation.resume(
                    with: Swift.Result {
                        try run(
                            arguments, stdin: stdin, stdout: stdout, wrapper: wrapper, environment: environment,
                            directory: directory, timeout: timeout, whileRunning: whileRunning.map { callback in { callback($0) } })
                    })
            }.start()
        }
    }

    /// VmHWM of a running process, in kilobytes.
    private static func highWaterMark(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }
}

func writeFile(_ bytes: [UInt8], named name: String, in directory: String) throws -> String {
    let path = directory + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}
