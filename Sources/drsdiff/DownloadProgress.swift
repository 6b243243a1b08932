import DRSClient
import Foundation

/// What a download is doing, on stderr, only for a person watching: silent when stderr is not
/// a terminal or with `--quiet`, so scripts and logs get nothing but errors.
final class DownloadProgress: @unchecked Sendable {
    // @unchecked: updates come from URLSession's queue; all state is behind `lock`.
    private let lock = NSLock()
    private let enabled: Bool
    private var lastStatus: ExportStatus??
    private var started: Date?
    private var lastDrawn = Date.distantPast
    private var lineOpen = false

    /// Redraws at most this often, however fast the bytes come.
    static let redrawInterval: TimeInterval = 0.2

    init(enabled: Bool) {
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    func status(_ text: String) {
        show("drsdiff: \(text)…", keepLine: false)
    }

    /// Shows the export status each time it changes.
    func exportStatus(_ current: ExportStatus?) {
        let changed = lock.withLock {
            defer { lastStatus = .some(current) }
            return lastStatus != .some(current)
        }
        if changed { status(current.map { "export status \($0)" } ?? "waiting for the export to start") }
    }

    func received(_ bytes: Int64) {
        guard enabled else { return }
        let now = Date()
        let line: String? = lock.withLock {
            guard let since = started else {
                // A rate from the first piece alone would be noise: wait for some to add up.
                started = now
                lastDrawn = now
                return nil
            }
            guard now.timeIntervalSince(lastDrawn) >= Self.redrawInterval else { return nil }
            lastDrawn = now
            let seconds = max(now.timeIntervalSince(since), 0.001)
            return "drsdiff: received \(Self.size(Double(bytes))) (\(Self.size(Double(bytes) / seconds))/s)"
        }
        if let line { show(line, keepLine: true) }
    }

    func finished(_ bytes: Int64) {
        show("drsdiff: downloaded \(Self.size(Double(bytes)))", keepLine: false)
    }

    private func show(_ text: String, keepLine: Bool) {
        guard enabled else { return }
        let prefix = lock.withLock { () -> String in
            defer { lineOpen = keepLine }
            return lineOpen ? "\r\u{1B}[K" : ""
        }
        Console.write(prefix + text + (keepLine ? "" : "\n"))
    }

    static func size(_ bytes: Double) -> String {
        let units = ["B", "KiB", "MiB", "GiB"]
        var value = bytes
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(Int(value)) B" : String(format: "%.1f %@", value, units[unit])
    }
}
