import Foundation

/// Writes a download into a hidden temporary file beside its destination and only moves it
/// into place once it is complete, checked and on disk, so the destination holds either the
/// previous file or the whole new one — never a partial download.
final class ResultFileWriter: ResponseSink, @unchecked Sendable {
    // @unchecked: all state is behind `lock`; URLSession writes from its queue while the
    // caller's task waits.
    private let lock = NSLock()
    let destination: URL
    let temporary: URL
    private var descriptor: Int32
    private var received = Data()
    private var byteCount: Int64 = 0
    private var finished = false
    private let onBytes: (@Sendable (Int64) -> Void)?

    /// Bytes kept in memory to check the signature or read an error body; the rest only on disk.
    static let keptHeadSize = 64 << 10

    init(destination: URL, onBytes: (@Sendable (Int64) -> Void)?) throws {
        self.destination = destination
        self.onBytes = onBytes
        let directory = destination.deletingLastPathComponent()
        let name = ".\(destination.lastPathComponent).\(UInt32.random(in: .min ... .max)).partial"
        temporary = directory.appendingPathComponent(name)
        descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Self.failure("cannot create a file in \(directory.path)")
        }
    }

    deinit {
        discard()
    }

    func reset() throws {
        try lock.withLock {
            received = Data()
            byteCount = 0
            guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else {
                throw Self.failure("cannot rewrite \(temporary.path)")
            }
        }
    }

    func write(_ data: Data) throws {
        let total = try lock.withLock { () throws -> Int64 in
            try data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw Self.failure("cannot write \(temporary.path)")
                    }
                    offset += written
                }
            }
            if received.count < Self.keptHeadSize {
                received.append(data.prefix(Self.keptHeadSize - received.count))
            }
            byteCount += Int64(data.count)
            return byteCount
        }
        onBytes?(total)
    }

    var head: Data { lock.withLock { received } }
    var size: Int64 { lock.withLock { byteCount } }

    /// Syncs the file, renames it over the destination and syncs the directory entry.
    func commit() throws {
        try lock.withLock {
            guard fsync(descriptor) == 0 else { throw Self.failure("cannot flush \(temporary.path) to disk") }
            close(descriptor)
            descriptor = -1
            guard rename(temporary.path, destination.path) == 0 else {
                throw Self.failure("cannot move the download to \(destination.path)")
            }
            finished = true
            let directory = open(destination.deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
            if directory >= 0 {
                fsync(directory)
                close(directory)
            }
        }
    }

    /// Removes the temporary file; the destination is left as it was.
    func discard() {
        lock.withLock {
            if descriptor >= 0 {
                close(descriptor)
                descriptor = -1
            }
            if !finished {
                unlink(temporary.path)
                finished = true
            }
        }
    }

    private static func failure(_ what: String) -> DRSClientError {
        DRSClientError(.localFile, "\(what): \(String(cString: strerror(errno)))")
    }
}

/// The C `write`, which `ResultFileWriter.write(_:)` hides inside the class.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
