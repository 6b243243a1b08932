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
                #expect(record.extra.isEmpty, "\(name) \(record.sheet)!\(record.row): extra \(record.extra)")
                for (concept, value) in row["values"] as! [String: Any] {
                    let found = meaning(of: ColumnConcept(rawValue: concept)!, in: record)
                    let want = value is NSNull ? nil : value
                    #expect(same(found, want), "\(name) \(record.sheet)!\(record.row) \(concept): want \(String(describing: want)), got \(String(describing: found))")
                }
            }
        }
    }

    /// A record's value for a concept, in the truth file's terms.
    private func meaning(of concept: ColumnConcept, in record: ReportRecord) -> Any? {
        let mirror = fields(record)
        switch concept {
        case .status, .rowResult, .valueResult:
            guard let status = mirror[concept.rawValue] as? Interpreted<ComparisonStatus> else { return nil }
            return status.value.code
        case .objectType:
            guard let type = mirror[concept.rawValue] as? Interpreted<ObjectType> else { return nil }
            return type.value.name
        case .differenceKind:
            return (mirror[concept.rawValue] as? Interpreted<DifferenceKind>)?.value.name
        case .operation:
            return (mirror[concept.rawValue] as? Interpreted<RepairOperation>)?.value.name.uppercased()
        case .sqlState:
            return (mirror[concept.rawValue] as? Interpreted<RepairState>)?.text
        default:
            return mirror[concept.rawValue] ?? nil
        }
    }

    private func fields(_ record: ReportRecord) -> [String: Any?] {
        switch record {
        case .objectTypeSummary(let r):
            return ["object_type": r.objectType, "source_count": r.sourceCount, "target_count": r.targetCount, "status": r.status]
        case .objectDifference(let r):
            return ["object_type": r.objectType, "source_database": r.sourceDatabase, "target_database": r.targetDatabase,
                    "object_name": r.objectName, "source_value": r.sourceValue, "target_value": r.targetValue, "status": r.status, "message": r.message]
        case .databaseSummary(let r):
            return ["source_database": r.sourceDatabase, "target_database": r.targetDatabase, "status": r.status,
                    "tables_compared": r.tablesCompared, "tables_finished": r.tablesFinished, "tables_inconsistent": r.tablesInconsistent,
                    "tables_uncomparable": r.tablesUncomparable]
        case .tableRowCount(let r), .uncomparableTable(let r):
            return ["source_database": r.sourceDatabase, "source_table": r.sourceTable, "target_database": r.targetDatabase,
                    "target_table": r.targetTable, "source_rows": r.sourceRows, "target_rows": r.targetRows, "difference": r.difference,
                    "status": r.status, "row_filter": r.rowFilter, "message": r.message]
        case .tableValues(let r), .samplingResult(let r):
            return ["source_database": r.sourceDatabase, "source_table": r.sourceTable, "target_database": r.targetDatabase,
                    "target_table": r.targetTable, "source_rows": r.sourceRows, "target_rows": r.targetRows, "difference": r.difference,
                    "sampling_ratio": r.samplingRatio, "row_result": r.rowResult, "value_result": r.valueResult, "status": r.status,
                    "message": r.message, "row_filter": r.rowFilter]
        case .valueDifference(let r):
            return ["source_database": r.sourceDatabase, "source_table": r.sourceTable, "target_database": r.targetDatabase,
                    "target_table": r.targetTable, "difference_kind": r.kind, "key_values": r.keyValues, "column": r.column,
                    "source_value": r.sourceValue, "target_value": r.targetValue, "select_sql": r.selectSQL, "target_select_sql": r.targetSelectSQL]
        case .repairProgress(let r):
            return ["source_database": r.sourceDatabase, "source_table": r.sourceTable, "target_database": r.targetDatabase,
                    "target_table": r.targetTable, "total_rows": r.totalRows, "repaired_rows": r.repairedRows, "failed_rows": r.failedRows]
        case .repairStatement(let r):
            return ["source_database": r.sourceDatabase, "source_table": r.sourceTable, "target_database": r.targetDatabase,
                    "target_table": r.targetTable, "source_key_values": r.sourceKeyValues, "target_key_values": r.targetKeyValues,
                    "operation": r.operation, "repair_sql": r.sql, "sql_state": r.state]
        case .generic:
            return [:]
        }
    }

    private func same(_ found: Any?, _ want: Any?) -> Bool {
        switch (found, want) {
        case (nil, nil): return true
        case (let found?, let want?):
            if let want = want as? NSNumber {
                if let found = found as? Int64 { return found == want.int64Value }
                if let found = found as? Int { return found == want.intValue }
                if let found = found as? Double { return found == want.doubleValue }
                return false
            }
            if let want = want as? String { return (found as? String) == want }
            return false
        default: return false
        }
    }
}
