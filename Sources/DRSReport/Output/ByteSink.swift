#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered writer of bytes to a file descriptor. Output is written in large blocks; nothing is
/// converted to `String` on the way.
public final class ByteSink {
    private let descriptor: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    /// Bytes handed to the descriptor so far.
    public private(set) var bytesWritten: Int64 = 0
    private var failure: OutputError?

    public init(descriptor: Int32, capacity: Int = 1 << 20) {
        self.descriptor = descriptor
        self.capacity = capacity
        self.buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    public static func standardOutput() -> ByteSink { ByteSink(descriptor: STDOUT_FILENO) }

    @inline(__always)
    public func write(byte: UInt8) {
        if count == capacity { drain() }
        buffer[count] = byte
        count += 1
    }

    public func write(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        if bytes.count > capacity - count {
            drain()
            if bytes.count > capacity {
                send(bytes)
                return
            }
        }
        (buffer + count).update(from: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        count += bytes.count
    }

    public func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes what is buffered; throws the first write error seen since the sink was made.
    public func flush() throws {
        drain()
        if let failure { throw failure }
    }

    private func drain() {
        guard count > 0 else { return }
        send(UnsafeRawBufferPointer(start: buffer, count: count))
        count = 0
    }

    private func send(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = OutputError("write failed: " + String(cString: strerror(errno)))
                return
            }
            offset += written
        }
        bytesWritten += Int64(bytes.count)
    }
}

/// Output could not be written (disk full, closed pipe, permissions).
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
