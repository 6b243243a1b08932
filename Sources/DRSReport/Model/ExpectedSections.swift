extension CompareType {
    /// Section kinds a report of this type is expected to hold.
    public var expectedSections: Set<SectionKind> {
        switch self {
        case .objects: return [.objectSummary, .objectDifferences]
        case .lines: return [.databaseSummary, .tableRowCounts, .cannotCompare]
        case .values: return [.databaseSummary, .tableValues, .valueDifferences, .cannotCompare]
        case .sampling: return [.databaseSummary, .sampling, .valueDifferences, .cannotCompare]
        case .repair: return [.repairProgress, .repairStatements]
        }
    }
}
