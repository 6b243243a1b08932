import ArgumentParser
import DRSOutput
import DRSReport
import XLSXReader
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a sheet (or every sheet) of any .xlsx to CSV, JSON, NDJSON or Markdown.",
        discussion: """
            Output spans A1 to the last row and column holding a value; every row has the same \
            number of fields. Numbers are written in their shortest exact form (929, 0.1), dates in \
            ISO 8601, booleans as TRUE/FALSE (true/false in JSON), errors as their text \
            ({"error": "#N/A"} in JSON).

            Output streams while the sheet is read. The default sheet is the first worksheet.
            """)

    @Argument(help: "The .xlsx file, or - for standard input.")
    var file: String

    @Option(help: "The sheet to convert, by its exact name.")
    var sheet: String?

    @Option(help: ArgumentHelp("The sheet to convert, by zero-based position (see `drsdiff sheets`).", valueName: "n"))
    var sheetIndex: Int?

    @Flag(help: "Convert every sheet that holds cells: one file per sheet in the -o directory (Markdown may go to stdout).")
    var allSheets = false

    @Option(help: "Output format: csv, json, ndjson or md.")
    var format: FormatChoice = .csv

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (a directory with --all-sheets) instead of stdout.", valueName: "path"))
    var output: String?

    @Flag(help: "Start CSV output with a UTF-8 byte-order mark, so Excel shows non-ASCII text correctly (implies --excel-safe).")
    var bom = false

    @Flag(inversion: .prefixedNo, help: ArgumentHelp("""
        CSV for a spreadsheet: a text cell that it would run as a formula (one starting with =, +, -, @, \
        a tab or a carriage return) is written with a leading ' so it stays text. On by default with \
        --bom; --no-excel-safe keeps every cell byte for byte.
        """))
    var excelSafe: Bool?

    @Flag(name: .shortAndLong, help: "Show no progress line on stderr (it is shown only when stderr is a terminal).")
    var quiet = false

    @OptionGroup var outputCells: OutputCellLimitOption

    @OptionGroup(title: "Reader limits")
    var limits: ReaderLimitOptions

    @OptionGroup var strictness: LenientOption

    enum FormatChoice: String, FormatArgument {
        case csv, json, ndjson, md
        var tableFormat: TableFormat { TableFormat(rawValue: rawValue)! }
    }

    func validate() throws {
        if [sheet != nil, sheetIndex != nil, allSheets].filter({ $0 }).count > 1 {
            throw ValidationError("use only one of --sheet, --sheet-index and --all-sheets")
        }
        if allSheets && output == nil && format != .md {
            throw ValidationError("--all-sheets writes one file per sheet: name a directory with -o (or use --format md for stdout)")
        }
        if bom && format != .csv {
            throw ValidationError("--bom applies to CSV output only")
        }
        if excelSafe == true && format != .csv {
            throw ValidationError("--excel-safe applies to CSV output only")
        }
    }

    func run() throws {
        try reportingFailures {
            let workbook = try openWorkbook(file, limits: strictness.applied(to: limits.limits))
            defer { Console.readNotes(of: workbook) }
            try ReadProgress.showing(on: workbook, quiet: quiet) { try convert(workbook) }
        }
    }

    private func convert(_ workbook: Workbook) throws {
        let options = TableWriter.Options(byteOrderMark: bom, excelSafe: excelSafe, maxCells: outputCells.maxOutputCells)
        if allSheets {
            try convertAll(workbook, options: options)
            return
        }
        let chosen: SheetInfo
        if let sheet {
            chosen = try workbook.sheet(named: sheet)
        } else if let sheetIndex {
            chosen = try workbook.sheet(at: sheetIndex)
        } else if let first = workbook.firstWorksheet {
            chosen = first
        } else {
            Console.note("\(workbook.displayName) has no worksheet; nothing to convert")
            return
        }
        if !chosen.hasCells { Console.note("sheet \"\(chosen.name)\" is a \(chosen.kind.rawValue): it holds no cells") }
        try write(chosen, of: workbook, to: output, options: options)
    }

    private func write(_ sheet: SheetInfo, of workbook: Workbook, to path: String?, options: TableWriter.Options) throws {
        let summary: TableSummary
        if let path, path != "-" {
            var pass = try writeFile(sheet, of: workbook, to: path, options: options)
            if pass.widenedAtRow != nil {
                // A row wider than all before it came after output had begun: a file can simply be
                // written again, every record padded to the width now known.
                var padded = options
                padded.minimumWidth = pass.width
                pass = try writeFile(sheet, of: workbook, to: path, options: padded)
            }
            summary = pass
        } else {
            let sink = ByteSink.standardOutput()
            summary = try TableWriter.write(sheet, of: workbook, as: format.tableFormat, to: sink, options: options)
            try sink.flush()
        }
        notes(for: summary, sheet: sheet)
    }

    /// Writes the sheet to a temporary file, committed into place only if the records all have
    /// the same width (or the pass was told the final width); otherwise discarded.
    private func writeFile(_ sheet: SheetInfo, of workbook: Workbook, to path: String, options: TableWriter.Options) throws -> TableSummary {
        let file = try OutputFile(path: path, temporaryFiles: SignalCleanup.hooks)
        do {
            let summary = try TableWriter.write(sheet, of: workbook, as: format.tableFormat, to: file.sink, options: options)
            if summary.widenedAtRow == nil { try file.commit() } else { file.discard() }
            return summary
        } catch {
            file.discard()
            throw error
        }
    }

    private func convertAll(_ workbook: Workbook, options: TableWriter.Options) throws {
        let sheets = workbook.sheets.filter(\.hasCells)
        if let skipped = Optional(workbook.sheets.filter { !$0.hasCells }), !skipped.isEmpty {
            Console.note("skipped \(skipped.map { "\"\($0.name)\" (\($0.kind.rawValue))" }.joined(separator: ", ")): no cells")
        }
        guard let directory = output, directory != "-" else {
            let sink = ByteSink.standardOutput()
            for (position, sheet) in sheets.enumerated() {
                sink.write((position == 0 ? "" : "\n") + "## " + MarkdownEncoding.cell(sheet.name) + "\n\n")
                let summary = try TableWriter.write(sheet, of: workbook, as: .markdown, to: sink, options: options)
                if summary.records == 0 { sink.write("_(empty sheet)_\n") }
                notes(for: summary, sheet: sheet)
            }
            try sink.flush()
            return
        }
        if mkdir(directory, 0o755) == 0 {
            // A directory this run made goes again if a signal ends the run before a sheet is in it
            // (one that existed before is never touched).
            SignalCleanup.register(directory, isDirectory: true)
        } else if errno != EEXIST {
            throw OutputError("cannot create directory \(directory): " + String(cString: strerror(errno)))
        }
        defer { SignalCleanup.unregister(directory) }
        var used: Set<String> = []
        for sheet in sheets {
            var base = fileName(for: sheet.name)
            var suffix = 2
            while used.contains(base.lowercased()) {
                base = fileName(for: sheet.name) + "-\(suffix)"
                suffix += 1
            }
            used.insert(base.lowercased())
            try write(sheet, of: workbook, to: directory + "/" + base + "." + format.tableFormat.fileExtension, options: options)
        }
    }

    /// A sheet name made safe as a file name on every common file system.
    private func fileName(for sheetName: String) -> String {
        let unsafe: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]
        var name = String(sheetName.map { unsafe.contains($0) || $0.asciiValue.map { $0 < 0x20 } == true ? "_" : $0 })
        while name.hasPrefix(".") { name = "_" + name.dropFirst() }
        return name.isEmpty ? "sheet" : name
    }

    private func notes(for summary: TableSummary, sheet: SheetInfo) {
        if let row = summary.widenedAtRow {
            Console.note("sheet \"\(sheet.name)\": row \(row + 1) is wider than the rows before it, which were already written with fewer fields (write to a file with -o to get every row padded)")
        }
    }
}
