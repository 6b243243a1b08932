import DRSReport

/// The records a page shows of each section, at most `limit` per section: every inconsistent or
/// incomplete record first (a reader signs off on the problems), then consistent ones, in report
/// order. Memory holds at most twice `limit` records per section, however long the section.
struct RecordSample {
    struct Section {
        let section: ReportSection
        /// Records the section has.
        var total = 0
        fileprivate var problems: [ReportRecord] = []
        fileprivate var others: [ReportRecord] = []
        let limit: Int

        /// The records kept, in report order: sheets in the section's order, rows ascending.
        var shown: [ReportRecord] {
            let kept = problems.prefix(limit) + others.prefix(max(0, limit - problems.count))
            let sheets = Dictionary(section.sheets.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
            return kept.sorted { (sheets[$0.sheet] ?? 0, $0.row) < (sheets[$1.sheet] ?? 0, $1.row) }
        }

        var leftOut: Int { total - min(total, limit) }

        /// Counts a record and keeps it if there is room for its kind; `record` builds it only then.
        fileprivate mutating func offer(category: StatusCategory?, _ record: () -> ReportRecord) {
            total += 1
            switch category {
            case .inconsistent?, .incomplete?:
                if problems.count < limit { problems.append(record()) }
            default:
                if others.count < limit { others.append(record()) }
            }
        }
    }

    let limit: Int
    /// By the index of the section's first sheet.
    private var sections: [Int: Section] = [:]

    init(limit: Int) { self.limit = max(0, limit) }

    /// Counts a record of `section` of the given category; `record` is called only for one kept.
    mutating func offer(_ section: ReportSection, category: StatusCategory?, _ record: () -> ReportRecord) {
        // Changed in place: copying the section out and back would copy its arrays each time.
        sections[section.sheets[0].index, default: Section(section: section, limit: limit)].offer(category: category, record)
    }

    /// What was kept of `section` (nothing, for a section without records).
    func sample(of section: ReportSection) -> Section {
        sections[section.sheets[0].index] ?? Section(section: section, limit: limit)
    }
}
