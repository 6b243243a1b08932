import XLSXReader

/// Hands out a section's records one at a time, sheet after sheet for a section that continues
/// on several sheets: only the row being read is in memory, however long the section.
///
/// ```swift
/// let records = file.records(in: section)
/// while let record = try records.next() { … }
/// ```
public final class RecordReader {
    private let workbook: Workbook
    private let section: ReportSection
    private let reader: FieldReader
    private var sheetPosition = 0
    private var rows: RowReader?
    private var headerIndex: Int?
    private var end: TableEnd

    init(workbook: Workbook, section: ReportSection, vocabulary: Vocabulary) {
        self.workbook = workbook
        self.section = section
        self.reader = FieldReader(section: section, vocabulary: vocabulary)
        end = TableEnd(reader: reader, section: section)
    }

    /// The next record, or nil after the section's last row.
    public func next() throws -> ReportRecord? {
        while true {
            if rows == nil {
                guard sheetPosition < section.sheets.count else { return nil }
                let sheet = section.sheets[sheetPosition]
                rows = try workbook.rows(in: try workbook.sheet(at: sheet.index))
                // An unrecognised sheet comes out whole; a recognised one from below its header.
                headerIndex = section.kind == .unknown ? nil : sheet.headerRow.map { $0 - 1 }
                end.startSheet()
            }
            guard let row = try rows!.next() else {
                rows = nil
                sheetPosition += 1
                continue
            }
            if let headerIndex, row.index <= headerIndex { continue }
            if section.kind != .unknown, reader.isHeader(row) { continue }
            reader.read(row)
            // A totals line or notes below the table are no records.
            if section.kind != .unknown, end.skip(row, reader: reader) != nil { continue }
            return reader.record(row, sheet: section.sheets[sheetPosition].name)
        }
    }
}
