import Synchronization
import TemporaryFiles
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Removes this process's temporary files and directories when SIGINT, SIGTERM, SIGHUP or SIGPIPE
/// ends it, then lets the signal end it as it would have (the shell sees 128 + n). `defer` does
/// not run when a process dies by a signal; this does, for every command.
///
/// Every temporary path is registered before it is created and unregistered once it is renamed
/// into place or removed (``hooks`` does both for the libraries). The registry is a fixed table
/// of slots made at start-up: the handler only reads it, with atomic loads, and calls `unlink`,
/// `rmdir`, `tcsetattr`, `signal`, `sigprocmask` and `raise` — all async-signal-safe; no
/// allocation, no lock that the interrupted code might hold. A signal that the process started
/// with ignored (`nohup`, a background job's SIGINT) stays ignored.
///
/// A SIGKILL cannot be caught: it leaves at most temporary files named `.NAME.drsdiff-tmp-XXXXXX`,
/// which no later run takes for a result or trips on.
enum SignalCleanup {
    static let handledSignals = [SIGINT, SIGTERM, SIGHUP, SIGPIPE]
    /// Temporary paths that may exist at once; a command has a handful.
    static let capacity = 256
    /// Bytes per path, the terminating NUL included; a longer path cannot be opened anyway.
    static let pathCapacity = Int(PATH_MAX)

    fileprivate enum SlotState {
        static let free = 0, claimed = 1, file = 2, directory = 3
    }

    /// Installs the handler for each signal the process did not start with ignored. Called once,
    /// first thing, before any thread or temporary file exists.
    static func install() {
        // Make the tables now (globals start on first use): the handler must never be the first
        // to touch them.
        _ = (capacity, pathCapacity, slotStates, slotPaths, savedTerminal)
        _ = terminalSaved.load(ordering: .relaxed)
        _ = nextSlot.load(ordering: .relaxed)
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for number in handledSignals { sigaddset(&blocked, number) }
        var handled = sigset_t()
        sigemptyset(&handled)
        for number in handledSignals {
            var current = sigaction()
            sigaction(number, nil, &current)
            // Function pointers are compared by address.
            if unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                continue
            }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = handleSignal
            action.sa_mask = blocked
            action.sa_flags = 0
            sigaction(number, &action, nil)
            sigaddset(&handled, number)
        }
        // A parent may have started this process with these signals blocked (a thread of a
        // program that masks them does, when it spawns): they must get through. Threads started
        // later inherit this mask.
        sigprocmask(SIG_UNBLOCK, &handled, nil)
    }

    /// Tells the handler about a path before it is created: it will be removed if a signal ends
    /// the process before ``unregister(_:)`` (a directory only when empty by then).
    static func register(_ path: String, isDirectory: Bool = false) {
        let bytes = Array(path.utf8)
        guard bytes.count < pathCapacity else { return }
        for attempt in 0..<capacity {
            let index = (nextSlot.add(1, ordering: .relaxed).oldValue + attempt) % capacity
            guard slotStates[index].compareExchange(
                expected: SlotState.free, desired: SlotState.claimed, ordering: .acquiring
            ).exchanged else { continue }
            let destination = slotPaths + index * pathCapacity
            bytes.withUnsafeBufferPointer { source in
                destination.withMemoryRebound(to: UInt8.self, capacity: pathCapacity) { target in
                    target.update(from: source.baseAddress!, count: source.count)
                    target[source.count] = 0
                }
            }
            slotStates[index].store(isDirectory ? SlotState.directory : SlotState.file, ordering: .releasing)
            return
        }
        preconditionFailure("more than \(capacity) temporary files at once")
    }

    /// The path was renamed into place or removed: a signal no longer concerns it.
    static func unregister(_ path: String) {
        for index in 0..<capacity {
            let state = slotStates[index].load(ordering: .acquiring)
            guard state == SlotState.file || state == SlotState.directory,
                strcmp(slotPaths + index * pathCapacity, path) == 0
            else { continue }
            slotStates[index].store(SlotState.free, ordering: .releasing)
            return
        }
    }

    /// The hooks to hand to DRSClient and DRSOutput, so their temporary files are covered too.
    static let hooks = TemporaryFileHooks(willCreate: { register($0) }, didRemove: { unregister($0) })
    /// The same for temporary directories (removed by a signal if empty by then).
    static let directoryHooks = TemporaryFileHooks(
        willCreate: { register($0, isDirectory: true) }, didRemove: { unregister($0) })

    /// A password prompt turned echo off: the handler puts these terminal settings back.
    static func restoreTerminalOnSignal(_ settings: termios) {
        savedTerminal.pointee = settings
        terminalSaved.store(true, ordering: .releasing)
    }

    static func forgetTerminal() {
        terminalSaved.store(false, ordering: .releasing)
    }

    /// Runs inside the signal handler: reads the tables, calls only async-signal-safe functions,
    /// allocates nothing (no array, no string): files first, then the directories they were in.
    fileprivate static func cleanUp() {
        for index in 0..<capacity where slotStates[index].load(ordering: .acquiring) == SlotState.file {
            unlink(slotPaths + index * pathCapacity)
        }
        for index in 0..<capacity where slotStates[index].load(ordering: .acquiring) == SlotState.directory {
            rmdir(slotPaths + index * pathCapacity)
        }
        if terminalSaved.load(ordering: .acquiring) {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, savedTerminal)
        }
    }
}

nonisolated(unsafe) private let slotStates: UnsafeMutablePointer<Atomic<Int>> = {
    let states = UnsafeMutablePointer<Atomic<Int>>.allocate(capacity: SignalCleanup.capacity)
    for index in 0..<SignalCleanup.capacity { (states + index).initialize(to: Atomic(SignalCleanup.SlotState.free)) }
    return states
}()
nonisolated(unsafe) private let slotPaths = UnsafeMutablePointer<CChar>.allocate(
    capacity: SignalCleanup.capacity * SignalCleanup.pathCapacity)
nonisolated(unsafe) private let savedTerminal = UnsafeMutablePointer<termios>.allocate(capacity: 1)
private let terminalSaved = Atomic<Bool>(false)
private let nextSlot = Atomic<Int>(0)

/// Cleans up, then ends the process by the same signal, now with its default action.
private func handleSignal(_ number: Int32) {
    SignalCleanup.cleanUp()
    signal(number, SIG_DFL)
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    sigaddset(&unblocked, number)
    sigprocmask(SIG_UNBLOCK, &unblocked, nil)
    raise(number)
    _exit(128 + number)
}
