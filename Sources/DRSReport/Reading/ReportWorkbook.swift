import XLSXReader

/// A DRS comparison report opened for reading: what it holds (``report``), its records as a
/// stream, and its summary in one pass.
///
/// ```swift
/// import DRSReport
///
/// let file = try ReportWorkbook(path: "lines_en-us.xlsx")
/// print(file.report.compareType?.rawValue ?? "unknown", file.report.metadataValue(named: "task_id") ?? "")
/// for section in file.report.sections where section.kind == .tableRowCounts {
///     let records = file.records(in: section)
///     while let record = try records.next() {
///         guard case .tableRowCount(let table) = record, record.category == .inconsistent else { continue }
///         print(table.sourceTable ?? "?", table.rowDifference ?? 0, table.status?.text ?? "")
///     }
/// }
/// let summary = try file.summary(top: 5)
/// print(summary.verdict)   // consistent, inconsistent or incomplete
/// ```
public final class ReportWorkbook {
    public let workbook: Workbook
    /// The vocabulary the records are read with: the caller's, taught the side words this
    /// workbook uses where a parallel header names a side drsdiff knows (see `docs/report.md`).
    public let vocabulary: Vocabulary
    /// What the workbook holds, recognised from the top rows of each sheet.
    public let report: ComparisonReport

    /// Opens and recognises a report. `compareType`, when the caller knows it (a download does),
    /// is a hint for sheets that could be read either way; the report's own content wins.
    public convenience init(path: String, vocabulary: Vocabulary = .standard, compareType: CompareType? = nil,
                            limits: ReaderLimits = ReaderLimits()) throws {
        try self.init(workbook: Workbook(path: path, limits: limits), vocabulary: vocabulary, compareType: compareType)
    }

    /// `name` is how outputs call the file (default: the workbook's file name without its directory).
    public init(workbook: Workbook, name: String? = nil, vocabulary: Vocabulary = .standard, compareType: CompareType? = nil) throws {
        self.workbook = workbook
        let name = name ?? workbook.displayName.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? workbook.displayName
        (self.report, self.vocabulary) = try ReportRecognizer(vocabulary: vocabulary, compareTypeHint: compareType).recognize(workbook, file: name)
    }

    /// The section's records, streamed.
    public func records(in section: ReportSection) -> RecordReader {
        RecordReader(workbook: workbook, section: section, vocabulary: vocabulary)
    }

    /// Calls `body` with every record of every section (recognised or not), in workbook order.
    public func forEachRecord(_ body: (ReportSection, ReportRecord) throws -> Void) throws {
        for section in report.sections {
            let records = records(in: section)
            while let record = try records.next() { try body(section, record) }
        }
    }

    /// The verdict and counts, from one pass over the records. `top` tables by absolute row
    /// difference are kept; memory does not grow with the number of records. `onProblem`, if
    /// given, sees each record that is not consistent (inconsistent, incomplete, or saying
    /// neither) in sections of the `problemsIn` kinds, as summaries read records: without the
    /// detail fields (SQL, values, keys, row filters) and extra cells. `drsdiff check` prints its
    /// lines from them.
    public func summary(top: Int = 10, problemsIn kinds: Set<SectionKind> = Set(SectionKind.allCases),
                        onProblem: ((ReportSection, ReportRecord) throws -> Void)? = nil) throws -> ReportSummary {
        var builder = SummaryBuilder(report: report, top: top)
        for section in report.sections where section.kind != .unknown {
            let onProblem = kinds.contains(section.kind) ? onProblem : nil
            try scan(section, with: fieldReader(for: section), skipped: { builder.skipped($2, sheet: $0.name, row: $1, in: section) }) { reader, row, sheet in
                builder.add(ReadRow(reader: reader, cells: row, sheet: sheet.name), in: section)
                if let onProblem, reader.category != .consistent {
                    try onProblem(section, reader.record(row, sheet: sheet.name, fields: .summary))
                }
            }
        }
        return builder.finish()
    }
}

extension ReportWorkbook {
    /// The fast path: every data row of `section` (title, metadata and header rows left out) read
    /// by `reader` straight from cell bytes, with parsing overlapped on a second thread. `body`
    /// gets the reader holding the row, the borrowed row and its sheet; nothing outlives the call.
    /// Rows below the table that are no records (``TableEnd``) are left out; `skipped`, if given,
    /// hears of each (its sheet, 1-based row and why).
    package func scan(_ section: ReportSection, with reader: FieldReader,
                      skipped: ((SectionSheet, Int, TableEnd.Skipped) -> Void)? = nil,
                      _ body: (FieldReader, RowView, SectionSheet) throws -> Void) throws {
        var end = TableEnd(reader: reader, section: section)
        for sheet in section.sheets {
            let headerIndex = section.kind == .unknown ? nil : sheet.headerRow.map { $0 - 1 }
            end.startSheet()
            try workbook.forEachRow(in: try workbook.sheet(at: sheet.index)) { row in
                if row.count == 0 { return }
                if let headerIndex, row.index <= headerIndex { return }
                if section.kind != .unknown, reader.isHeader(row) { return }
                reader.read(row)
                if section.kind != .unknown, let why = end.skip(row, reader: reader) {
                    skipped?(sheet, row.index + 1, why)
                    return
                }
                try body(reader, row, sheet)
            }
        }
    }

    /// A reader for `section` with this workbook's vocabulary.
    package func fieldReader(for section: ReportSection) -> FieldReader {
        FieldReader(section: section, vocabulary: vocabulary)
    }
}
