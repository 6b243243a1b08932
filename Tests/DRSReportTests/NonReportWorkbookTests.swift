import Testing
import Foundation
import XLSXReader
@testable import DRSReport

/// Workbooks that are not DRS reports are explained and read as generic tables, never refused.
struct NonReportWorkbookTests {
    @Test(arguments: Repository.readerSamples)
    func readerSamplesFallBackToGenericTables(_ path: String) throws {
        let file = try ReportWorkbook(path: path)
        let workbook = try Workbook(path: path)
        #expect(file.report.sheets.count == workbook.sheets.count)
        #expect(file.report.sheets.allSatisfy { !$0.explanation.isEmpty })
        for section in file.report.sections where section.kind == .unknown {
            var count = 0
            let reader = file.records(in: section)
            while let record = try reader.next() {
                guard case .generic = record else { Issue.record("\(record)"); continue }
                count += 1
            }
            var rows = 0
            let sheetRows = try workbook.rows(in: workbook.sheet(at: section.sheets[0].index))
            while try sheetRows.next() != nil { rows += 1 }
            #expect(count == rows, "\(path) \(section.label)")
        }
        _ = try file.summary()
    }
}
