import Foundation
import Testing

/// `.heavy`: a test that loads the machine — it runs drsdiff binaries, or reads or writes whole
/// workbooks — waits for one of `HeavyTestGate.width` places before it starts, and runs on
/// threads of its own rather than Swift Testing's pool.
///
/// Why: Swift Testing starts every test at once. With nothing to hold them back, the suite alone
/// pushed the load average of a 2-core machine past 20 (each test spawning a multi-threaded
/// binary), so loopback services answered after their clients' timeouts and pseudo-terminal
/// reads gave up. Waiting for a place is asynchronous (no thread is held), and a synchronous test
/// body that blocks on a child process blocks a thread of its own, so the pool stays free for the
/// light tests and the fake services. Every hang guard in a heavy test starts once it has its
/// place.
public struct HeavyTest: TestTrait, SuiteTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        await HeavyTestGate.shared.enter()
        do {
            try await withTaskExecutorPreference(ThreadPerJobExecutor.shared) { try await function() }
        } catch {
            await HeavyTestGate.shared.leave()
            throw error
        }
        await HeavyTestGate.shared.leave()
    }
}

extension Trait where Self == HeavyTest {
    /// Runs the test (or every test of the suite) as a heavy test: see ``HeavyTest``.
    public static var heavy: Self { HeavyTest() }
}

/// At most `width` heavy tests at once, the others waiting in the order they came.
public actor HeavyTestGate {
    /// One heavy test per core, each mostly one busy process (a drsdiff binary, or a workbook
    /// read in the test itself), and one more: some heavy tests spend their place waiting for an
    /// event (a signal delivered mid-write, a poll interval) rather than computing.
    public static let width = ProcessInfo.processInfo.activeProcessorCount + 1
    public static let shared = HeavyTestGate(width: width)

    private let width: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init(width: Int) {
        precondition(width > 0, "a gate needs at least one place")
        self.width = width
    }

    public func enter() async {
        if running < width {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the place to the longest waiting test, or frees it.
    public func leave() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// How many tests hold a place now (for the gate's own tests).
    public var occupied: Int { running }
}

/// Runs each piece of a task on a new thread: a heavy test's synchronous waits (for a child
/// process, a pseudo-terminal) then never hold one of the few threads of the shared pool.
public final class ThreadPerJobExecutor: TaskExecutor {
    public static let shared = ThreadPerJobExecutor()
    /// As large as the main thread's: a test body may recurse as deeply as a program's main.
    static let stackSize = 8 << 20

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        let thread = Thread { job.runSynchronously(on: executor) }
        thread.stackSize = Self.stackSize
        thread.start()
    }
}
