/// The concepts a section kind cannot be trusted without: what names its records (a table, an
/// object), what judges them (a result), and what explains the ones that could not be compared
/// (a reason). A section lacking one is read all the same, and the report says so
/// (``ComparisonReport/doubts``): `summary`, `check` and `diff` repeat it.
public struct KeyConcept: Sendable, Hashable {
    /// What is missing, in words: "the table name".
    public let name: String
    /// Any one of these columns will do.
    public let concepts: Set<ColumnConcept>
    /// What goes wrong without it.
    public let consequence: String

    static let tableName = KeyConcept(name: "the table name", concepts: [.sourceTable, .targetTable],
                                      consequence: "its records cannot be told apart by table, and a diff cannot pair them")
    static let result = KeyConcept(name: "a result", concepts: [.status, .rowResult, .valueResult],
                                   consequence: "its tables are judged by their row counts alone")
    static let reason = KeyConcept(name: "a reason", concepts: [.status, .message],
                                   consequence: "why its tables could not be compared is not known")
    static let objectName = KeyConcept(name: "the object name", concepts: [.objectName],
                                       consequence: "its objects cannot be told apart, and a diff cannot pair them")
    static let objectType = KeyConcept(name: "the object type", concepts: [.objectType],
                                       consequence: "its counts cannot be told apart by object type")
    static let repairState = KeyConcept(name: "the statement's state", concepts: [.sqlState],
                                        consequence: "whether its statements ran is not known")
}

extension SectionKind {
    /// The kind's key concepts (see ``KeyConcept``).
    public var keyConcepts: [KeyConcept] {
        switch self {
        case .tableRowCounts: return [.tableName]
        case .tableValues, .sampling: return [.tableName, .result]
        case .cannotCompare: return [.tableName, .reason]
        case .valueDifferences, .repairProgress: return [.tableName]
        case .repairStatements: return [.tableName, .repairState]
        case .objectSummary: return [.objectType]
        case .objectDifferences: return [.objectName]
        case .databaseSummary, .unknown: return []
        }
    }
}

extension ReportSection {
    /// The key concepts no column of the section holds.
    public var missingKeyConcepts: [KeyConcept] {
        let found = Set(columns.compactMap(\.concept))
        return kind.keyConcepts.filter { found.isDisjoint(with: $0.concepts) }
    }
}

extension ComparisonReport {
    /// One sentence per recognised section lacking a key concept: where recognition is unsure
    /// and what the user should not trust. Empty when every section has its key concepts.
    public var doubts: [String] { ComparisonReport.doubts(ofSections: sections) }

    /// The doubts of some sections (``doubts``).
    public static func doubts(ofSections sections: [ReportSection]) -> [String] {
        sections.filter { $0.kind != .unknown }.flatMap { section in
            section.missingKeyConcepts.map { key in
                "\(section.label): no column holds \(key.name); \(key.consequence) (`drsdiff inspect` shows how the columns were read)"
            }
        }
    }
}
