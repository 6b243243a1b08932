/// Parses a sheet on its own thread and hands owned rows to a `RowReader` in small batches, a few
/// batches ahead: the caller's work on each row overlaps with parsing, and memory stays bounded.
/// Errors reach the reader in the place of the rows that would have followed.
final class RowProducer: @unchecked Sendable {
    private static let queuedBatches = 4
    private static let cellsPerBatch = 16_384
    private static let rowsPerBatch = 512

    private let workbook: Workbook
    private let sheet: PreparedSheet
    private let part: String?
    private let worker = WorkerThread()
    private var queue: [[Row]] = []
    private var end = SheetReadEnd()

    init(workbook: Workbook, sheet: PreparedSheet, part: String?) throws {
        self.workbook = workbook
        self.sheet = sheet
        self.part = part
        try worker.start { [unowned(unsafe) self] in self.produce() }
    }

    deinit { worker.stop() }

    var missingSharedStrings: Int { worker.locked { end.notes.missingSharedStrings } }

    /// The next batch of rows, or nil after the last one.
    func nextBatch() throws -> [Row]? {
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

    private func produce() {
        var batch: [Row] = []
        var cells = 0
        let outcome = Result { () throws -> SheetReadNotes in
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
            return notes
        }
        worker.locked {
            end.record(outcome)
            worker.changed()
        }
    }

    /// Queues a batch, waiting while the reader is `queuedBatches` behind.
    private func hand(_ batch: [Row]) throws {
        try worker.locked {
            try worker.waitOrCancel { queue.count < RowProducer.queuedBatches }
            queue.append(batch)
            worker.changed()
        }
    }
}
