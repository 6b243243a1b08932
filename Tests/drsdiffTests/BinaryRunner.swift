import CDRSDiffZlib
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

/// Writes small .xlsx packages with stored (uncompressed) entries, so end-to-end tests can make
/// exactly the workbook, or the damage, they need without any other tool.
struct StoredZip {
    private(set) var bytes: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    mutating func add(_ name: String, _ text: String) { add(name, Array(text.utf8)) }

    mutating func add(_ name: String, _ data: [UInt8], crc: UInt32? = nil) {
        let nameBytes = Array(name.utf8)
        let checksum = crc ?? StoredZip.crc32(data)
        let offset = UInt32(bytes.count)
        bytes += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(checksum)
        bytes += le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(UInt16(nameBytes.count)) + le16(0) + nameBytes + data
        central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(checksum)
        central += le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(UInt16(nameBytes.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0)
        central += le32(offset) + nameBytes
        count += 1
    }

    /// An entry whose data is already deflated (method 8).
    mutating func addDeflated(_ name: String, _ data: [UInt8], inflatedSize: Int, crc: UInt32) {
        let nameBytes = Array(name.utf8)
        let offset = UInt32(bytes.count)
        bytes += le32(0x0403_4B50) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0x21) + le32(crc)
        bytes += le32(UInt32(data.count)) + le32(UInt32(inflatedSize)) + le16(UInt16(nameBytes.count)) + le16(0) + nameBytes + data
        central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0x21) + le32(crc)
        central += le32(UInt32(data.count)) + le32(UInt32(inflatedSize)) + le16(UInt16(nameBytes.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0)
        central += le32(offset) + nameBytes
        count += 1
    }

    func archive() -> [UInt8] {
        bytes + central + le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(count)) + le16(UInt16(count))
            + le32(UInt32(central.count)) + le32(UInt32(bytes.count)) + le16(0)
    }

    /// A workbook with the given sheets (name, sheetData inner XML) and optional shared strings.
    static func workbook(_ sheets: [(name: String, rows: String)], sharedStrings: [String] = [], rawSheet: String? = nil) -> [UInt8] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var zip = StoredZip()
        zip.add("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        zip.add("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")
        let list = sheets.enumerated().map { "<sheet name=\"\($1.name)\" sheetId=\"\($0 + 1)\" r:id=\"s\($0 + 1)\"/>" }.joined()
        zip.add("xl/workbook.xml", "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets>\(list)</sheets></workbook>")
        var links = sheets.indices.map { "<Relationship Id=\"s\($0 + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
        if !sharedStrings.isEmpty { links += "<Relationship Id=\"t\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>" }
        zip.add("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(links)</Relationships>")
        for (index, sheet) in sheets.enumerated() {
            zip.add("xl/worksheets/sheet\(index + 1).xml", rawSheet ?? "<worksheet xmlns=\"\(main)\"><sheetData>\(sheet.rows)</sheetData></worksheet>")
        }
        if !sharedStrings.isEmpty {
            zip.add("xl/sharedStrings.xml", "<sst xmlns=\"\(main)\">" + sharedStrings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>")
        }
        return zip.archive()
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        UInt32(CDRSDiffZlib.crc32(0, data, uInt(data.count)))
    }

    private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
}

func writeFile(_ bytes: [UInt8], named name: String, in directory: String) throws -> String {
    let path = directory + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}
