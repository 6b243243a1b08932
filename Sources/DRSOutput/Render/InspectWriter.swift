import DRSReport
/// Writes what recognition found, sheet by sheet: kind and confidence, header row, each header
/// cell with its concept or "unmatched", metadata and titles — the text a user pastes to report a
/// layout drsdiff does not know yet. JSON (`drsdiff.inspect/v1`) is ``ComparisonReport`` itself.
public enum InspectWriter {
    public static let schema = "drsdiff.inspect/v1"

    public enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    public static func write(_ report: ComparisonReport, vocabulary: Vocabulary, as format: Format, to sink: ByteSink) throws {
        switch format {
        case .json:
            var tree = try TreeEncoder.encode(report)
            if case .object(let members) = tree {
                let files = JSONValue.array(vocabulary.files.map { .string($0) })
                tree = .object([("schema", .string(schema))] + members + [("vocabulary_files", files)])
            }
            sink.write(tree.pretty() + "\n")
        case .text:
            sink.write(text(report, vocabulary: vocabulary))
        }
    }

    static func text(_ report: ComparisonReport, vocabulary: Vocabulary) -> String {
        var out = "workbook: \(report.file)\n"
        out += "compare type: \(report.compareType?.rawValue ?? "unknown")\n"
        out += "language: \(report.language?.rawValue ?? "unknown")\n"
        if !vocabulary.files.isEmpty { out += "vocabulary files: " + vocabulary.files.joined(separator: ", ") + "\n" }
        let recognised = report.sections.filter { $0.kind != .unknown }
        out += "sections: " + (recognised.isEmpty ? "none recognised" : recognised.map(\.label).joined(separator: ", ")) + "\n"
        for sheet in report.sheets {
            out += "\nsheet \(sheet.index + 1) \"\(sheet.name)\"" + (sheet.state == "visible" ? "" : " (\(sheet.state))") + ": "
            out += sheet.kind == .unknown ? "not recognised" : "\(sheet.kind.rawValue), confidence \(format(sheet.confidence))"
            out += "\n"
            if let continues = sheet.continues { out += "  continues: \"\(continues)\"\n" }
            out += "  why: \(sheet.explanation)\n"
            if !sheet.alternatives.isEmpty {
                out += "  other readings: " + sheet.alternatives.map { "\($0.kind.rawValue) \(format($0.confidence))" }.joined(separator: ", ") + "\n"
            }
            if !sheet.nameHints.isEmpty { out += "  name or title suggests: " + sheet.nameHints.map(\.rawValue).joined(separator: ", ") + "\n" }
            for title in sheet.titles { out += "  title: \(TextTable.oneLine(title))\n" }
            if !sheet.metadata.isEmpty {
                out += "  metadata:\n"
                var table = TextTable(["row", "key", "value", "name"], numeric: [0])
                for entry in sheet.metadata { table.add([String(entry.row), entry.key, entry.value, entry.name ?? "(unknown key)"]) }
                out += table.text(indent: "    ")
            }
            if !sheet.columns.isEmpty {
                out += sheet.headerRow.map { "  header row \($0):\n" } ?? "  best header candidate (not accepted):\n"
                var table = TextTable(["col", "header", "concept", "how"])
                for column in sheet.columns {
                    let how = column.concept == nil ? "" : "\(column.via ?? ""), \(format(column.score ?? 0))"
                    table.add([column.letter, column.header, column.concept?.rawValue ?? "unmatched", how])
                }
                out += table.text(indent: "    ")
            }
        }
        if !report.notes.isEmpty {
            out += "\nnotes:\n" + report.notes.map { "  - \($0)\n" }.joined()
        }
        return out
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
