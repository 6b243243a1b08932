import Testing
import DRSReport

/// The example of docs/library.md, as written there: it must compile and do what it says.
struct LibraryUsageTests {
    @Test func theDocumentedExampleWorks() throws {
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

        let file = try ReportWorkbook(path: Repository.reportSample("lines_en-us"))   // recognises the report's layout
        print(file.report.compareType?.rawValue ?? "unknown", file.report.metadataValue(named: "task_id") ?? "")

        for section in file.report.sections where section.kind == .tableRowCounts {
            let records = file.records(in: section)                 // streams: one row in memory at a time
            while let record = try records.next() {
                guard case .tableRowCount(let table) = record, record.category == .inconsistent else { continue }
                print(table.sourceTable ?? "?", table.rowDifference ?? 0, table.status?.text ?? "")
            }
        }

        let summary = try file.summary(top: 5)                      // one pass, flat memory
        print(summary.verdict, summary.reasons)

        #expect(printed.first == "lines 9c1b7e2f-03d4-4a8b-b6f1-2e5d8c7a1jb01")
        #expect(printed.count == 1 + 10 + 1)
        #expect(printed[1] == "events_2023 2 The comparison result is inconsistent")
        #expect(printed.last?.hasPrefix("incomplete [") == true)
    }
}
