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
        writeHead(file.report, json: json)
        sink.write(",\n\"sections\":[")
        for (position, section) in selection.sections.enumerated() {
            sink.write(position == 0 ? "\n" : ",\n")
            json.sectionHead(section)
            sink.write(",\"records\":[")
            var first = true
            try forEachRecord(file, section, selection) { record in
                sink.write(first ? "\n" : ",\n")
                first = false
                json.record(record)
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
        writeHeadMembers(file.report, json: json, lineBreaks: false)
        json.key("sections")
        json.array(selection.sections) { section in
            json.sectionHead(section)
            sink.write(byte: UInt8(ascii: "}"))
        }
        sink.write("}\n")
        for section in selection.sections {
            try forEachRecord(file, section, selection) { record in
                json.record(record)
                sink.write(byte: 0x0A)
            }
        }
    }

    /// CSV of one section: `sheet`, `row`, the kind's fields under stable English names, one
    /// column per unmatched header (`extra:<header>`) and a last `extra` column for anything else
    /// (`Header: value` lines). An unrecognised section is written as the sheet's generic table.
    public static func writeCSV(_ file: ReportWorkbook, section: ReportSection, onlyInconsistent: Bool = false, to sink: ByteSink) throws {
        if section.kind == .unknown {
            try TableWriter.write(file.workbook.sheet(at: section.sheets[0].index), of: file.workbook, as: .csv, to: sink)
            return
        }
        var header = ["sheet", "row"] + FieldColumns.names(section.kind.fields)
        let unmatched = section.columns.filter { $0.concept == nil }
        header += unmatched.map { "extra:" + ($0.header.isEmpty ? $0.letter : $0.header) }
        header.append("extra")
        CSVEncoding.writeRecord(header, to: sink)

        let selection = Selection(sections: [section], onlyInconsistent: onlyInconsistent)
        var fields: [String] = []
        try forEachRecord(file, section, selection) { record in
            fields.removeAll(keepingCapacity: true)
            fields.append(record.sheet)
            fields.append(String(record.row))
            let body = record.body
            for (position, field) in type(of: body).fields.enumerated() {
                FieldColumns.append(body[position], as: field.type, to: &fields)
            }
            var others: [String] = []
            var byColumn: [String: String] = [:]
            for extra in body.extra {
                if unmatched.contains(where: { $0.letter == extra.column }) { byColumn[extra.column] = extra.value }
                else { others.append((extra.header.isEmpty ? extra.column : extra.header) + ": " + extra.value) }
            }
            fields += unmatched.map { byColumn[$0.letter] ?? "" }
            fields.append(others.joined(separator: "\n"))
            CSVEncoding.writeRecord(fields, to: sink)
        }
    }

    // MARK: - Shared

    private static func forEachRecord(_ file: ReportWorkbook, _ section: ReportSection, _ selection: Selection,
                                      _ body: (ReportRecord) throws -> Void) throws {
        let records = file.records(in: section)
        while let record = try records.next() {
            if selection.onlyInconsistent && record.category != .inconsistent { continue }
            try body(record)
        }
    }

    private static func writeHead(_ report: ComparisonReport, json: JSONWriter) {
        json.sink.write("{")
        writeHeadMembers(report, json: json, lineBreaks: true)
    }

    private static func writeHeadMembers(_ report: ComparisonReport, json: JSONWriter, lineBreaks: Bool) {
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
        json.array(report.titles) { json.encoded($0) }
        json.sink.write(separator)
        json.key("metadata", first: true)
        json.array(report.metadata) { json.encoded($0) }
        json.sink.write(separator)
        json.key("notes", first: true)
        json.array(report.notes) { json.string($0) }
    }
}
