import DRSReport
import XLSXReader

/// Writes a report's records as `drsdiff.report/v1` JSON, NDJSON or CSV, streaming: one record
/// in memory at a time. The formats are described in `docs/report.md` and
/// `schema/drsdiff.report.v1.json`.
public enum ReportWriter {
    public static let schema = "drsdiff.report/v1"

    /// What to write.
    public struct Selection: Sendable {
        /// Sections to write, in report order.
        public var sections: [ReportSection]
        /// Only records whose ``ReportRecord/category`` is `inconsistent`.
        public var onlyInconsistent: Bool

        public init(sections: [ReportSection], onlyInconsistent: Bool = false) {
            self.sections = sections
            self.onlyInconsistent = onlyInconsistent
        }
    }

    /// One JSON document: the report's description with each section's records inside it.
    /// Records are one per line, so the output diffs and greps well.
    public static func writeJSON(_ file: ReportWorkbook, _ selection: Selection, to sink: ByteSink) throws {
        let json = JSONWriter(sink: sink)
        try writeHead(file.report, json: json)
        sink.write(",\n\"sections\":[")
        for (position, section) in selection.sections.enumerated() {
            sink.write(position == 0 ? "\n" : ",\n")
            try json.sectionHead(section)
            sink.write(",\"records\":[")
            var first = true
            let encoder = JSONRecordEncoder(section: section)
            try forEachRow(file, section, selection) { reader, row, sheet in
                sink.write(first ? "\n" : ",\n")
                first = false
                encoder.write(reader, row, sheet, to: sink)
            }
            sink.write(first ? "]}" : "\n]}")
        }
        sink.write(selection.sections.isEmpty ? "]}\n" : "\n]}\n")
    }

    /// NDJSON: a first line with `"kind":"report"` describing the report and its sections, then one
    /// record per line, each with its section's `kind`.
    public static func writeNDJSON(_ file: ReportWorkbook, _ selection: Selection, to sink: ByteSink) throws {
        let json = JSONWriter(sink: sink)
        sink.write("{\"kind\":\"report\",")
        try writeHeadMembers(file.report, json: json, lineBreaks: false)
        json.key("sections")
        try json.array(selection.sections) { section in
            try json.sectionHead(section)
            sink.write(byte: UInt8(ascii: "}"))
        }
        sink.write("}\n")
        for section in selection.sections {
            let encoder = JSONRecordEncoder(section: section)
            try forEachRow(file, section, selection) { reader, row, sheet in
                encoder.write(reader, row, sheet, to: sink)
                sink.write(byte: 0x0A)
            }
        }
    }

    /// CSV of one section: `sheet`, `row`, the kind's fields under stable English names, one
    /// column per unmatched header (`extra:<header>`) and a last `extra` column for anything else
    /// (`Header: value` lines). An unrecognised section is written as the sheet's generic table,
    /// with `tableOptions` (its cap on padded cells, above all).
    public static func writeCSV(_ file: ReportWorkbook, section: ReportSection, onlyInconsistent: Bool = false,
                                tableOptions: TableWriter.Options = TableWriter.Options(), to sink: ByteSink) throws {
        if section.kind == .unknown {
            try TableWriter.write(file.workbook.sheet(at: section.sheets[0].index), of: file.workbook, as: .csv, to: sink,
                                  options: tableOptions)
            return
        }
        let encoder = CSVRecordEncoder(section: section)
        CSVEncoding.writeRecord(encoder.header, to: sink)
        try forEachRow(file, section, Selection(sections: [section], onlyInconsistent: onlyInconsistent)) { reader, row, sheet in
            encoder.write(reader, row, sheet, to: sink)
        }
    }

    // MARK: - Shared

    /// The section's data rows on the fast path, read by their fields; with `onlyInconsistent`,
    /// only those whose category is `inconsistent`.
    private static func forEachRow(_ file: ReportWorkbook, _ section: ReportSection, _ selection: Selection,
                                   _ body: (FieldReader, RowView, SectionSheet) throws -> Void) throws {
        try file.scan(section, with: file.fieldReader(for: section)) { reader, row, sheet in
            if selection.onlyInconsistent && reader.category != .inconsistent { return }
            try body(reader, row, sheet)
        }
    }

    private static func writeHead(_ report: ComparisonReport, json: JSONWriter) throws {
        json.sink.write("{")
        try writeHeadMembers(report, json: json, lineBreaks: true)
    }

    private static func writeHeadMembers(_ report: ComparisonReport, json: JSONWriter, lineBreaks: Bool) throws {
        let separator = lineBreaks ? ",\n" : ","
        json.key("schema", first: true)
        json.string(schema)
        json.key("file")
        json.string(report.file)
        json.key("compare_type")
        json.string(report.compareType?.rawValue)
        json.key("language")
        json.string(report.language?.rawValue)
        json.sink.write(separator)
        json.key("titles", first: true)
        try json.array(report.titles) { try json.encoded($0) }
        json.sink.write(separator)
        json.key("metadata", first: true)
        try json.array(report.metadata) { try json.encoded($0) }
        json.sink.write(separator)
        json.key("notes", first: true)
        json.array(report.notes) { json.string($0) }
    }
}
