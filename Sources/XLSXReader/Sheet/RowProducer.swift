#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses a sheet on its own thread and hands owned rows to a `RowReader` in small batches, a few
/// batches ahead: the caller's work on each row overlaps with parsing, and memory stays bounded.
/// Errors reach the reader in the place of the rows that would have followed.
final class RowProducer: @unchecked Sendable {
    private static let queuedBatches = 4
    private static let cellsPerBatch = 16_384
    private static let rowsPerBatch = 512

    private struct Cancelled: Error {}

    private let workbook: Workbook
    private let sheet: PreparedSheet
    private let part: String?
    private var queue: [[Row]] = []
    private var finished = false
    private var cancelled = false
    private var failure: Error?
    private var missing = 0
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var thread: pthread_t?

    init(workbook: Workbook, sheet: PreparedSheet, part: String?) throws {
        self.workbook = workbook
        self.sheet = sheet
        self.part = part
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { context in
            Unmanaged<RowProducer>.fromOpaque(context!).takeUnretainedValue().produce()
            return nil
        }, Unmanaged.passUnretained(self).toOpaque())
        guard status == 0 else { throw XLSXError(.fileNotReadable, "cannot start the parsing thread (error \(status))") }
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
    }

    var missingSharedStrings: Int {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return missing
    }

    /// The next batch of rows, or nil after the last one.
    func nextBatch() throws -> [Row]? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while queue.isEmpty && !finished && failure == nil { pthread_cond_wait(&changed, &mutex) }
        if !queue.isEmpty {
            let batch = queue.removeFirst()
            pthread_cond_broadcast(&changed)
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    private func produce() {
        var batch: [Row] = []
        var cells = 0
        do {
            let notes = try workbook.streamRowsLocated(sheet, part: part) { view in
                batch.append(view.makeRow())
                cells += view.count
                if batch.count == RowProducer.rowsPerBatch || cells >= RowProducer.cellsPerBatch {
                    try hand(batch)
                    batch.removeAll(keepingCapacity: true)
                    cells = 0
                }
            }
            if !batch.isEmpty { try hand(batch) }
            pthread_mutex_lock(&mutex)
            missing = notes.missingSharedStrings
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

    /// Queues a batch, waiting while the reader is `queuedBatches` behind.
    private func hand(_ batch: [Row]) throws {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while queue.count >= RowProducer.queuedBatches && !cancelled { pthread_cond_wait(&changed, &mutex) }
        if cancelled { throw Cancelled() }
        queue.append(batch)
        pthread_cond_broadcast(&changed)
    }
}
