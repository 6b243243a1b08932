import DRSClient
import Foundation

/// A private directory (0700) under `$TMPDIR` for files that must not outlive the command (the
/// download that `fetch` prints, or that `download -o -` copies to stdout). It and every file
/// named through ``file(named:)`` are registered with ``SignalCleanup`` before they exist, so a
/// signal leaves nothing behind either.
final class ScratchDirectory: @unchecked Sendable {
    // @unchecked: `files` is only touched under `lock`.
    let url: URL
    private let lock = NSLock()
    private var files: [String] = []

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        do {
            url = URL(fileURLWithPath: try TemporaryFile.createDirectory(
                in: base, for: "drsdiff-scratch", hooks: SignalCleanup.directoryHooks))
        } catch {
            throw DRSClientError(.localFile, "cannot create a temporary directory in \(base): \(error.reason)")
        }
    }

    /// Where a file of this name goes in the directory; removed with it, even by a signal.
    func file(named name: String) -> URL {
        let file = url.appendingPathComponent(name)
        SignalCleanup.register(file.path)
        lock.withLock { files.append(file.path) }
        return file
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
        for path in lock.withLock({ files }) { SignalCleanup.unregister(path) }
        SignalCleanup.unregister(url.path)
    }
}
