/// One background thread with the lock and condition it shares with its owner: the machinery of
/// the streaming stages (inflating ahead, parsing ahead). Both sides keep their queue state under
/// `locked`, wait with `wait(until:)` and announce changes with `changed()`; `stop()`, called by
/// the owner's deinit, cancels and joins.
///
/// Ownership: the thread's body holds only the state it works on (and this object), never its
/// owner. So the owner's deinit, whatever path drops the last reference (a read finished, failed
/// or abandoned after a few rows), runs on another thread and can join this one: no thread
/// outlives its reader, and none waits forever on a consumer that is gone.
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif
final class WorkerThread: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var thread: pthread_t?
    /// Set by `stop()`; read it under the lock.
    private(set) var cancelled = false

    private final class Work {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
    }

    deinit {
        stop()
        pthread_cond_destroy(&condition)
        pthread_mutex_destroy(&mutex)
    }

    /// Runs `body` on a new thread. The body must not capture its owner (see the type's note):
    /// the owner's deinit stops and joins the thread.
    func start(_ body: @escaping () -> Void) throws {
        let work = Unmanaged.passRetained(Work(body)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { context in
            let work = Unmanaged<Work>.fromOpaque(context!).takeRetainedValue()
            work.body()
            return nil
        }, work)
        guard status == 0 else {
            Unmanaged<Work>.fromOpaque(work).release()
            throw XLSXError(.fileNotReadable, "cannot start a reading thread (error \(status))")
        }
        self.thread = thread
    }

    func locked<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }

    /// Inside `locked`: waits until `ready()` holds or the worker is stopped.
    func wait(until ready: () -> Bool) {
        while !ready() && !cancelled { pthread_cond_wait(&condition, &mutex) }
    }

    /// Inside `locked`: wakes every waiter to look at the state again.
    func changed() { pthread_cond_broadcast(&condition) }

    /// Thrown by a worker's own code to unwind once `stop()` was called.
    struct Cancelled: Error {}

    /// Inside `locked`: waits until `ready()` holds; throws `Cancelled` if stopped meanwhile.
    func waitOrCancel(until ready: () -> Bool) throws {
        wait(until: ready)
        if cancelled { throw Cancelled() }
    }

    /// Cancels the worker and waits for its thread to end.
    func stop() {
        locked {
            cancelled = true
            changed()
        }
        guard let thread else { return }
        // Joining from the worker itself would fail and leave the thread unjoined: it would mean
        // the body kept its owner alive, which the type's ownership rule forbids.
        precondition(pthread_equal(thread, pthread_self()) == 0, "a worker thread's body must not own its owner")
        pthread_join(thread, nil)
        self.thread = nil
    }
}

/// How a worker that reads a sheet ended, as the consumer on the other side needs to know it.
struct SheetReadEnd {
    /// What the read took past, however it ended (a failed or cancelled read too).
    private(set) var notes = SheetReadNotes()
    private(set) var finished = false
    private(set) var failure: Error?

    /// Records the worker's outcome (under the worker's lock); a cancelled read counts as finished.
    mutating func record(_ outcome: Result<Void, Error>, notes: SheetReadNotes) {
        self.notes = notes
        switch outcome {
        case .success:
            finished = true
        case .failure(let error) where error is WorkerThread.Cancelled:
            finished = true
        case .failure(let error):
            failure = error
        }
    }

    /// Whether the consumer must stop waiting for more.
    var over: Bool { finished || failure != nil }
}
