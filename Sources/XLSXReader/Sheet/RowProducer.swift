/// Parses a sheet on its own thread and hands owned rows to a `RowReader` in small batches, a few
/// batches ahead: the caller's work on each row overlaps with parsing, and memory stays bounded.
/// Errors reach the reader in the place of the rows that would have followed. Dropping the
/// producer (with its reader) before the end cancels the parse and joins the thread.
final class RowProducer {
    private let queue: BatchQueue
    private let worker: WorkerThread
    private let workbook: Workbook
    private let sheetIndex: Int

    init(workbook: Workbook, sheet: PreparedSheet, part: String?) throws {
        let worker = WorkerThread()
        let queue = BatchQueue(worker: worker)
        try worker.start { queue.produce(workbook: workbook, sheet: sheet, part: part) }
        self.worker = worker
        self.queue = queue
        self.workbook = workbook
        self.sheetIndex = sheet.index
    }

    deinit {
        worker.stop()
        workbook.record(queue.notes, forSheet: sheetIndex)
    }

    var notes: SheetReadNotes { queue.notes }

    /// The next batch of rows, or nil after the last one.
    func nextBatch() throws -> [Row]? { try queue.next() }
}

/// The batches between the parsing thread (`produce`) and the reader (`next`), under the worker's
/// lock. The parsing thread holds this, never the `RowProducer`.
private final class BatchQueue: @unchecked Sendable {
    private static let queuedBatches = 4
    private static let cellsPerBatch = 16_384
    private static let rowsPerBatch = 512

    private let worker: WorkerThread
    private var queue: [[Row]] = []
    private var end = SheetReadEnd()

    init(worker: WorkerThread) { self.worker = worker }

    var notes: SheetReadNotes { worker.locked { end.notes } }

    func next() throws -> [Row]? {
        try worker.locked {
            worker.wait { !queue.isEmpty || end.over }
            if !queue.isEmpty {
                worker.changed()
                return queue.removeFirst()
            }
            if let failure = end.failure { throw failure }
            return nil
        }
    }

    /// The parsing thread's work: the whole sheet, a batch at a time, until it ends, fails or the
    /// reader is dropped (checked at every chunk, so even a sheet without rows stops promptly).
    func produce(workbook: Workbook, sheet: PreparedSheet, part: String?) {
        let store = RowStore.allocate()
        defer { RowStore.free(store) }
        var formatter = CellFormatter(sharedStrings: sheet.sharedStrings, dateSystem: workbook.dateSystem)
        defer { formatter.release() }
        var batch: [Row] = []
        var cells = 0
        var notes = SheetReadNotes()
        let outcome = withUnsafeMutablePointer(to: &formatter) { formatter in
            Result {
                try workbook.streamRowsLocated(sheet, part: part, into: store, notes: &notes) { state in
                    try worker.locked { if worker.cancelled { throw WorkerThread.Cancelled() } }
                    for position in 0..<store.pointee.rows.count {
                        let row = RowView(store: store, formatter: formatter, entry: store.pointee.rows[position])
                        batch.append(row.makeRow())
                        cells += row.count
                        if batch.count == BatchQueue.rowsPerBatch || cells >= BatchQueue.cellsPerBatch {
                            try hand(batch)
                            batch.removeAll(keepingCapacity: true)
                            cells = 0
                        }
                    }
                    state.pointee.releaseDeliveredRows()
                }
                if !batch.isEmpty { try hand(batch) }
            }
        }
        worker.locked {
            end.record(outcome, notes: notes)
            worker.changed()
        }
    }

    /// Queues a batch, waiting while the reader is `queuedBatches` behind.
    private func hand(_ batch: [Row]) throws {
        try worker.locked {
            try worker.waitOrCancel { queue.count < BatchQueue.queuedBatches }
            queue.append(batch)
            worker.changed()
        }
    }
}
