import Foundation
import XLSXReader

/// One updating line on stderr while a long sheet is read, for a person watching:
///
///     drsdiff: "Table Details" 120.5/280.0 MiB (43%), 430,112 rows, 61.2 MiB/s, ETA 3s
///
/// Only when stderr is a terminal and the command was not told `--quiet`; never on stdout. The
/// reader reports once per chunk of sheet XML; the line is drawn at most every `redrawInterval`,
/// first after a sheet has been read for `firstDrawAfter` (quick reads show nothing), kept within
/// 80 columns, and cleared when the command is done.
final class ReadProgress: @unchecked Sendable {
    // @unchecked: reports arrive on the parsing thread; all state is behind `lock`.
    private let lock = NSLock()
    private var part: String?
    private var lastBytes: Int64 = 0
    private var started = Date()
    private var lastDrawn = Date.distantPast
    private var finished = false

    static let firstDrawAfter: TimeInterval = 0.25
    static let redrawInterval: TimeInterval = 0.2
    static let columns = 80

    /// Shows progress for the reads of `workbook` during `body`, then clears the line.
    static func showing<T>(on workbook: Workbook, quiet: Bool, _ body: () throws -> T) rethrows -> T {
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return try body() }
        let progress = ReadProgress()
        workbook.onProgress = { progress.update($0) }
        defer {
            workbook.onProgress = nil
            progress.finish()
        }
        return try body()
    }

    private func update(_ report: SheetProgress) {
        let now = Date()
        lock.withLock {
            guard !finished else { return }
            // Another sheet, or the same one read again (recognition reads the top of each first).
            if report.sheet.part != part || report.bytesRead <= lastBytes {
                part = report.sheet.part
                started = now
                lastDrawn = .distantPast
            }
            lastBytes = report.bytesRead
            let elapsed = now.timeIntervalSince(started)
            guard elapsed >= Self.firstDrawAfter, now.timeIntervalSince(lastDrawn) >= Self.redrawInterval else { return }
            lastDrawn = now
            Console.showLine(Self.line(report, seconds: elapsed))
        }
    }

    private func finish() {
        lock.withLock {
            finished = true
            Console.clearLine()
        }
    }

    /// The line for a report after `seconds` of reading, at most `columns` - 1 wide (the sheet's
    /// name is shortened to fit).
    static func line(_ report: SheetProgress, seconds: Double) -> String {
        let rate = Double(report.bytesRead) / max(seconds, 0.001)
        var facts = amounts(report.bytesRead, of: report.totalBytes)
        if report.totalBytes > 0 { facts += " (\(min(100, report.bytesRead * 100 / report.totalBytes))%)" }
        facts += ", \(grouped(report.rows)) rows, \(size(Int64(rate)))/s"
        if rate > 0 { facts += ", ETA " + duration(Double(max(report.totalBytes - report.bytesRead, 0)) / rate) }
        let prefix = "drsdiff: "
        let room = columns - 1 - prefix.count - facts.count - 3
        return prefix + "\"" + shortened(report.sheet.name, to: room) + "\" " + facts
    }

    /// `12.5/60.7 MiB`: both in the unit that suits the total.
    static func amounts(_ read: Int64, of total: Int64) -> String {
        let gibibytes = total >= 1 << 30
        let scale = Double(gibibytes ? 1 << 30 : 1 << 20)
        return String(format: gibibytes ? "%.2f/%.2f GiB" : "%.1f/%.1f MiB", Double(read) / scale, Double(total) / scale)
    }

    static func size(_ bytes: Int64) -> String {
        let mebibytes = Double(bytes) / 1_048_576
        if mebibytes >= 1024 { return String(format: "%.2f GiB", mebibytes / 1024) }
        return String(format: "%.1f MiB", mebibytes)
    }

    static func grouped(_ number: Int) -> String {
        var digits = String(number)
        var position = digits.count - 3
        while position > 0 {
            digits.insert(",", at: digits.index(digits.startIndex, offsetBy: position))
            position -= 3
        }
        return digits
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return String(format: "%dm%02ds", whole / 60, whole % 60) }
        return String(format: "%dh%02dm", whole / 3600, whole % 3600 / 60)
    }

    /// `name` cut to `columns` terminal columns (CJK characters take two), with `…` when cut.
    /// Control characters become spaces: a sheet's name must not move the cursor or recolour
    /// the terminal.
    static func shortened(_ name: String, to columns: Int) -> String {
        func width(_ character: Character) -> Int {
            character.unicodeScalars.contains { scalar in
                let value = scalar.value
                return (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
                    || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                    || (0xFFE0...0xFFE6).contains(value) || value >= 0x20000
            } ? 2 : 1
        }
        let flat = name.map { character in
            character.unicodeScalars.contains { $0.properties.generalCategory == .control } ? " " : character
        }
        guard flat.reduce(0, { $0 + width($1) }) > columns else { return String(flat) }
        var kept = ""
        var used = 1
        for character in flat {
            guard used + width(character) <= columns else { break }
            kept.append(character)
            used += width(character)
        }
        return kept + "…"
    }
}
