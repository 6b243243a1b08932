/// Parses a sheet on its own thread into one of two row stores while the caller reads the other:
/// parsing overlaps with whatever the caller does with the rows, and nothing is copied but the
/// row left unfinished at each switch. Errors reach the caller in the place of the rows that
/// would have followed. Dropping the pipeline before the end cancels the parse and joins the thread.
final class ParsePipeline {
    private let exchange: StoreExchange
    private let worker: WorkerThread
    private let workbook: Workbook
    private let sheetIndex: Int

    init(workbook: Workbook, sheet: PreparedSheet, part: String?) throws {
        let worker = WorkerThread()
        let exchange = StoreExchange(worker: worker)
        try worker.start { exchange.produce(workbook: workbook, sheet: sheet, part: part) }
        self.worker = worker
        self.exchange = exchange
        self.workbook = workbook
        self.sheetIndex = sheet.index
    }

    deinit {
        worker.stop()
        workbook.record(exchange.notes, forSheet: sheetIndex)
    }

    /// What the parser took past, complete once every store was taken.
    var notes: SheetReadNotes { exchange.notes }

    /// The next store of completed rows (give it back with `recycle`), or nil after the last.
    func nextStore() throws -> UnsafeMutablePointer<RowStore>? { try exchange.next() }

    func recycle(_ store: UnsafeMutablePointer<RowStore>) { exchange.recycle(store) }
}

/// The two row stores and who holds which, between the parsing thread (`produce`) and the caller
/// (`next`, `recycle`), under the worker's lock. The parsing thread holds this, never the pipeline.
private final class StoreExchange: @unchecked Sendable {
    private let worker: WorkerThread
    private let first = RowStore.allocate()
    private let second = RowStore.allocate()
    /// The store neither side holds.
    private var free: UnsafeMutablePointer<RowStore>?
    /// Completed rows waiting for the caller.
    private var published: UnsafeMutablePointer<RowStore>?
    private var end = SheetReadEnd()

    init(worker: WorkerThread) {
        self.worker = worker
        free = second
    }

    deinit {
        RowStore.free(first)
        RowStore.free(second)
    }

    var notes: SheetReadNotes { worker.locked { end.notes } }

    func next() throws -> UnsafeMutablePointer<RowStore>? {
        try worker.locked {
            worker.wait { published != nil || end.over }
            if let store = published {
                published = nil
                return store
            }
            if let failure = end.failure { throw failure }
            return nil
        }
    }

    func recycle(_ store: UnsafeMutablePointer<RowStore>) {
        store.pointee.removeAll()
        worker.locked {
            free = store
            worker.changed()
        }
    }

    /// The parsing thread's work: the whole sheet, until it ends, fails or the caller is gone.
    func produce(workbook: Workbook, sheet: PreparedSheet, part: String?) {
        var notes = SheetReadNotes()
        let outcome = Result { try workbook.streamRowsLocated(sheet, part: part, into: first, notes: &notes) { state in try handOff(state) } }
        worker.locked {
            end.record(outcome, notes: notes)
            worker.changed()
        }
    }

    /// Publishes the state's completed rows and carries on parsing into the free store; called at
    /// every chunk, so a cancelled read stops within one chunk even when no row completes.
    private func handOff(_ state: UnsafeMutablePointer<SheetState>) throws {
        let empty: UnsafeMutablePointer<RowStore>? = try worker.locked {
            if worker.cancelled { throw WorkerThread.Cancelled() }
            guard state.pointee.store.pointee.rows.count > 0 else { return nil }
            try worker.waitOrCancel { free != nil }
            defer { free = nil }
            return free!
        }
        guard let empty else { return }
        let filled = state.pointee.switchStore(to: empty)
        worker.locked {
            published = filled
            worker.changed()
        }
    }
}
