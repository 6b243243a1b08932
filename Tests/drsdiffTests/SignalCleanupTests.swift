import DRSFakeService
import Foundation
import TestPacing
import Testing
import XLSXFixtures

#if canImport(Glibc)
    import Glibc
#endif

/// A command ended by SIGINT, SIGTERM, SIGHUP or SIGPIPE in the middle of its work leaves no
/// temporary file or directory behind, and ends by that signal (the shell sees 128 + n). Each
/// test waits until the command's temporary file exists — never a fixed sleep — then signals.
/// One at a time: a dozen commands converting at once would starve the rest of the suite.
@Suite(.heavy, .serialized) struct SignalCleanupTests {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// A working directory and a `$TMPDIR` of its own for one run.
    struct Scene {
        let directory: String
        let temporary: String

        init() throws {
            directory = try BinaryRunner.temporaryDirectory()
            temporary = directory + ".tmp"
            try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: directory + ".inputs", withIntermediateDirectories: true)
        }

        /// A workbook written beside the working directory (not in it: that must end empty).
        func input(_ bytes: Data, named name: String) throws -> String {
            let path = directory + ".inputs/" + name
            try bytes.write(to: URL(fileURLWithPath: path))
            return path
        }

        var environment: [String: String] {
            ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary]) { $1 }
        }

        func path(_ name: String) -> String { directory + "/" + name }

        func remove() {
            for path in [directory, temporary, directory + ".inputs"] { try? FileManager.default.removeItem(atPath: path) }
        }
    }

    /// Everything under `directory`, relative paths.
    static func everything(in directory: String) -> [String] {
        ((try? FileManager.default.subpathsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    static func temporaryNames(in directory: String) -> [String] {
        everything(in: directory).filter { $0.contains(".drsdiff-tmp-") }
    }

    /// How long a run may take before it is killed (and the test fails): far above the few
    /// seconds a run takes, far below a stuck run's wait for a held stdin.
    static let timeout: Double = 60

    /// Polls until `ready` holds, or 30 s pass; says which (a test expects it did, or its
    /// signal would not have come mid-write).
    @discardableResult
    /// As long as BinaryRunner lets a command run: it returns as soon as `ready`, and under
    /// ThreadSanitizer with the service suites' binaries in parallel a download's first bytes
    /// have taken more than 30 s on two cores.
    static func waitUntil(_ ready: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(110)
        while !ready() {
            guard Date() < deadline else { return false }
            usleep(2_000)
        }
        return true
    }

    /// The start of a workbook, more than `summary` reads to tell a workbook from a list of
    /// paths (64 KiB): the command goes on to copy the rest, which never comes.
    static let workbookStart: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 70 << 10)

    /// A workbook large enough that converting it takes a while: 300,000 rows of three numbers
    /// (rows and cells without references follow one another, so one row repeated will do).
    /// Made once; each test writes it into its own directory, which it removes.
    static let largeWorkbook = Data(StoredZip.workbook([(
        name: "Big", rows: String(repeating: "<row><c><v>12345</v></c><c><v>0.5</v></c><c><v>-7</v></c></row>", count: 300_000)
    )]))

    static let smallWorkbook = Data(StoredZip.workbook([(name: "Small", rows: #"<row r="1"><c r="A1"><v>1</v></c></row>"#)]))

    // MARK: Commands that read a workbook

    @Test(arguments: signals)
    func convertWritingAFile(signal: Int32) async throws {
        let scene = try Scene()
        defer { scene.remove() }
        let midRun = Recorded<Bool>()
        let result = try await BinaryRunner.runOffPool(
            ["convert", try scene.input(Self.largeWorkbook, named: "big.xlsx"), "-o", scene.path("out.csv")], environment: scene.environment, timeout: Self.timeout,
            whileRunning: { pid in
                midRun.append(Self.waitUntil { !Self.temporaryNames(in: scene.directory).isEmpty })
                kill(pid, signal)
            })
        #expect(midRun.values == [true], "the temporary output never appeared")
        #expect(result.signal == signal, "status \(result.status): \(result.stderr)")
        #expect(Self.everything(in: scene.directory).isEmpty)
        #expect(Self.everything(in: scene.temporary).isEmpty)
    }

    /// Reading stdin, the command holds a spool file in `$TMPDIR` and (all but convert, which
    /// opens its output per sheet) the temporary output file it opened before reading; stdin
    /// never ends, so the signal is certain to come mid-run.
    @Test(arguments: ["report", "summary", "inspect", "convert"], signals)
    func commandsReadingStdinIntoAFile(command: String, signal: Int32) async throws {
        let scene = try Scene()
        defer { scene.remove() }
        let opensOutputFirst = command != "convert"
        let midRun = Recorded<Bool>()
        let result = try await BinaryRunner.runOffPool(
            [command, "-", "-o", scene.path("out")], stdin: .heldOpen(first: Self.workbookStart), environment: scene.environment,
            timeout: Self.timeout,
            whileRunning: { pid in
                midRun.append(Self.waitUntil {
                    !Self.temporaryNames(in: scene.temporary).isEmpty
                        && (!opensOutputFirst || !Self.temporaryNames(in: scene.directory).isEmpty)
                })
                kill(pid, signal)
            })
        #expect(midRun.values == [true], "\(command): its temporary files never appeared")
        #expect(result.signal == signal, "\(command): status \(result.status): \(result.stderr)")
        #expect(Self.everything(in: scene.directory).isEmpty, "\(command)")
        #expect(Self.everything(in: scene.temporary).isEmpty, "\(command)")
    }

    @Test func convertAllSheetsRemovesTheDirectoryItMade() async throws {
        let scene = try Scene()
        defer { scene.remove() }
        let midRun = Recorded<Bool>()
        let result = try await BinaryRunner.runOffPool(
            ["convert", try scene.input(Self.largeWorkbook, named: "big.xlsx"), "--all-sheets", "-o", scene.path("sheets")], environment: scene.environment, timeout: Self.timeout,
            whileRunning: { pid in
                midRun.append(Self.waitUntil { !Self.temporaryNames(in: scene.directory).isEmpty })
                kill(pid, SIGTERM)
            })
        #expect(midRun.values == [true], "the temporary output never appeared")
        #expect(result.signal == SIGTERM, "status \(result.status): \(result.stderr)")
        #expect(Self.everything(in: scene.directory).isEmpty)
    }

    /// SIGKILL cannot be caught: it leaves one temporary file, named as one, which the next run
    /// in the same directory neither trips on nor touches.
    @Test func aKilledRunLeavesOnlyANamedTemporaryFileThatTheNextRunIgnores() async throws {
        let scene = try Scene()
        defer { scene.remove() }
        let killed = try await BinaryRunner.runOffPool(
            ["convert", try scene.input(Self.largeWorkbook, named: "big.xlsx"), "-o", scene.path("out.csv")], environment: scene.environment, timeout: Self.timeout,
            whileRunning: { pid in
                Self.waitUntil { !Self.temporaryNames(in: scene.directory).isEmpty }
                kill(pid, SIGKILL)
            })
        #expect(killed.signal == SIGKILL)
        let left = Self.everything(in: scene.directory)
        #expect(left.count == 1)
        let name = try #require(left.first)
        #expect(name.range(of: #"^\.out\.csv\.drsdiff-tmp-[A-Za-z0-9]{6}$"#, options: .regularExpression) != nil, "\(name)")

        let next = try await BinaryRunner.runOffPool(["convert", try scene.input(Self.smallWorkbook, named: "small.xlsx"), "-o", scene.path("out.csv")], environment: scene.environment)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(FileManager.default.contents(atPath: scene.path("out.csv")) == Data("1\n".utf8))
        #expect(Self.everything(in: scene.directory) == [name, "out.csv"].sorted())
    }

    /// `nohup` starts a command with SIGHUP ignored, to outlive the terminal: it must stay so.
    @Test func aSignalIgnoredAtStartStaysIgnored() async throws {
        let scene = try Scene()
        defer { scene.remove() }
        let midRun = Recorded<Bool>()
        let result = try await BinaryRunner.runOffPool(
            ["summary", "-", "-o", scene.path("out.md")], stdin: .heldOpen(first: Self.workbookStart), wrapper: ["/usr/bin/nohup"],
            environment: scene.environment, timeout: Self.timeout,
            whileRunning: { pid in
                midRun.append(Self.waitUntil { !Self.temporaryNames(in: scene.temporary).isEmpty })
                kill(pid, SIGHUP)
                // Still running, still waiting for stdin: then a signal that is not ignored.
                usleep(200_000)
                kill(pid, SIGTERM)
            })
        #expect(midRun.values == [true], "the stdin spool never appeared")
        #expect(result.signal == SIGTERM, "status \(result.status): \(result.stderr)")
        #expect(Self.everything(in: scene.directory).isEmpty)
        #expect(Self.everything(in: scene.temporary).isEmpty)
    }
}

/// The same for the commands that talk to DRS, against the fake service: a download held
/// mid-body by a body that pauses, and output into a pipe nobody reads (SIGPIPE).
@Suite(.heavy, .noSecretsInMessages, .serialized) struct DownloadSignalCleanupTests {
    typealias Runner = DownloadCommandRunner
    typealias Scene = SignalCleanupTests.Scene

    func environment(_ harness: ServiceCommandHarness, _ scene: Scene) -> [String: String] {
        Runner.environment(.accessKey, fake: harness.fake).merging(["TMPDIR": scene.temporary]) { $1 }
    }

    @Test(arguments: SignalCleanupTests.signals)
    func downloadToAFile(signal: Int32) async throws {
        try await ServiceCommandHarness.with(configure: { $0.alreadyExported = true }) { harness in
            await harness.fake.inject(.slowBody(pause: .seconds(60)), on: .download)
            let scene = try Scene()
            defer { scene.remove() }
            let directory = harness.directory.path
            let midRun = Recorded<Bool>()
            let result = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake) + ["--no-export", "-o", harness.path("out.xlsx")],
                environment: environment(harness, scene),
                whileRunning: { pid in
                    midRun.append(SignalCleanupTests.waitUntil { !SignalCleanupTests.temporaryNames(in: directory).isEmpty })
                    kill(pid, signal)
                })
            #expect(midRun.values == [true], "the download's temporary file never appeared")
            #expect(result.killedBySignal && result.status == signal, "status \(result.status): \(result.stderr)")
            #expect(harness.contents.isEmpty)
            #expect(SignalCleanupTests.everything(in: scene.temporary).isEmpty)
        }
    }

    /// `-o -` downloads into a private directory in `$TMPDIR` first: it goes too.
    @Test(arguments: SignalCleanupTests.signals)
    func downloadToStandardOutput(signal: Int32) async throws {
        try await ServiceCommandHarness.with(configure: { $0.alreadyExported = true }) { harness in
            await harness.fake.inject(.slowBody(pause: .seconds(60)), on: .download)
            let scene = try Scene()
            defer { scene.remove() }
            let midRun = Recorded<Bool>()
            let result = try await Runner.run(
                ["download"] + Runner.serviceArguments(harness.fake) + ["--no-export", "-o", "-"],
                environment: environment(harness, scene), directory: harness.directory,
                whileRunning: { pid in
                    // The scratch directory and the download's temporary file in it.
                    midRun.append(SignalCleanupTests.waitUntil { SignalCleanupTests.temporaryNames(in: scene.temporary).count == 2 })
                    kill(pid, signal)
                })
            #expect(midRun.values == [true], "the scratch directory and its temporary file never appeared")
            #expect(result.killedBySignal && result.status == signal, "status \(result.status): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(harness.contents.isEmpty)
            #expect(SignalCleanupTests.everything(in: scene.temporary).isEmpty)
        }
    }

    /// `drsdiff fetch … | head -1`: the reader goes away, the next write raises SIGPIPE.
    @Test(arguments: ["fetch", "download"])
    func outputIntoAPipeNobodyReads(command: String) async throws {
        try await ServiceCommandHarness.with { harness in
            let scene = try Scene()
            defer { scene.remove() }
            let arguments = [command] + Runner.serviceArguments(harness.fake) + (command == "download" ? ["-o", "-"] : [])
            let result = try await Runner.run(
                arguments, environment: environment(harness, scene), directory: harness.directory, stdout: .closedPipe)
            #expect(result.killedBySignal && result.status == SIGPIPE, "\(command): status \(result.status): \(result.stderr)")
            #expect(harness.contents.isEmpty)
            #expect(SignalCleanupTests.everything(in: scene.temporary).isEmpty)
        }
    }
}

/// Values handed over from the thread that watches a running command.
final class Recorded<Value: Sendable>: @unchecked Sendable {
    // @unchecked: all state is behind `lock`.
    private let lock = NSLock()
    private var recorded: [Value] = []

    func append(_ value: Value) { lock.withLock { recorded.append(value) } }
    var values: [Value] { lock.withLock { recorded } }
}
