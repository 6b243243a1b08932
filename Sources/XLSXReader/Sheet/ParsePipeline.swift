/// Parses a sheet on its own thread into one of two row stores while the caller reads the other:
/// parsing overlaps with whatever the caller does with the rows, and nothing is copied but the
/// row left unfinished at each switch. Errors reach the caller in the place of the rows that
/// would have followed.
final class ParsePipeline: @unchecked Sendable {
    private let workbook: Workbook
    private let sheet: PreparedSheet
    private let part: String?
    private let first = RowStore.allocate()
    private let second = RowStore.allocate()
    private let worker = WorkerThread()
    /// The store neither side holds.
    private var free: UnsafeMutablePointer<RowStore>?
    /// Completed rows waiting for the caller.
    private var published: UnsafeMutablePointer<RowStore>?
    private var end = SheetReadEnd()

    init(workbook: Workbook, sheet: PreparedSheet, part: String?) throws {
        self.workbook = workbook
        self.sheet = sheet
        self.part = part
        free = second
        do {
            try worker.start { [unowned(unsafe) self] in self.produce() }
        } catch {
            RowStore.free(first)
            RowStore.free(second)
            throw error
        }
    }

    deinit {
        worker.stop()
        RowStore.free(first)
        RowStore.free(second)
    }

    /// What the parser noticed, once every store was taken.
    var notes: SheetReadNotes { worker.locked { end.notes } }

    /// The next store of completed rows (give it back with `recycle`), or nil after the last.
    func nextStore() throws -> UnsafeMutablePointer<RowStore>? {
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

    private func produce() {
        let outcome = Result { try workbook.streamRowsLocated(sheet, part: part, into: first) { state in try handOff(state) } }
        worker.locked {
            end.record(outcome)
            worker.changed()
        }
    }

    /// Publishes the state's completed rows and carries on parsing into the free store.
    private func handOff(_ state: UnsafeMutablePointer<SheetState>) throws {
        let empty: UnsafeMutablePointer<RowStore> = try worker.locked {
            try worker.waitOrCancel { free != nil }
            defer { free = nil }
            return free!
        }
        let filled = state.pointee.switchStore(to: empty)
        worker.locked {
            published = filled
            worker.changed()
        }
    }
}
