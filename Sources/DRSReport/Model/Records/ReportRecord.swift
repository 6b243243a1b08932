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
    case samplingResult(SamplingResult)
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

    /// The record whatever its kind: its place, its fields in table order, its extra cells.
    public var body: any AnyRecord {
        switch self {
        case .objectTypeSummary(let r): return r
        case .objectDifference(let r): return r
        case .databaseSummary(let r): return r
        case .tableRowCount(let r), .uncomparableTable(let r): return r
        case .tableValues(let r): return r
        case .samplingResult(let r): return r
        case .valueDifference(let r): return r
        case .repairProgress(let r): return r
        case .repairStatement(let r): return r
        case .generic(let r): return r
        }
    }

    /// Wraps a record built for `kind`; nil when the record's type is not the kind's.
    init?(kind: SectionKind, body: any AnyRecord) {
        switch kind {
        case .objectSummary: guard let r = body as? ObjectTypeSummary else { return nil }; self = .objectTypeSummary(r)
        case .objectDifferences: guard let r = body as? ObjectDifference else { return nil }; self = .objectDifference(r)
        case .databaseSummary: guard let r = body as? DatabaseSummary else { return nil }; self = .databaseSummary(r)
        case .tableRowCounts: guard let r = body as? TableRowCountResult else { return nil }; self = .tableRowCount(r)
        case .cannotCompare: guard let r = body as? TableRowCountResult else { return nil }; self = .uncomparableTable(r)
        case .tableValues: guard let r = body as? TableValueResult else { return nil }; self = .tableValues(r)
        case .sampling: guard let r = body as? SamplingResult else { return nil }; self = .samplingResult(r)
        case .valueDifferences: guard let r = body as? ValueDifference else { return nil }; self = .valueDifference(r)
        case .repairProgress: guard let r = body as? RepairProgress else { return nil }; self = .repairProgress(r)
        case .repairStatements: guard let r = body as? RepairStatement else { return nil }; self = .repairStatement(r)
        case .unknown: guard let r = body as? GenericRow else { return nil }; self = .generic(r)
        }
    }

    /// Where the record comes from.
    public var sheet: String { body.sheet }

    /// 1-based row in ``sheet``.
    public var row: Int { body.row }

    /// How the record counts towards the verdict; nil when it says nothing either way (see
    /// ``SectionKind/category(of:)``).
    public var category: StatusCategory? { kind.category(of: RecordVerdictInputs(record: body)) }
}

extension ReportRecord: Codable {
    private enum KindKey: String, CodingKey { case kind }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: KindKey.self)
        let name = try container.decode(String.self, forKey: .kind)
        guard let kind = SectionKind(rawValue: name) else {
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown record kind \(name)")
        }
        self.init(kind: kind, body: try kind.recordType.init(from: decoder))!
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: KindKey.self)
        try container.encode(kind.rawValue, forKey: .kind)
        try body.encode(to: encoder)
    }
}

/// A record of any kind, for code that goes over every field (writers, diffs).
public protocol AnyRecord: Sendable, Codable {
    var sheet: String { get }
    var row: Int { get }
    var extra: [ExtraField] { get }
    /// The kind's fields, in table order.
    static var fields: [any AnyField] { get }
    static var keepsExtraCells: Bool { get }
    static var readsObjectStatusCodes: Bool { get }
    subscript(position: Int) -> (any FieldValue)? { get }
    /// The value of the field read from `concept`, if the kind has such a field.
    func value(for concept: ColumnConcept) -> (any FieldValue)?
}

extension Record: AnyRecord {
    public static var fields: [any AnyField] { Fields.layout.fields }
    public static var keepsExtraCells: Bool { Fields.keepsExtraCells }
    public static var readsObjectStatusCodes: Bool { Fields.readsObjectStatusCodes }
}

extension SectionKind {
    /// The record type of the kind.
    public var recordType: any AnyRecord.Type {
        switch self {
        case .objectSummary: return ObjectTypeSummary.self
        case .objectDifferences: return ObjectDifference.self
        case .databaseSummary: return DatabaseSummary.self
        case .tableRowCounts, .cannotCompare: return TableRowCountResult.self
        case .tableValues: return TableValueResult.self
        case .sampling: return SamplingResult.self
        case .valueDifferences: return ValueDifference.self
        case .repairProgress: return RepairProgress.self
        case .repairStatements: return RepairStatement.self
        case .unknown: return GenericRow.self
        }
    }

    /// The kind's fields, in table order: the JSON members and CSV columns of its records.
    public var fields: [any AnyField] { recordType.fields }
}
