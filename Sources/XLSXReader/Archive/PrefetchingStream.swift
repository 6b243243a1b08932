/// Inflates an entry on a second thread, a few chunks ahead of the parser, so decompression and
/// CRC checking overlap with XML parsing. Chunks are inflated straight into a small ring of
/// buffers and handed over in order; the first error the inflater meets is rethrown to the
/// consumer in its place.
final class PrefetchingStream {
    private let ring: ChunkRing
    private let worker: WorkerThread

    init(_ source: EntryStream) throws {
        let worker = WorkerThread()
        let ring = ChunkRing(source: source, worker: worker)
        try worker.start { ring.fill() }
        self.worker = worker
        self.ring = ring
    }

    deinit { worker.stop() }

    /// The next chunk, valid until the following call; nil at the end of the entry.
    func next() throws -> UnsafeRawBufferPointer? { try ring.next() }
}

/// The ring of chunk buffers between the inflater thread (`fill`) and the parser (`next`), with
/// its bookkeeping under the worker's lock. The inflater's thread holds this, never the stream.
private final class ChunkRing: @unchecked Sendable {
    private static let slots = 4

    private let source: EntryStream
    private let worker: WorkerThread
    private let buffers: [UnsafeMutableRawBufferPointer]
    private var lengths = [Int](repeating: 0, count: ChunkRing.slots)
    private var filled = 0          // chunks produced and not yet consumed
    private var produceSlot = 0
    private var consumeSlot = 0
    private var finished = false
    private var failure: Error?
    private var consumerHolds = false

    init(source: EntryStream, worker: WorkerThread) {
        self.source = source
        self.worker = worker
        buffers = (0..<ChunkRing.slots).map { _ in .allocate(byteCount: EntryStream.outputChunk, alignment: 16) }
    }

    deinit { buffers.forEach { $0.deallocate() } }

    func next() throws -> UnsafeRawBufferPointer? {
        try worker.locked {
            if consumerHolds {
                // The previous chunk is done with: give its slot back.
                consumerHolds = false
                consumeSlot = (consumeSlot + 1) % ChunkRing.slots
                filled -= 1
                worker.changed()
            }
            worker.wait { filled > 0 || finished || failure != nil }
            if filled == 0 {
                if let failure { throw failure }
                return nil
            }
            consumerHolds = true
            return UnsafeRawBufferPointer(start: buffers[consumeSlot].baseAddress, count: lengths[consumeSlot])
        }
    }

    /// The inflater thread's loop: fills free slots until the entry ends, fails or is cancelled.
    func fill() {
        while true {
            let slot: Int? = worker.locked {
                worker.wait { filled < ChunkRing.slots }
                return worker.cancelled ? nil : produceSlot
            }
            guard let slot else { return }

            // The slot is the inflater's until `filled` says otherwise, so zlib writes straight into it.
            var count = 0
            var error: Error?
            do { count = try source.read(into: buffers[slot]) } catch let thrown { error = thrown }

            let done: Bool = worker.locked {
                if let error {
                    failure = error
                } else if count > 0 {
                    lengths[slot] = count
                    produceSlot = (slot + 1) % ChunkRing.slots
                    filled += 1
                } else {
                    finished = true
                }
                worker.changed()
                return error != nil || count == 0
            }
            if done { return }
        }
    }
}
