import ArgumentParser
import DRSOutput
import DRSReport
import XLSXReader

struct Sheets: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List a workbook's sheets: index, name, state, kind and declared dimension.",
        discussion: "The dimension is what the sheet declares, shown for information: drsdiff never relies on it.")

    enum Format: String, FormatArgument {
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
                var table = TextTable(["index", "name", "state", "kind", "declared dimension"], numeric: [0])
                for (sheet, dimension) in rows {
                    table.add([String(sheet.index), sheet.name, sheet.state.rawValue, sheet.kind.rawValue, dimension ?? "-"])
                }
                sink.write(table.text(indent: ""))
            }
            try sink.flush()
        }
    }
}
