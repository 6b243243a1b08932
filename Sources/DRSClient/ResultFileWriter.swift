import Foundation
import TemporaryFiles

/// Writes a download into a hidden temporary file beside its destination and only moves it
/// into place once it is complete, checked and on disk, so the destination holds either the
/// previous file or the whole new one — never a partial download.
///
/// The temporary file is private (0600) while it fills; the file that appears gets the permission
/// bits of the regular file it replaces (never setuid or setgid; see ``ReplacedFileMode``), or for
/// a new file the mode the umask gives any new file. Without
/// `replacing`, an existing destination is never replaced, not even one that appears while the
/// download runs (the file is linked into place, which fails if the name exists).
final class ResultFileWriter: ResponseSink, @unchecked Sendable {
    // @unchecked: all state is behind `lock`; URLSession writes from its queue while the
    // caller's task waits.
    private let lock = NSLock()
    let destination: URL
    let temporary: URL
    private let replacing: Bool
    private let maxBytes: Int64
    private let hooks: TemporaryFileHooks?
    private var descriptor: Int32
    /// The mode a new file gets here (0666 less the umask), read off the temporary file.
    private let newFileMode: mode_t
    private var received = Data()
    private var byteCount: Int64 = 0
    private var finished = false
    private let onBytes: (@Sendable (Int64) -> Void)?

    /// Bytes kept in memory to check the signature or read an error body; the rest only on disk.
    static let keptHeadSize = 64 << 10
    /// Pieces (16 KiB from libcurl) are gathered up to this size before a `write`: the body
    /// arrives faster than one system call a piece keeps up with, and what the network delivers
    /// meanwhile waits in memory, in the session's queue.
    static let writeBatchSize = 512 << 10
    private var pending = Data()

    init(
        destination: URL, replacing: Bool, maxBytes: Int64, hooks: TemporaryFileHooks?,
        onBytes: (@Sendable (Int64) -> Void)?
    ) throws {
        self.destination = destination
        self.replacing = replacing
        self.maxBytes = maxBytes
        self.hooks = hooks
        self.onBytes = onBytes
        if !replacing && Self.exists(destination.path) {
            throw Self.alreadyExists(destination)
        }
        let directory = destination.deletingLastPathComponent()
        let created: (path: String, descriptor: Int32)
        do {
            created = try TemporaryFile.create(in: directory.path, for: destination.lastPathComponent, hooks: hooks)
        } catch {
            throw DRSClientError(.localFile, "cannot create a file in \(directory.path): \(error.reason)")
        }
        let temporary = URL(fileURLWithPath: created.path)
        let descriptor = created.descriptor
        self.temporary = temporary
        self.descriptor = descriptor
        var info = stat()
        fstat(descriptor, &info)
        newFileMode = info.st_mode & 0o777
        fchmod(descriptor, 0o600)
    }

    deinit {
        discard()
    }

    func reset() throws {
        try lock.withLock {
            received = Data()
            pending = Data()
            byteCount = 0
            guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else {
                throw Self.failure("cannot rewrite \(temporary.path)")
            }
        }
    }

    func write(_ data: Data) throws {
        let total = try lock.withLock { () throws -> Int64 in
            guard byteCount + Int64(data.count) <= maxBytes else {
                throw DRSClientError(
                    .limitExceeded,
                    "the download passed the limit of \(maxBytes) bytes and was stopped; if the report is really "
                        + "that large, raise DRSClientConfiguration.maxDownloadBytes (CLI: --max-download-bytes)")
            }
            pending.append(data)
            if pending.count >= Self.writeBatchSize { try flushPending() }
            if received.count < Self.keptHeadSize {
                received.append(data.prefix(Self.keptHeadSize - received.count))
            }
            byteCount += Int64(data.count)
            return byteCount
        }
        onBytes?(total)
    }

    /// Writes the gathered pieces to the file; called with `lock` held.
    private func flushPending() throws {
        try pending.withUnsafeBytes { buffer in
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
        pending.removeAll(keepingCapacity: true)
    }

    /// The length the service announced, and for a ZIP its end record: a body cut short without
    /// the transport noticing is fetched again instead of committed.
    func finish(_ response: TransportResponse) throws {
        try lock.withLock { try flushPending() }
        try ResponseLength.check(received: size, response: response)
        guard head.starts(with: DRSClient.zipSignature) else { return }
        let problem = try lock.withLock {
            try ZipEndCheck.problem(size: byteCount) { offset, count in try readBack(at: offset, count: count) }
        }
        if let problem {
            throw TransportError(.connection, "the file received (\(size) bytes) was cut short: \(problem)")
        }
    }

    var head: Data { lock.withLock { received } }
    var size: Int64 { lock.withLock { byteCount } }

    /// Syncs the file, gives it its mode, moves it to the destination and syncs the directory.
    func commit() throws {
        try lock.withLock {
            try flushPending()
            guard fsync(descriptor) == 0 else { throw Self.failure("cannot flush \(temporary.path) to disk") }
            fchmod(descriptor, mode_t(ReplacedFileMode.mode(replacing: destination.path, newFileMode: UInt32(newFileMode))))
            close(descriptor)
            descriptor = -1
            try moveIntoPlace()
            finished = true
            hooks?.didRemove(temporary.path)
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
                hooks?.didRemove(temporary.path)
            }
        }
    }

    private func moveIntoPlace() throws {
        if replacing {
            guard rename(temporary.path, destination.path) == 0 else {
                throw Self.failure("cannot move the download to \(destination.path)")
            }
            return
        }
        if link(temporary.path, destination.path) == 0 {
            unlink(temporary.path)
            return
        }
        switch errno {
        case EEXIST:
            throw Self.alreadyExists(destination)
        case EPERM, ENOTSUP, EOPNOTSUPP, EMLINK, EXDEV:
            // A file system without hard links: check, then rename (a file appearing in
            // between would be replaced; no better is possible there).
            guard !Self.exists(destination.path) else { throw Self.alreadyExists(destination) }
            guard rename(temporary.path, destination.path) == 0 else {
                throw Self.failure("cannot move the download to \(destination.path)")
            }
        default:
            throw Self.failure("cannot move the download to \(destination.path)")
        }
    }

    private func readBack(at offset: Int64, count: Int) throws -> Data {
        var data = Data(count: count)
        let read = data.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, count, off_t(offset)) }
        guard read >= 0 else { throw Self.failure("cannot read back \(temporary.path)") }
        return data.prefix(read)
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    private static func alreadyExists(_ destination: URL) -> DRSClientError {
        DRSClientError(
            .localFile, "\(destination.path) exists and was not replaced; allow it with replacing: true (CLI: --force)")
    }

    private static func failure(_ what: String) -> DRSClientError {
        DRSClientError(.localFile, "\(what): \(String(cString: strerror(errno)))")
    }
}

/// The C `write`, which `ResultFileWriter.write(_:)` hides inside the class.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
