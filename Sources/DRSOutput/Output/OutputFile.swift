import DRSReport
import TemporaryFiles
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A file that appears at its path complete or not at all: written to a temporary file beside the
/// destination (`.NAME.drsdiff-tmp-XXXXXX`, readable by its owner only while it fills), synced,
/// given the mode of the file it replaces (or the umask's, for a new file), then renamed over it.
/// If the writer fails or is abandoned, the temporary file is removed and the destination is
/// untouched. `temporaryFiles` hears of the temporary file before it exists and once it is gone,
/// so that a program's signal handler can remove it.
public final class OutputFile {
    public let path: String
    public let sink: ByteSink
    private let temporaryPath: String
    private let descriptor: Int32
    private let newFileMode: mode_t
    private let hooks: TemporaryFileHooks?
    private var settled = false

    public init(path: String, temporaryFiles hooks: TemporaryFileHooks? = nil) throws {
        self.path = path
        self.hooks = hooks
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let created: (path: String, descriptor: Int32)
        do {
            created = try TemporaryFile.create(in: directory.isEmpty ? "/" : directory, for: base, hooks: hooks)
        } catch {
            throw OutputError("cannot create a file in \(directory): " + error.reason)
        }
        var info = stat()
        fstat(created.descriptor, &info)
        newFileMode = info.st_mode & 0o777
        fchmod(created.descriptor, 0o600)
        descriptor = created.descriptor
        temporaryPath = created.path
        sink = ByteSink(descriptor: created.descriptor)
    }

    /// Flushes, syncs and renames the file into place.
    public func commit() throws {
        guard !settled else { return }
        settled = true
        defer { hooks?.didRemove(temporaryPath) }
        do {
            try sink.flush()
            guard fsync(descriptor) == 0 else { throw OutputError("cannot sync \(path): " + String(cString: strerror(errno))) }
        } catch {
            close(descriptor)
            unlink(temporaryPath)
            throw error
        }
        fchmod(descriptor, mode_t(ReplacedFileMode.mode(replacing: path, newFileMode: UInt32(newFileMode))))
        close(descriptor)
        guard rename(temporaryPath, path) == 0 else {
            let failure = errno
            unlink(temporaryPath)
            throw OutputError("cannot write \(path): " + String(cString: strerror(failure)))
        }
    }

    /// Removes the temporary file; the destination stays as it was.
    public func discard() {
        guard !settled else { return }
        settled = true
        close(descriptor)
        unlink(temporaryPath)
        hooks?.didRemove(temporaryPath)
    }

    deinit { discard() }
}
