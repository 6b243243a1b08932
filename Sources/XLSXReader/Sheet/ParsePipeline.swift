#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses a sheet on its own thread into one of two row stores while the caller reads the other:
/// parsing overlaps with whatever the caller does with the rows, and nothing is copied but the
/// row left unfinished at each switch. Errors reach the caller in the place of the rows that
/// would have followed.
final class ParsePipeline: @unchecked Sendable {
    private struct Cancelled: Error {}

    private let workbook: Workbook
    private let sheet: PreparedSheet
    private let part: String?
    private let first: UnsafeMutablePointer<RowStore>
    private let second: UnsafeMutablePointer<RowStore>
    /// The store neither side holds.
    private var free: UnsafeMutablePointer<RowStore>?
    /// Completed rows waiting for the caller.
    private var published: UnsafeMutablePointer<RowStore>?
    private var finished = false
    private var cancelled = false
    private var failure: Error?
    private var result = SheetReadNotes()
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var thread: pthread_t?

    init(workbook: Workbook, sheet: PreparedSheet, part: String?) throws {
        self.workbook = workbook
        self.sheet = sheet
        self.part = part
        first = RowStore.allocate()
        second = RowStore.allocate()
        free = second
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { context in
            Unmanaged<ParsePipeline>.fromOpaque(context!).takeUnretainedValue().produce()
            return nil
        }, Unmanaged.passUnretained(self).toOpaque())
        guard status == 0 else {
            RowStore.free(first)
            RowStore.free(second)
            throw XLSXError(.fileNotReadable, "cannot start the parsing thread (error \(status))")
        }
        self.thread = thread
    }

    deinit {
        pthread_mutex_lock(&mutex)
        cancelled = true
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
        if let thread { pthread_join(thread, nil) }
        pthread_cond_destroy(&changed)
        pthread_mutex_destroy(&mutex)
        RowStore.free(first)
        RowStore.free(second)
    }

    /// What the parser noticed, once every store was taken.
    var notes: SheetReadNotes {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return result
    }

    /// The next store of completed rows (give it back with `recycle`), or nil after the last.
    func nextStore() throws -> UnsafeMutablePointer<RowStore>? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while published == nil && !finished && failure == nil { pthread_cond_wait(&changed, &mutex) }
        if let store = published {
            published = nil
            return store
        }
        if let failure { throw failure }
        return nil
    }

    func recycle(_ store: UnsafeMutablePointer<RowStore>) {
        store.pointee.removeAll()
        pthread_mutex_lock(&mutex)
        free = store
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
    }

    private func produce() {
        do {
            let notes = try workbook.streamRowsLocated(sheet, part: part, into: first) { state in try handOff(state) }
            pthread_mutex_lock(&mutex)
            result = notes
            finished = true
        } catch is Cancelled {
            pthread_mutex_lock(&mutex)
            finished = true
        } catch {
            pthread_mutex_lock(&mutex)
            failure = error
        }
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
    }

    /// Publishes the state's completed rows and carries on parsing into the free store.
    private func handOff(_ state: UnsafeMutablePointer<SheetState>) throws {
        pthread_mutex_lock(&mutex)
        while free == nil && !cancelled { pthread_cond_wait(&changed, &mutex) }
        if cancelled {
            pthread_mutex_unlock(&mutex)
            throw Cancelled()
        }
        let empty = free!
        free = nil
        pthread_mutex_unlock(&mutex)

        let filled = state.pointee.switchStore(to: empty)

        pthread_mutex_lock(&mutex)
        published = filled
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
    }
}
