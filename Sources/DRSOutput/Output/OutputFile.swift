import DRSReport

/// A file that appears at its path complete or not at all: written to a temporary file beside the
/// destination, synced, then renamed over it. If the writer fails or is abandoned, the temporary
/// file is removed and the destination is untouched.
public final class OutputFile {
    public let path: String
    public let sink: ByteSink
    private let temporaryPath: String
    private let descriptor: Int32
    private var settled = false

    public init(path: String) throws {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = ((directory.isEmpty ? "" : directory) + "/." + base + ".drsdiff-XXXXXX").utf8CString
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw OutputError("cannot create a file in \(directory): " + String(cString: strerror(errno)))
        }
        fchmod(descriptor, 0o644 & ~OutputFile.umaskValue)
        self.descriptor = descriptor
        self.temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        self.sink = ByteSink(descriptor: descriptor)
    }

    private static let umaskValue: mode_t = {
        let current = umask(0o022)
        umask(current)
        return current
    }()

    /// Flushes, syncs and renames the file into place.
    public func commit() throws {
        guard !settled else { return }
        settled = true
        do {
            try sink.flush()
            guard fsync(descriptor) == 0 else { throw OutputError("cannot sync \(path): " + String(cString: strerror(errno))) }
            close(descriptor)
            guard rename(temporaryPath, path) == 0 else {
                throw OutputError("cannot write \(path): " + String(cString: strerror(errno)))
            }
        } catch {
            close(descriptor)
            unlink(temporaryPath)
            throw error
        }
    }

    /// Removes the temporary file; the destination stays as it was.
    public func discard() {
        guard !settled else { return }
        settled = true
        close(descriptor)
        unlink(temporaryPath)
    }

    deinit { discard() }
}
