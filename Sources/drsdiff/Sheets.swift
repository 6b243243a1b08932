import ArgumentParser
import DRSReport
import XLSXReader

struct Sheets: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List a workbook's sheets: index, name, state, kind and declared dimension.",
        discussion: "The dimension is what the sheet declares, shown for information: drsdiff never relies on it.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The .xlsx file, or - for standard input.")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup(title: "Reader limits")
    var limits: ReaderLimitOptions

    func run() throws {
        try reportingFailures {
            let workbook = try openWorkbook(file, limits: limits.limits)
            let rows = try workbook.sheets.map { sheet in (sheet, try workbook.declaredDimension(of: sheet)) }
            let sink = ByteSink.standardOutput()
            switch format {
            case .json:
                sink.write("[")
                for (position, (sheet, dimension)) in rows.enumerated() {
                    sink.write(position == 0 ? "\n  " : ",\n  ")
                    sink.write("{\"index\":\(sheet.index),\"name\":\(JSONEncoding.quoted(sheet.name)),\"state\":\"\(sheet.state.rawValue)\",")
                    sink.write("\"kind\":\"\(sheet.kind.rawValue)\",\"part\":\(sheet.part.map(JSONEncoding.quoted) ?? "null"),")
                    sink.write("\"declaredDimension\":\(dimension.map(JSONEncoding.quoted) ?? "null")}")
                }
                sink.write(rows.isEmpty ? "]\n" : "\n]\n")
            case .text:
                let table = [["index", "name", "state", "kind", "declared dimension"]] + rows.map { sheet, dimension in
                    [String(sheet.index), sheet.name, sheet.state.rawValue, sheet.kind.rawValue, dimension ?? "-"]
                }
                let widths = (0..<5).map { column in table.map { displayWidth($0[column]) }.max() ?? 0 }
                for line in table {
                    var text = ""
                    for (column, cell) in line.enumerated() {
                        text += cell
                        if column < line.count - 1 { text += String(repeating: " ", count: widths[column] - displayWidth(cell) + 2) }
                    }
                    sink.write(text + "\n")
                }
            }
            try sink.flush()
        }
    }
}

/// Columns a string takes in a terminal: East Asian wide characters take two.
func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
        let value = scalar.value
        let wide = (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
        return width + (wide ? 2 : 1)
    }
}
