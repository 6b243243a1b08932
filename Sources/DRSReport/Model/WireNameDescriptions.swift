/// The model's small enums print as their wire names, the words JSON, CSV and the CLI use:
/// `print(summary.verdict)` shows `inconsistent`, `"\(change.kind)"` is `newly_inconsistent`,
/// not the Swift case name (`DRSReport.StatusCategory.inconsistent` when printed as an optional).
extension StatusCategory: CustomStringConvertible {
    public var description: String { rawValue }
}

extension ReportLanguage: CustomStringConvertible {
    public var description: String { rawValue }
}

extension SectionKind: CustomStringConvertible {
    public var description: String { rawValue }
}

extension ColumnConcept: CustomStringConvertible {
    public var description: String { rawValue }
}

extension ChangeKind: CustomStringConvertible {
    public var description: String { rawValue }
}

extension DiffEntity: CustomStringConvertible {
    public var description: String { rawValue }
}

extension DiffVerdict: CustomStringConvertible {
    public var description: String { rawValue }
}
