import ArgumentParser
import DRSOutput
import DRSReport
import Foundation
import TemporaryFiles
import XLSXReader

/// The reader's safety limits as command-line options, shared by every command that opens a workbook.
struct ReaderLimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Stop after inflating this many bytes in total (zip-bomb guard).", valueName: "bytes"))
    var maxInflatedBytes: Int64 = ReaderLimits().maxInflatedBytes

    @Option(help: ArgumentHelp("Stop when an entry inflates to more than this many bytes per compressed byte.", valueName: "ratio"))
    var maxCompressionRatio: Int64 = ReaderLimits().maxCompressionRatio

    @Option(help: ArgumentHelp("Refuse archives listing more entries than this.", valueName: "count"))
    var maxEntries: Int = ReaderLimits().maxEntries

    @Option(help: ArgumentHelp("Stop when the shared-string table (held in memory) passes this many bytes.", valueName: "bytes"))
    var maxSharedStringBytes: Int64 = ReaderLimits().maxSharedStringBytes

    var limits: ReaderLimits {
        var limits = ReaderLimits()
        limits.maxInflatedBytes = maxInflatedBytes
        limits.maxCompressionRatio = maxCompressionRatio
        limits.maxEntries = maxEntries
        limits.maxSharedStringBytes = maxSharedStringBytes
        return limits
    }
}

/// `--lenient`, for the commands that read cells (`sheets` reads none, so it has no use for it).
struct LenientOption: ParsableArguments {
    @Flag(help: ArgumentHelp("""
        Read past corrupt references instead of failing (exit 18): a shared string or style past its \
        table, a cell given twice, rows out of order. Each kind becomes a note on stderr.
        """))
    var lenient = false

    func applied(to limits: ReaderLimits) -> ReaderLimits {
        var limits = limits
        limits.lenient = lenient
        return limits
    }
}

/// `--max-output-cells`, for the commands that write a sheet as a padded table (`convert`, and
/// `report`'s CSV of a sheet it does not recognise): one far cell must not pad out to gigabytes.
struct OutputCellLimitOption: ParsableArguments {
    @Option(help: ArgumentHelp("""
        Stop (exit 14, nothing written) when a sheet's padded table would hold more cells than this: \
        rows to the last one holding a value, times columns to the last one.
        """, valueName: "cells"))
    var maxOutputCells: Int = TableWriter.Options().maxCells

    func validate() throws {
        if maxOutputCells < 1 {
            throw ValidationError("--max-output-cells must be at least 1")
        }
    }
}

/// Prints `drsdiff: error: …` (or a note) on stderr, never on stdout.
enum Console {
    static func error(_ message: String) {
        write("drsdiff: error: " + message + "\n")
    }

    static func note(_ message: String) {
        write("drsdiff: note: " + message + "\n")
    }

    /// One note per kind of corrupt reference a lenient read took past, sheet by sheet (prefixed
    /// with the file's name when a command reads several).
    static func readNotes(of workbook: Workbook, file: String? = nil) {
        for (index, notes) in workbook.readNotes.sorted(by: { $0.key < $1.key }) {
            for sentence in notes.sentences { note((file.map { $0 + ": " } ?? "") + "sheet \"\(workbook.sheets[index].name)\": " + sentence) }
        }
    }

    static func warning(_ message: String) {
        write("drsdiff: warning: " + message + "\n")
    }

    /// Writes `text`, first clearing the progress line if one is shown (it is drawn again with
    /// the next report). Control and format characters in it (from a cell, a file name, a
    /// sheet's name) are shown as visible marks: nothing on stderr can drive the terminal.
    static func write(_ text: String) {
        let visible = TerminalText.visible(text, keepingLineBreaks: true)
        lock.withLock {
            writeAll((lineShown ? "\r\u{1B}[K" : "") + visible)
            lineShown = false
        }
    }

    /// Draws `text` over the current terminal line: progress, on stderr only when it is a terminal.
    static func showLine(_ text: String) {
        let visible = TerminalText.visible(text)
        lock.withLock {
            writeAll("\r" + visible + "\u{1B}[K")
            lineShown = true
        }
    }

    /// Clears the progress line, if one is shown.
    static func clearLine() {
        lock.withLock {
            if lineShown { writeAll("\r\u{1B}[K") }
            lineShown = false
        }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var lineShown = false

    private static func writeAll(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = writeToDescriptor(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}

extension XLSXError.Kind {
    var exitCode: Int32 {
        switch self {
        case .fileNotReadable: return Exit.fileNotReadable
        case .notAZip, .notSpreadsheet: return Exit.notAZip
        case .encryptedOrLegacy: return Exit.encryptedOrLegacy
        case .xlsb: return Exit.xlsb
        case .corruptArchive, .checksumMismatch: return Exit.corruptArchive
        case .limitExceeded: return Exit.limitExceeded
        case .malformedXML, .missingPart: return Exit.malformedPackage
        case .unknownSheet: return Exit.unknownSheet
        case .unsafeXML: return Exit.unsafeXML
        case .corruptReference: return Exit.corruptReference
        default: return Exit.malformedPackage
        }
    }
}

/// Runs a command body, turning reader and output errors into a message on stderr and their own
/// exit status. Anything else (usage errors, `ExitCode`) passes through to ArgumentParser.
@discardableResult
func reportingFailures<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as XLSXError {
        Console.error(error.description)
        throw ExitCode(error.kind.exitCode)
    } catch let error as TableSizeError {
        Console.error(error.description)
        throw ExitCode(Exit.limitExceeded)
    } catch let error as OutputError {
        Console.error(error.description)
        throw ExitCode(Exit.outputFailed)
    }
}

/// Opens a workbook from a path, or from standard input when the path is `-`. A ZIP archive needs
/// random access, so piped input is first copied to a temporary file in `$TMPDIR` (removed once
/// the workbook holds it open, or by ``SignalCleanup`` if a signal comes first), never held in
/// memory; bytes already read from it (to tell a workbook from a list of paths) go first.
func openWorkbook(_ path: String, limits: ReaderLimits, standardInput: StandardInput? = nil) throws -> Workbook {
    guard path == "-" else { return try Workbook(path: path, limits: limits) }
    var info = stat()
    if fstat(STDIN_FILENO, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
        return try Workbook(path: "/dev/stdin", displayName: "<stdin>", limits: limits)
    }
    let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    let spool: (path: String, descriptor: Int32)
    do {
        spool = try TemporaryFile.create(in: directory, for: "drsdiff-stdin", hooks: SignalCleanup.hooks)
    } catch {
        throw OutputError("cannot create a temporary file in \(directory) for standard input: \(error.reason)")
    }
    let (spoolPath, descriptor) = spool
    fchmod(descriptor, 0o600)
    defer {
        close(descriptor)
        unlink(spoolPath)
        SignalCleanup.unregister(spoolPath)
    }
    let sink = ByteSink(descriptor: descriptor)
    if let head = standardInput?.head { head.withUnsafeBytes { sink.write($0) } }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
    defer { buffer.deallocate() }
    while true {
        let count = read(STDIN_FILENO, buffer.baseAddress, buffer.count)
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { break }
        sink.write(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }
    try sink.flush()
    return try Workbook(path: spoolPath, displayName: "<stdin>", limits: limits)
}

/// A `--format` choice, accepted in any case (`--format HTML`, `--format Json`): people type
/// format names as they write them elsewhere.
protocol FormatArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension FormatArgument {
    init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}
