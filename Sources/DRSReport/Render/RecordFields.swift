/// A record's fields in output order, with the stable English names JSON and CSV use. One list
/// drives every format, so JSON keys and CSV columns never drift apart.
enum FieldValue {
    case text(String?)
    case count(Int64?)
    case number(Double?)
    case integer(Int)
    /// JSON `{"value", "code", "text"}`; CSV three columns `x`, `x_code`, `x_text`.
    case status(Interpreted<ComparisonStatus>?)
    /// JSON `{"value", "text"}`; CSV two columns `x`, `x_text`.
    case reading(name: String?, text: String?)
    /// Generic rows: JSON array of strings.
    case texts([String])
}

extension Interpreted {
    var field: FieldValue { .reading(name: value.name, text: text) }
}

private extension Optional {
    func reading<V: InterpretedValue>() -> FieldValue where Wrapped == Interpreted<V> {
        self?.field ?? .reading(name: nil, text: nil)
    }
}

extension ReportRecord {
    /// Fields after `kind`, `sheet` and `row`, before `extra`.
    var fields: [(String, FieldValue)] {
        switch self {
        case .objectTypeSummary(let r):
            return [("object_type", r.objectType.reading()), ("source_count", .count(r.sourceCount)),
                    ("target_count", .count(r.targetCount)), ("status", .status(r.status))]
        case .objectDifference(let r):
            return [("object_type", r.objectType.reading()), ("source_database", .text(r.sourceDatabase)),
                    ("target_database", .text(r.targetDatabase)), ("object_name", .text(r.objectName)),
                    ("source_value", .text(r.sourceValue)), ("target_value", .text(r.targetValue)),
                    ("status", .status(r.status)), ("message", .text(r.message))]
        case .databaseSummary(let r):
            return [("source_database", .text(r.sourceDatabase)), ("target_database", .text(r.targetDatabase)),
                    ("status", .status(r.status)), ("tables_compared", .count(r.tablesCompared)),
                    ("tables_finished", .count(r.tablesFinished)), ("tables_inconsistent", .count(r.tablesInconsistent)),
                    ("tables_uncomparable", .count(r.tablesUncomparable))]
        case .tableRowCount(let r), .uncomparableTable(let r):
            return ReportRecord.tableIdentity(r.sourceDatabase, r.sourceTable, r.targetDatabase, r.targetTable) + [
                ("source_rows", .count(r.sourceRows)), ("target_rows", .count(r.targetRows)), ("difference", .count(r.difference)),
                ("status", .status(r.status)), ("row_filter", .text(r.rowFilter)), ("message", .text(r.message))]
        case .tableValues(let r), .samplingResult(let r):
            var fields = ReportRecord.tableIdentity(r.sourceDatabase, r.sourceTable, r.targetDatabase, r.targetTable) + [
                ("source_rows", .count(r.sourceRows)), ("target_rows", .count(r.targetRows)), ("difference", .count(r.difference))]
            if case .samplingResult = self { fields.append(("sampling_ratio", .number(r.samplingRatio))) }
            return fields + [("row_result", .status(r.rowResult)), ("value_result", .status(r.valueResult)), ("status", .status(r.status)),
                             ("message", .text(r.message)), ("row_filter", .text(r.rowFilter))]
        case .valueDifference(let r):
            return ReportRecord.tableIdentity(r.sourceDatabase, r.sourceTable, r.targetDatabase, r.targetTable) + [
                ("difference_kind", r.kind.reading()), ("key_values", .text(r.keyValues)),
                ("source_key_values", .text(r.sourceKeyValues)), ("target_key_values", .text(r.targetKeyValues)),
                ("column", .text(r.column)), ("source_value", .text(r.sourceValue)), ("target_value", .text(r.targetValue)),
                ("select_sql", .text(r.selectSQL)), ("target_select_sql", .text(r.targetSelectSQL))]
        case .repairProgress(let r):
            return ReportRecord.tableIdentity(r.sourceDatabase, r.sourceTable, r.targetDatabase, r.targetTable) + [
                ("total_rows", .count(r.totalRows)), ("repaired_rows", .count(r.repairedRows)), ("failed_rows", .count(r.failedRows))]
        case .repairStatement(let r):
            return ReportRecord.tableIdentity(r.sourceDatabase, r.sourceTable, r.targetDatabase, r.targetTable) + [
                ("source_key_values", .text(r.sourceKeyValues)), ("target_key_values", .text(r.targetKeyValues)),
                ("key_values", .text(r.keyValues)), ("operation", r.operation.reading()), ("repair_sql", .text(r.sql)),
                ("sql_state", r.state.reading())]
        case .generic(let r):
            return [("values", .texts(r.values))]
        }
    }

    var extra: [ExtraField] {
        switch self {
        case .objectTypeSummary(let r): return r.extra
        case .objectDifference(let r): return r.extra
        case .databaseSummary(let r): return r.extra
        case .tableRowCount(let r), .uncomparableTable(let r): return r.extra
        case .tableValues(let r), .samplingResult(let r): return r.extra
        case .valueDifference(let r): return r.extra
        case .repairProgress(let r): return r.extra
        case .repairStatement(let r): return r.extra
        case .generic: return []
        }
    }

    private static func tableIdentity(_ sourceDatabase: String?, _ sourceTable: String?, _ targetDatabase: String?,
                                      _ targetTable: String?) -> [(String, FieldValue)] {
        [("source_database", .text(sourceDatabase)), ("source_table", .text(sourceTable)),
         ("target_database", .text(targetDatabase)), ("target_table", .text(targetTable))]
    }

    /// A record of the kind with every field empty: its field names are the CSV columns.
    static func template(for kind: SectionKind) -> ReportRecord {
        switch kind {
        case .objectSummary:
            return .objectTypeSummary(ObjectTypeSummary(sheet: "", row: 0, objectType: nil, sourceCount: nil, targetCount: nil, status: nil, extra: []))
        case .objectDifferences:
            return .objectDifference(ObjectDifference(sheet: "", row: 0, objectType: nil, sourceDatabase: nil, targetDatabase: nil, objectName: nil,
                                                      sourceValue: nil, targetValue: nil, status: nil, message: nil, extra: []))
        case .databaseSummary:
            return .databaseSummary(DatabaseSummary(sheet: "", row: 0, sourceDatabase: nil, targetDatabase: nil, status: nil, tablesCompared: nil,
                                                    tablesFinished: nil, tablesInconsistent: nil, tablesUncomparable: nil, extra: []))
        case .tableRowCounts, .cannotCompare:
            let result = TableRowCountResult(sheet: "", row: 0, sourceDatabase: nil, sourceTable: nil, targetDatabase: nil, targetTable: nil,
                                             sourceRows: nil, targetRows: nil, difference: nil, status: nil, rowFilter: nil, message: nil, extra: [])
            return kind == .cannotCompare ? .uncomparableTable(result) : .tableRowCount(result)
        case .tableValues, .sampling:
            let result = TableValueResult(sheet: "", row: 0, sourceDatabase: nil, sourceTable: nil, targetDatabase: nil, targetTable: nil,
                                          sourceRows: nil, targetRows: nil, difference: nil, samplingRatio: nil, rowResult: nil, valueResult: nil,
                                          status: nil, message: nil, rowFilter: nil, extra: [])
            return kind == .sampling ? .samplingResult(result) : .tableValues(result)
        case .valueDifferences:
            return .valueDifference(ValueDifference(sheet: "", row: 0, sourceDatabase: nil, sourceTable: nil, targetDatabase: nil, targetTable: nil,
                                                    kind: nil, keyValues: nil, sourceKeyValues: nil, targetKeyValues: nil, column: nil,
                                                    sourceValue: nil, targetValue: nil, selectSQL: nil, targetSelectSQL: nil, extra: []))
        case .repairProgress:
            return .repairProgress(RepairProgress(sheet: "", row: 0, sourceDatabase: nil, sourceTable: nil, targetDatabase: nil, targetTable: nil,
                                                  totalRows: nil, repairedRows: nil, failedRows: nil, extra: []))
        case .repairStatements:
            return .repairStatement(RepairStatement(sheet: "", row: 0, sourceDatabase: nil, sourceTable: nil, targetDatabase: nil, targetTable: nil,
                                                    sourceKeyValues: nil, targetKeyValues: nil, keyValues: nil, operation: nil, sql: nil, state: nil, extra: []))
        case .unknown:
            return .generic(GenericRow(sheet: "", row: 0, values: []))
        }
    }
}
