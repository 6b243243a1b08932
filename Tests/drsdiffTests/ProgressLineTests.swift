import Foundation
import TestPacing
import Testing
import XLSXFixtures
#if canImport(Glibc)
import Glibc
#endif

/// The progress line of long reads: drawn on stderr only when it is a terminal (a pseudo-terminal
/// here), updated in place, cleared at the end, never on stdout, absent when piped or `--quiet`.
@Suite(.heavy, .serialized) struct ProgressLineTests {
    /// A row-count report of 150,000 tables (about 35 MB of sheet XML): long enough to read that
    /// the line is drawn several times. One table in 10,000 is inconsistent. Rows and cells carry
    /// no references (they number themselves), so blocks of rows can be repeated.
    static let report = makeReport(sheet: "Table Details")

    /// The same tables under another, shorter sheet name (so the line is never cut to fit 80
    /// columns): `diff`'s new report, whose read the line names.
    static let latest = makeReport(sheet: "New Details")

    private static func makeReport(sheet: String) -> String {
        let text = { (value: String) in "<c t=\"inlineStr\"><is><t>\(value)</t></is></c>" }
        let header = "<row>" + ["Source Database", "Source Table", "Source Rows", "Destination Rows", "Difference", "Status"].map(text).joined() + "</row>"
        func block(inconsistentAt: Int?) -> String {
            (0..<1000).map { number in
                let differs = number == inconsistentAt
                return "<row>" + text("shop") + text("table_\(number)") + "<c><v>\(number)</v></c><c><v>\(differs ? number - 3 : number)</v></c>"
                    + "<c><v>\(differs ? 3 : 0)</v></c>" + text(differs ? "The comparison result is inconsistent" : "The comparison result is consistent") + "</row>"
            }.joined()
        }
        let tenThousand = String(repeating: block(inconsistentAt: nil), count: 9) + block(inconsistentAt: 500)
        let bytes = StoredZip.workbook([(name: sheet, rows: header + String(repeating: tenThousand, count: 15))])
        return (try? ReportCLI.temporaryFile(Data(bytes), suffix: ".xlsx")) ?? "/nonexistent"
    }

    /// What a person sees of a pass: the progress lines drawn (each complete, ending in erase to
    /// end of line) and the rest of stderr with every progress line taken out.
    struct Screen {
        let progressLines: [String]
        let text: String
        let raw: String

        init(_ bytes: [UInt8]) {
            raw = String(decoding: bytes, as: UTF8.self)
            let drawn = /\r([^\r\n]*)\x1B\[K/
            progressLines = raw.matches(of: drawn).map { String($0.output.1) }.filter { !$0.isEmpty }
            text = raw.replacing(drawn, with: "")
        }
    }

    /// The estimate is seconds on a quick machine, minutes (`1m05s`) on a busy one, and absent
    /// while nothing has been read yet.
    nonisolated(unsafe) static let line = /drsdiff: "Table Details" \d+\.\d\/\d+\.\d MiB \(\d{1,3}%\), [\d,]+ rows, \d+\.\d MiB\/s(, ETA (\d+s|\d+m\d\ds|\d+h\d\dm))?/
    /// A line for either report of a diff, the sheet's name captured.
    nonisolated(unsafe) static let diffLine = /drsdiff: "(Table Details|New Details)" \d+\.\d\/\d+\.\d MiB \(\d{1,3}%\), [\d,]+ rows, \d+\.\d MiB\/s(, ETA (\d+s|\d+m\d\ds|\d+h\d\dm))?/

    @Test func aTerminalSeesOneUpdatingLineClearedAtTheEnd() throws {
        let terminal = try PseudoTerminal()
        let result = try BinaryRunner.run(["summary", Self.report], stderrTerminal: terminal.device)
        let screen = Screen(terminal.output())
        #expect(result.status == 0)
        #expect(screen.progressLines.count >= 2, "\(screen.raw.debugDescription.prefix(300))")
        for line in screen.progressLines {
            #expect(line.wholeMatch(of: Self.line) != nil, "\(line)")
            #expect(line.count < 80)
        }
        #expect(screen.raw.hasSuffix("\r\u{1B}[K"), "the line is cleared at the end")
        #expect(screen.text.isEmpty)

        let piped = try BinaryRunner.run(["summary", Self.report])
        #expect(piped.stdout == result.stdout, "stdout carries no progress")
        #expect(piped.stderr.isEmpty)
        #expect(!result.stdout.contains(0x1B) && !result.stdout.contains(UInt8(ascii: "\r")))
    }

    /// `diff` reads the old report whole, then the new one: the line follows one read, then the other.
    @Test func diffShowsTheReadsOfBothReports() throws {
        let terminal = try PseudoTerminal()
        let result = try BinaryRunner.run(["diff", Self.report, Self.latest], stderrTerminal: terminal.device)
        let screen = Screen(terminal.output())
        #expect(result.status == 0, "\(screen.text)")
        let sheets = screen.progressLines.compactMap { $0.wholeMatch(of: Self.diffLine).map { String($0.output.1) } }
        #expect(sheets.count == screen.progressLines.count, "\(screen.progressLines.filter { $0.wholeMatch(of: Self.diffLine) == nil })")
        #expect(screen.progressLines.allSatisfy { $0.count < 80 })
        let (old, new) = (sheets.lastIndex(of: "Table Details"), sheets.firstIndex(of: "New Details"))
        #expect(old != nil && new != nil, "both reads drawn: \(screen.raw.debugDescription.prefix(300))")
        if let old, let new { #expect(old < new, "the old report is read first") }
        #expect(screen.raw.hasSuffix("\r\u{1B}[K"), "the line is cleared at the end")
        #expect(screen.text.isEmpty)

        let piped = try BinaryRunner.run(["diff", Self.report, Self.latest])
        #expect(piped.stdout == result.stdout, "stdout carries no progress")
        #expect(piped.stderr.isEmpty)
    }

    @Test func quietDrawsNothing() throws {
        for command in [["summary", Self.report, "--quiet"], ["convert", Self.report, "-q"], ["check", Self.report, "--quiet"],
                        ["diff", Self.report, Self.latest, "--quiet"]] {
            let terminal = try PseudoTerminal()
            let result = try BinaryRunner.run(command, stderrTerminal: terminal.device)
            let screen = Screen(terminal.output())
            #expect(result.status == (command[0] == "check" ? 1 : 0))
            #expect(screen.progressLines.isEmpty, "\(command[0]): \(screen.raw.debugDescription.prefix(300))")
        }
    }

    /// `check` prints a line per problem during the pass: each appears whole, above the progress
    /// line, exactly as it does when stderr is not a terminal.
    @Test func messagesPrintedDuringTheReadStayWhole() throws {
        let terminal = try PseudoTerminal()
        let result = try BinaryRunner.run(["check", Self.report], stderrTerminal: terminal.device)
        let screen = Screen(terminal.output())
        #expect(result.status == 1)
        #expect(!screen.progressLines.filter { $0.wholeMatch(of: Self.line) != nil }.isEmpty, "\(screen.raw.debugDescription.prefix(300))")

        let piped = try BinaryRunner.run(["check", Self.report])
        #expect(piped.status == 1)
        #expect(piped.stderr.split(separator: "\n").count == 16)
        #expect(screen.text == piped.stderr)
        #expect(!piped.stderr.contains("\u{1B}"))
    }
}

/// A pseudo-terminal for a child's stderr, in raw mode (no "\n" to "\r\n"): its output is
/// collected on a thread while the child runs, so the child never blocks on a full buffer.
final class PseudoTerminal: @unchecked Sendable {
    // @unchecked: `collected` is written by the reading thread before `finished` is signalled
    // and read only after waiting for it.
    let device: String
    private let controller: Int32
    /// Held open until `output()`, so the reader sees no hang-up before the child opens the device.
    private let held: Int32
    private var collected: [UInt8] = []
    private let finished = DispatchSemaphore(value: 0)

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init() throws {
        // Glibc's Swift module leaves out the pseudo-terminal calls (they sit behind feature
        // macros), so they are looked up by name.
        let openTerminal = try PseudoTerminal.function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
        let grant = try PseudoTerminal.function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
        let unlock = try PseudoTerminal.function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
        let name = try PseudoTerminal.function("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
        controller = openTerminal(O_RDWR | O_NOCTTY)
        guard controller >= 0, grant(controller) == 0, unlock(controller) == 0, let name = name(controller) else {
            throw Failure(description: "cannot open a pseudo-terminal: " + String(cString: strerror(errno)))
        }
        device = String(cString: name)
        held = open(device, O_RDWR | O_NOCTTY)
        guard held >= 0 else { throw Failure(description: "cannot open \(device): " + String(cString: strerror(errno))) }
        var settings = termios()
        tcgetattr(held, &settings)
        cfmakeraw(&settings)
        tcsetattr(held, TCSANOW, &settings)
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = read(controller, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                // EIO once every open of the device is closed.
                guard count > 0 else { break }
                collected += buffer[0..<count]
            }
            finished.signal()
        }
    }

    private static func function<T>(_ name: String, as type: T.Type) throws -> T {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), name) else { throw Failure(description: "\(name) not found") }
        return unsafeBitCast(symbol, to: type)
    }

    /// Everything written to the terminal; call once the child has ended.
    func output() -> [UInt8] {
        close(held)
        finished.wait()
        close(controller)
        return collected
    }
}
