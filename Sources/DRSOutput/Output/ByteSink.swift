import DRSReport
import XLSXReader
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A buffered writer of bytes to a file descriptor. Output is written in large blocks; nothing is
/// converted to `String` on the way. Its state sits behind a pointer so per-byte writes pay no
/// exclusivity or reference-counting cost.
public final class ByteSink {
    private struct Storage {
        var buffer: ByteBuffer
        var failure: OutputError?
    }

    private let descriptor: Int32
    private let limit: Int
    private let storage: UnsafeMutablePointer<Storage>

    public init(descriptor: Int32, capacity: Int = 1 << 20) {
        self.descriptor = descriptor
        self.limit = capacity
        storage = .allocate(capacity: 1)
        storage.initialize(to: Storage(buffer: ByteBuffer(capacity: capacity + 64)))
    }

    deinit {
        storage.pointee.buffer.release()
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    public static func standardOutput() -> ByteSink { ByteSink(descriptor: STDOUT_FILENO) }

    @inline(__always)
    public func write(byte: UInt8) {
        storage.pointee.buffer.append(byte)
        if storage.pointee.buffer.count >= limit { drain() }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        if bytes.count >= limit {
            drain()
            send(bytes)
            return
        }
        storage.pointee.buffer.append(bytes)
        if storage.pointee.buffer.count >= limit { drain() }
    }

    /// Lets an encoder append straight into the sink's buffer (no intermediate copy).
    @inline(__always)
    package func write(_ encode: (inout ByteBuffer) -> Void) {
        encode(&storage.pointee.buffer)
        if storage.pointee.buffer.count >= limit { drain() }
    }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes what is buffered; throws the first write error seen since the sink was made.
    public func flush() throws {
        drain()
        if let failure = storage.pointee.failure { throw failure }
    }

    private func drain() {
        guard storage.pointee.buffer.count > 0 else { return }
        send(storage.pointee.buffer.bytes)
        storage.pointee.buffer.removeAll()
    }

    private func send(_ bytes: UnsafeRawBufferPointer) {
        guard storage.pointee.failure == nil else { return }
        var offset = 0
        while offset < bytes.count {
            let written = writeToDescriptor(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                storage.pointee.failure = OutputError("write failed: " + String(cString: strerror(errno)))
                return
            }
            offset += written
        }
    }
}

/// Output could not be written (disk full, closed pipe, permissions).
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
