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

/// Prints `drsdiff: error: …` (or a note) on stderr, never on stdout.
enum Console {
    static func error(_ message: String) {
        write("drsdiff: error: " + message + "\n")
    }

    static func note(_ message: String) {
        write("drsdiff: note: " + message + "\n")
    }

    static func warning(_ message: String) {
        write("drsdiff: warning: " + message + "\n")
    }

    /// Writes `text`, first clearing the progress line if one is shown (it is drawn again with
    /// the next report).
    static func write(_ text: String) {
        lock.withLock {
            writeAll((lineShown ? "\r\u{1B}[K" : "") + text)
            lineShown = false
        }
    }

    /// Draws `text` over the current terminal line: progress, on stderr only when it is a terminal.
    static func showLine(_ text: String) {
        lock.withLock {
            writeAll("\r" + text + "\u{1B}[K")
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
