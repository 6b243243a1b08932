import Testing
import Foundation
@testable import DRSReport

/// Every data row of every sample, read as a typed record, holds what the truth file says it
/// means: counts as integers whatever their spelling, statuses as their code, kinds, operations.
struct SampleRecordTests {
    @Test(arguments: Repository.reportSamples)
    func recordsMeanWhatTheTruthSays(_ name: String) throws {
        let truth = try SampleTruth(name)
        let file = try ReportWorkbook(path: Repository.reportSample(name))
        for (expected, section) in zip(truth.sections, file.report.sections) {
            var records: [ReportRecord] = []
            let reader = file.records(in: section)
            while let record = try reader.next() { records.append(record) }
            let rows = expected["rows"] as! [[String: Any]]
            try #require(records.count == rows.count, "\(name) \(section.label): \(records.count) records, \(rows.count) rows")
            for (row, record) in zip(rows, records) {
                #expect(record.sheet == row["sheet"] as? String && record.row == row["row"] as? Int)
                #expect(record.kind == section.kind)
                #expect(record.body.extra.isEmpty, "\(name) \(record.sheet)!\(record.row): extra \(record.body.extra)")
                for (concept, value) in row["values"] as! [String: Any] {
                    let found = meaning(of: ColumnConcept(rawValue: concept)!, in: record)
                    let want = value is NSNull ? nil : value
                    #expect(SampleTruth.same(found, want), "\(name) \(record.sheet)!\(record.row) \(concept): want \(String(describing: want)), got \(String(describing: found))")
                }
            }
        }
    }

    /// A record's value for a concept, in the truth file's terms.
    private func meaning(of concept: ColumnConcept, in record: ReportRecord) -> Any? {
        let value = record.body.value(for: concept)
        switch concept {
        case .status, .rowResult, .valueResult:
            return (value as? Interpreted<ComparisonStatus>)?.value.code
        case .objectType:
            return (value as? Interpreted<ObjectType>)?.value.name
        case .differenceKind:
            return (value as? Interpreted<DifferenceKind>)?.value.name
        case .operation:
            return (value as? Interpreted<RepairOperation>)?.value.name.uppercased()
        case .sqlState:
            return (value as? Interpreted<RepairState>)?.text
        default:
            return value
        }
    }
}
