#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Inflates an entry on a second thread, a few chunks ahead of the parser, so decompression and
/// CRC checking overlap with XML parsing. Chunks are handed over in order through a small ring of
/// buffers; the first error the inflater meets is rethrown to the consumer in its place.
final class PrefetchingStream: @unchecked Sendable {
    private static let slots = 4

    private let source: EntryStream
    private var buffers: [UnsafeMutableRawBufferPointer] = []
    private var lengths = [Int](repeating: 0, count: PrefetchingStream.slots)
    private var filled = 0          // chunks produced and not yet consumed
    private var produceSlot = 0
    private var consumeSlot = 0
    private var finished = false
    private var cancelled = false
    private var failure: Error?
    private var consumerHolds = false
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var thread: pthread_t?

    init(_ source: EntryStream) throws {
        self.source = source
        buffers = (0..<PrefetchingStream.slots).map { _ in .allocate(byteCount: EntryStream.outputChunk, alignment: 16) }
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { context in
            Unmanaged<PrefetchingStream>.fromOpaque(context!).takeUnretainedValue().produce()
            return nil
        }, Unmanaged.passUnretained(self).toOpaque())
        guard status == 0 else {
            buffers.forEach { $0.deallocate() }
            throw XLSXError(.fileNotReadable, "cannot start the inflating thread (error \(status))")
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
        buffers.forEach { $0.deallocate() }
    }

    /// The next chunk, valid until the following call; nil at the end of the entry.
    func next() throws -> UnsafeRawBufferPointer? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if consumerHolds {
            // The previous chunk is done with: give its slot back.
            consumerHolds = false
            consumeSlot = (consumeSlot + 1) % PrefetchingStream.slots
            filled -= 1
            pthread_cond_broadcast(&changed)
        }
        while filled == 0 && !finished && failure == nil {
            pthread_cond_wait(&changed, &mutex)
        }
        if filled == 0 {
            if let failure { throw failure }
            return nil
        }
        consumerHolds = true
        return UnsafeRawBufferPointer(start: buffers[consumeSlot].baseAddress, count: lengths[consumeSlot])
    }

    private func produce() {
        while true {
            pthread_mutex_lock(&mutex)
            while filled == PrefetchingStream.slots && !cancelled { pthread_cond_wait(&changed, &mutex) }
            let slot = produceSlot
            let stop = cancelled
            pthread_mutex_unlock(&mutex)
            if stop { return }

            var chunk: UnsafeRawBufferPointer?
            var error: Error?
            do { chunk = try source.next() } catch let thrown { error = thrown }
            if let chunk { buffers[slot].copyMemory(from: chunk) }

            pthread_mutex_lock(&mutex)
            if let error {
                failure = error
            } else if let chunk {
                lengths[slot] = chunk.count
                produceSlot = (slot + 1) % PrefetchingStream.slots
                filled += 1
            } else {
                finished = true
            }
            let done = error != nil || chunk == nil
            pthread_cond_broadcast(&changed)
            pthread_mutex_unlock(&mutex)
            if done { return }
        }
    }
}
