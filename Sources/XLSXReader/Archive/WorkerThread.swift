/// One background thread with the lock and condition its owner shares with it: the machinery of
/// the streaming stages (inflating ahead, parsing ahead). The owner keeps its queue state under
/// `locked`, waits with `wait(until:)` and announces changes with `changed()`; `stop()` (called by
/// the owner's deinit) cancels and joins.
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

    /// Runs `body` on a new thread. The body must not keep its owner alive (capture it
    /// `unowned(unsafe)`): the owner's deinit stops and joins the thread.
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
        if let thread {
            pthread_join(thread, nil)
            self.thread = nil
        }
    }
}

/// How a worker that reads a sheet ended, as the consumer on the other side needs to know it.
struct SheetReadEnd {
    private(set) var notes = SheetReadNotes()
    private(set) var finished = false
    private(set) var failure: Error?

    /// Records the worker's outcome (under the worker's lock); a cancelled read counts as finished.
    mutating func record(_ outcome: Result<SheetReadNotes, Error>) {
        switch outcome {
        case .success(let read):
            notes = read
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
