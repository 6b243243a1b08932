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

    /// Writes the `drsdiff.vocabulary/v1` file `inspect --suggest-vocabulary` offers (see
    /// `docs/report.md`), and says how many headers and words it suggests.
    @discardableResult
    public static func writeVocabularySuggestion(_ report: ComparisonReport, to sink: ByteSink) throws -> (columns: Int, words: Int) {
        let document = VocabularySuggestion.document(for: report)
        sink.write(document.pretty() + "\n")
        var columns = 0
        var words = 0
        if case .object(let members) = document {
            for (key, value) in members {
                switch (key, value) {
                case ("columns", .object(let concepts)):
                    columns += concepts.reduce(0) { if case .array(let items) = $1.1 { return $0 + items.count } else { return $0 } }
                case ("ignore", .array(let items)):
                    columns += items.count
                case ("values", .object(let vocabularies)):
                    for (_, names) in vocabularies {
                        guard case .object(let entries) = names else { continue }
                        words += entries.reduce(0) { if case .array(let items) = $1.1 { return $0 + items.count } else { return $0 } }
                    }
                default: break
                }
            }
        }
        return (columns, words)
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
                out += explanations(sheet.columns)
            }
        }
        if !report.notes.isEmpty {
            out += "\nnotes:\n" + report.notes.map { "  - \($0)\n" }.joined()
        }
        return out
    }

    /// Why each inferred column reads as it does, what each unmatched one could be, and the
    /// words learned from the rows, with their evidence.
    static func explanations(_ columns: [ColumnMapping]) -> String {
        var out = ""
        let inferred = columns.filter { $0.inferred == true }
        if !inferred.isEmpty {
            out += "  inferred:\n"
            for column in inferred {
                out += "    \(column.letter) \(column.concept?.rawValue ?? "unmatched"): \(TextTable.oneLine(column.evidence ?? ""))\n"
            }
        }
        let open = columns.filter { $0.concept == nil && !($0.candidates ?? []).isEmpty }
        if !open.isEmpty {
            out += "  unmatched, could be:\n"
            for column in open {
                let candidates = (column.candidates ?? []).map { "\($0.concept.rawValue) \(format($0.score))" }.joined(separator: ", ")
                out += "    \(column.letter) \"\(column.header)\": \(candidates)\n"
            }
        }
        let words = columns.flatMap { column in (column.learned ?? []).map { (column.letter, $0) } }
        if !words.isEmpty {
            out += "  words learned from the rows:\n"
            for (letter, word) in words {
                out += "    \(letter) \"\(TextTable.oneLine(word.text))\" → \(word.value): \(word.evidence)\n"
            }
        }
        return out
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
