/// One row of a report section, typed by what the section holds. In JSON a record is its fields
/// plus `"kind"`, the section kind (`"table_row_counts"`…).
public enum ReportRecord: Sendable, Hashable {
    case objectTypeSummary(ObjectTypeSummary)
    case objectDifference(ObjectDifference)
    case databaseSummary(DatabaseSummary)
    case tableRowCount(TableRowCountResult)
    /// An entry of a "tables that cannot be compared" section.
    case uncomparableTable(TableRowCountResult)
    case tableValues(TableValueResult)
    case samplingResult(TableValueResult)
    case valueDifference(ValueDifference)
    case repairProgress(RepairProgress)
    case repairStatement(RepairStatement)
    /// A row of a sheet that was not recognised.
    case generic(GenericRow)

    public var kind: SectionKind {
        switch self {
        case .objectTypeSummary: return .objectSummary
        case .objectDifference: return .objectDifferences
        case .databaseSummary: return .databaseSummary
        case .tableRowCount: return .tableRowCounts
        case .uncomparableTable: return .cannotCompare
        case .tableValues: return .tableValues
        case .samplingResult: return .sampling
        case .valueDifference: return .valueDifferences
        case .repairProgress: return .repairProgress
        case .repairStatement: return .repairStatements
        case .generic: return .unknown
        }
    }

    /// Where the record comes from.
    public var sheet: String {
        switch self {
        case .objectTypeSummary(let r): return r.sheet
        case .objectDifference(let r): return r.sheet
        case .databaseSummary(let r): return r.sheet
        case .tableRowCount(let r), .uncomparableTable(let r): return r.sheet
        case .tableValues(let r), .samplingResult(let r): return r.sheet
        case .valueDifference(let r): return r.sheet
        case .repairProgress(let r): return r.sheet
        case .repairStatement(let r): return r.sheet
        case .generic(let r): return r.sheet
        }
    }

    /// 1-based row in ``sheet``.
    public var row: Int {
        switch self {
        case .objectTypeSummary(let r): return r.row
        case .objectDifference(let r): return r.row
        case .databaseSummary(let r): return r.row
        case .tableRowCount(let r), .uncomparableTable(let r): return r.row
        case .tableValues(let r), .samplingResult(let r): return r.row
        case .valueDifference(let r): return r.row
        case .repairProgress(let r): return r.row
        case .repairStatement(let r): return r.row
        case .generic(let r): return r.row
        }
    }

    /// How the record counts towards the verdict; nil when it says nothing either way.
    ///
    /// A table without a status column is judged by its row difference; an entry of a
    /// "cannot be compared" section is incomplete whatever its status; every value difference
    /// is an inconsistency; a repair progress line with failed rows is inconsistent and one with
    /// rows still to repair incomplete.
    public var category: StatusCategory? {
        func byDifference(_ difference: Int64?) -> StatusCategory? { difference.map { $0 == 0 ? .consistent : .inconsistent } }
        switch self {
        case .objectTypeSummary(let r): return r.status?.value.category
        case .objectDifference(let r): return r.status?.value.category
        case .databaseSummary(let r):
            return r.status?.value.category ?? r.tablesInconsistent.map { $0 > 0 ? .inconsistent : .consistent }
        case .tableRowCount(let r): return r.status?.value.category ?? byDifference(r.rowDifference)
        case .uncomparableTable: return .incomplete
        case .tableValues(let r), .samplingResult(let r): return r.worstResult?.value.category ?? byDifference(r.rowDifference)
        case .valueDifference: return .inconsistent
        case .repairProgress(let r):
            if let failed = r.failedRows, failed > 0 { return .inconsistent }
            if let total = r.totalRows, let repaired = r.repairedRows { return repaired < total ? .incomplete : .consistent }
            return nil
        case .repairStatement(let r): return r.state?.value.category
        case .generic: return nil
        }
    }
}

extension ReportRecord: Codable {
    private enum KindKey: String, CodingKey { case kind }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: KindKey.self)
        let name = try container.decode(String.self, forKey: .kind)
        guard let kind = SectionKind(rawValue: name) else {
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown record kind \(name)")
        }
        switch kind {
        case .objectSummary: self = .objectTypeSummary(try ObjectTypeSummary(from: decoder))
        case .objectDifferences: self = .objectDifference(try ObjectDifference(from: decoder))
        case .databaseSummary: self = .databaseSummary(try DatabaseSummary(from: decoder))
        case .tableRowCounts: self = .tableRowCount(try TableRowCountResult(from: decoder))
        case .cannotCompare: self = .uncomparableTable(try TableRowCountResult(from: decoder))
        case .tableValues: self = .tableValues(try TableValueResult(from: decoder))
        case .sampling: self = .samplingResult(try TableValueResult(from: decoder))
        case .valueDifferences: self = .valueDifference(try ValueDifference(from: decoder))
        case .repairProgress: self = .repairProgress(try RepairProgress(from: decoder))
        case .repairStatements: self = .repairStatement(try RepairStatement(from: decoder))
        case .unknown: self = .generic(try GenericRow(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: KindKey.self)
        try container.encode(kind.rawValue, forKey: .kind)
        switch self {
        case .objectTypeSummary(let r): try r.encode(to: encoder)
        case .objectDifference(let r): try r.encode(to: encoder)
        case .databaseSummary(let r): try r.encode(to: encoder)
        case .tableRowCount(let r), .uncomparableTable(let r): try r.encode(to: encoder)
        case .tableValues(let r), .samplingResult(let r): try r.encode(to: encoder)
        case .valueDifference(let r): try r.encode(to: encoder)
        case .repairProgress(let r): try r.encode(to: encoder)
        case .repairStatement(let r): try r.encode(to: encoder)
        case .generic(let r): try r.encode(to: encoder)
        }
    }
}
