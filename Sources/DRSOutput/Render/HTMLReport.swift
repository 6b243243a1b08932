import DRSReport

/// A report as one self-contained HTML page for the people who sign off a migration: the verdict
/// in a banner, per-database bars (inline SVG), the largest differences, the tables that could
/// not be compared, the metadata, and each section's records in tables that sort and filter (a
/// small inline script; without it the page reads the same). It fetches nothing, prints cleanly,
/// and shows every text from the report as text: all of it is escaped, and a strict
/// Content-Security-Policy allows only the page's own style sheet and script.
public enum HTMLReport {
    typealias Cell = HTMLPage.Cell

    public struct Options: Sendable {
        /// Tables listed by largest row difference.
        public var top: Int
        /// Records shown per section (problems first); the rest are counted, not shown.
        public var rowsPerSection: Int

        public init(top: Int = 10, rowsPerSection: Int = 500) {
            self.top = top
            self.rowsPerSection = rowsPerSection
        }
    }

    /// Reads the report twice, for the summary and for the records shown (only those are built as
    /// typed records), and writes the page. Memory holds the summary and at most twice
    /// `rowsPerSection` records per section.
    public static func write(_ file: ReportWorkbook, options: Options = Options(), to sink: ByteSink) throws {
        let summary = try file.summary(top: options.top)
        var sample = RecordSample(limit: options.rowsPerSection)
        for section in file.report.sections {
            try file.scan(section, with: file.fieldReader(for: section)) { reader, row, sheet in
                sample.offer(section, category: reader.category) { reader.record(row, sheet: sheet.name) }
            }
        }
        sink.write(page(summary, report: file.report, sample: sample))
    }

    static func page(_ summary: ReportSummary, report: ComparisonReport, sample: RecordSample) -> String {
        let words = HTMLLabels.forLanguage(summary.language)
        let labels = SummaryLabels.forLanguage(summary.language)
        let page = HTMLPage(words: words)
        let cut = report.sections.map(sample.sample(of:)).filter { $0.leftOut > 0 }
        let verdict = labels.verdictWord(summary.verdict)

        var banner = "<h1>\(page.text(labels.headline(summary.headline, judged: summary.judged)))</h1>\n"
        banner += page.paragraph(summary.file, class: "file")
        if !cut.isEmpty {
            banner += page.paragraph(words.cutBanner(cut.count, cut.reduce(0) { $0 + $1.leftOut }, sample.limit), class: "cut")
        }

        var blocks: [HTMLPage.Block] = []
        blocks.append(.init(id: "fix-first", title: fixFirstTitle(summary, labels), body: fixFirst(summary, labels, page)))
        blocks.append(.init(id: "report", title: words.report, body: about(summary, labels, page)))
        if !summary.sections.isEmpty { blocks.append(.init(id: "sections", title: words.sections, body: sections(summary, labels, page))) }
        if !summary.databases.isEmpty { blocks.append(.init(id: "databases", title: words.databases, body: databases(summary, labels, page))) }
        if !summary.topTables.isEmpty { blocks.append(.init(id: "largest", title: words.largest, body: largest(summary, labels, page))) }
        if summary.uncomparableCount > 0 {
            blocks.append(.init(id: "uncomparable", title: words.uncomparable + " (\(HTMLLabels.grouped(summary.uncomparableCount)))",
                                body: uncomparable(summary, page)))
        }
        if summary.failedObjectCount > 0 {
            blocks.append(.init(id: "failed-objects", title: labels.failedObjects + " (\(HTMLLabels.grouped(summary.failedObjectCount)))",
                                body: failedObjects(summary, labels, page)))
        }
        if !summary.objectTypes.isEmpty { blocks.append(.init(id: "objects", title: words.objectTypes, body: objectTypes(summary, labels, page))) }
        if let differences = summary.valueDifferences {
            blocks.append(.init(id: "values", title: words.valueDifferences, body: valueDifferences(differences, limit: sample.limit, labels, page)))
        }
        if let repair = summary.repair { blocks.append(.init(id: "repair", title: words.repair, body: self.repair(repair, labels, page))) }
        if !summary.notes.isEmpty { blocks.append(.init(id: "notes", title: words.notes, body: page.list(summary.notes))) }
        let recordBlocks = report.sections.enumerated().map { position, section in
            records(sample.sample(of: section), number: position + 1, labels, page)
        }
        if !recordBlocks.isEmpty { blocks.append(.init(id: "records", title: words.allRecords, body: recordBlocks.joined())) }

        return page.document(title: "\(words.title): \(summary.file): \(verdict)", bannerClass: summary.verdict.rawValue, banner: banner,
                             blocks: blocks, footer: words.generatedBy + " " + summary.file + " (" + ReportSummary.schema + ")")
    }

    // MARK: - Blocks

    private static func fixFirstTitle(_ summary: ReportSummary, _ labels: SummaryLabels) -> String {
        summary.fixFirstCount > summary.fixFirst.count
            ? "\(labels.fixFirst) (\(labels.firstOf(summary.fixFirst.count, summary.fixFirstCount)))" : labels.fixFirst
    }

    /// What blocks a cutover, most blocking first; each row classed by what it is.
    private static func fixFirst(_ summary: ReportSummary, _ labels: SummaryLabels, _ page: HTMLPage) -> String {
        guard !summary.fixFirst.isEmpty else {
            return page.paragraph(summary.judged ? labels.fixFirstEmpty : labels.headlineParts.noResults, class: "note")
        }
        let rows = summary.fixFirst.enumerated().map { position, item -> [Cell] in
            [.number(position + 1), .text(labels.fixKind(item)), .text(item.database ?? ""),
             .text([item.objectType, item.name].compactMap { $0 }.joined(separator: " ")),
             item.count.map { .number($0) } ?? .text(""), .text(item.reason ?? ""),
             .text(item.sheet.map { sheet in item.row.map { "\(sheet) \(labels.row) \($0)" } ?? sheet } ?? "")]
        }
        let classes = summary.fixFirst.map { item -> String? in
            switch item.kind {
            case .rowDifference, .valueDifferences: return StatusCategory.inconsistent.rawValue
            default: return StatusCategory.incomplete.rawValue
            }
        }
        return page.table(["#", labels.result, labels.database, labels.name, labels.count, labels.reason, labels.location], rows, rowClasses: classes)
    }

    private static func failedObjects(_ summary: ReportSummary, _ labels: SummaryLabels, _ page: HTMLPage) -> String {
        let rows = summary.failedObjects.map { object -> [Cell] in
            [.text(object.objectType), .text(object.database ?? ""), .text(object.name ?? ""), .text(labels.verdictWord(object.category)),
             .text(object.reason ?? ""), .text("\(object.sheet) \(labels.row) \(object.row)")]
        }
        var out = page.table([labels.objectType, labels.database, labels.object, labels.result, labels.reason, labels.location], rows,
                             rowClasses: summary.failedObjects.map { $0.category.rawValue }, filter: true)
        if summary.failedObjectCount > summary.failedObjects.count {
            out += page.paragraph(page.words.firstOf(summary.failedObjects.count, summary.failedObjectCount), class: "note")
        }
        return out
    }

    private static func about(_ summary: ReportSummary, _ labels: SummaryLabels, _ page: HTMLPage) -> String {
        let words = page.words
        var rows: [[Cell]] = [
            [.text(words.compareType), .text(labels.compareTypeName(summary.compareType))],
            [.text(words.language), .text(labels.languageName(summary.language))],
        ]
        var seen: Set<[String]> = []
        for entry in summary.metadata where seen.insert([entry.key, entry.value]).inserted {
            rows.append([.text(entry.key), .text(entry.value)])
        }
        return page.table([words.key, words.value], rows)
    }

    private static func sections(_ summary: ReportSummary, _ labels: SummaryLabels, _ page: HTMLPage) -> String {
        let words = page.words
        let counts = summary.sections.map { section -> [Cell] in
            [.text(labels.sectionKind(section.kind)), .text(section.sheets.joined(separator: ", ")), .number(section.records),
             .number(section.consistent), .number(section.inconsistent), .number(section.incomplete)]
        }
        var out = page.table([words.section, words.sheets, words.records] + categoryColumns(labels), counts)
        let statuses = summary.sections.flatMap { section in
            section.statuses.map { status -> [Cell] in
                [.text(labels.sectionKind(section.kind)), .text(status.text), status.code.map { .number($0) } ?? .text(""), .number(status.count)]
            }
        }
        if !statuses.isEmpty { out += page.table([words.section, words.status, labels.code, words.count], statuses) }
        return out
    }

    private static func categoryColumns(_ labels: SummaryLabels) -> [String] {
        [labels.verdictWord(.consistent), labels.verdictWord(.inconsistent), labels.verdictWord(.incomplete)]
    }

    private static func databases(_ summary: ReportSummary, _ labels: SummaryLabels, _ page: HTMLPage) -> String {
        let words = page.words
        let widest = max(1, summary.databases.map(\.tables).max() ?? 1)
        let rows = summary.databases.map { database -> [Cell] in
            [.text(database.database), .number(database.tables), .markup(bar(database, widest: widest, labels)),
             .number(database.consistent), .number(database.inconsistent), .number(database.incomplete),
             .number(database.rowDifference), .text(database.status?.text ?? "")]
        }
        return page.table([words.database, words.tables, words.bar] + categoryColumns(labels) + [words.rowDifference, words.databaseStatus], rows)
    }

    /// A stacked bar of the database's tables by result, as wide as its share of the largest database.
    static func bar(_ database: DatabaseCounts, widest: Int, _ labels: SummaryLabels) -> String {
        let width = 220.0
        let label = [(database.consistent, StatusCategory.consistent), (database.inconsistent, .inconsistent), (database.incomplete, .incomplete)]
            .map { "\($0.0) \(labels.verdictWord($0.1))" }.joined(separator: labels.headlineParts.separator)
        var out = "<svg class=\"bar\" width=\"\(Int(width))\" height=\"14\" viewBox=\"0 0 \(Int(width)) 14\" role=\"img\" aria-label=\"\(HTMLEncoding.text(label))\">"
        out += "<title>" + HTMLEncoding.text(label) + "</title><rect class=\"rest\" x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"14\"/>"
        var x = 0.0
        for (category, count) in [("consistent", database.consistent), ("inconsistent", database.inconsistent), ("incomplete", database.incomplete)] where count > 0 {
            let part = width * Double(count) / Double(widest)
            out += "<rect class=\"\(category)\" x=\"\(decimal(x))\" y=\"0\" width=\"\(decimal(max(part, 1)))\" height=\"14\"/>"
            x += part
        }
        return out + "</svg>"
    }

    private static func largest(_ summary: ReportSummary, _ labels: SummaryLabels, _ page: HTMLPage) -> String {
        let words = page.words
        let rows = summary.topTables.map { entry -> [Cell] in
            [.text(entry.database ?? ""), .text(entry.table ?? ""), entry.sourceRows.map { .number($0) } ?? .text(""),
             entry.targetRows.map { .number($0) } ?? .text(""), .number(entry.difference), .text(entry.reason ?? ""),
             .text("\(entry.sheet) \(words.row) \(entry.row)")]
        }
        return page.table([words.database, words.table, words.sourceRows, words.targetRows, words.difference, labels.reason, words.location], rows)
    }

    private static func uncomparable(_ summary: ReportSummary, _ page: HTMLPage) -> String {
        let words = page.words
        let rows = summary.uncomparable.map { entry -> [Cell] in
            [.text(entry.database ?? ""), .text(entry.table ?? ""), .text(entry.status?.text ?? ""), .text(entry.reason),
             .text("\(entry.sheet) \(words.row) \(entry.row)")]
        }
        var out = page.table([words.database, words.table, words.status, words.reason, words.location], rows, filter: true)
        let left = summary.uncomparableCount - summary.uncomparable.count
        if left > 0 { out += page.paragraph(words.firstOf(summary.uncomparable.count, summary.uncomparableCount), class: "note") }
        return out
    }

    private static func objectTypes(_ summary: ReportSummary, _ labels: SummaryLabels, _ page: HTMLPage) -> String {
        let words = page.words
        let rows = summary.objectTypes.map { type -> [Cell] in
            [.text(type.objectType), type.sourceCount.map { .number($0) } ?? .text(""), type.targetCount.map { .number($0) } ?? .text(""),
             .text(type.status?.text ?? ""), .number(type.objects), .number(type.inconsistentObjects), .number(type.incompleteObjects)]
        }
        return page.table([words.objectType, words.source, words.target, words.status, words.objects,
                           labels.verdictWord(.inconsistent), labels.verdictWord(.incomplete)], rows)
    }

    private static func valueDifferences(_ differences: ValueDifferenceCounts, limit: Int, _ labels: SummaryLabels, _ page: HTMLPage) -> String {
        let words = page.words
        var out = page.table([labels.differingRows, labels.onlyInSource, labels.onlyInTarget, labels.bothDiffer, labels.other],
                             [[.number(differences.total), .number(differences.onlyInSource), .number(differences.onlyInTarget),
                               .number(differences.bothDiffer), .number(differences.unknownKind)]])
        if !differences.tables.isEmpty {
            let shown = differences.tables.prefix(limit)
            out += page.table([words.database, words.table, labels.differingRows],
                              shown.map { [.text($0.database ?? ""), .text($0.table ?? ""), .number($0.count)] }, filter: true)
            if shown.count < differences.tables.count {
                out += page.paragraph(words.firstOf(shown.count, differences.tables.count), class: "note")
            }
        }
        return out
    }

    private static func repair(_ repair: RepairCounts, _ labels: SummaryLabels, _ page: HTMLPage) -> String {
        let words = page.words
        var out = page.table([labels.statements, labels.rowsToRepair, labels.repairedRows, labels.failedRows],
                             [[.number(repair.statements), .number(repair.totalRows), .number(repair.repairedRows), .number(repair.failedRows)]])
        let named = repair.operations.map { [Cell.text(labels.operation), .text(labels.repairWord($0.name)), .number($0.count)] }
            + repair.states.map { [Cell.text(labels.state), .text(labels.repairWord($0.name)), .number($0.count)] }
        if !named.isEmpty { out += page.table(["", words.name, labels.statements], named) }
        if !repair.tablesWithFailures.isEmpty {
            out += page.table([words.database, words.table, labels.failures],
                              repair.tablesWithFailures.map { [.text($0.database ?? ""), .text($0.table ?? ""), .number($0.count)] })
        }
        return out
    }

    /// One section's records: the report's own header texts over the fields (the field's name
    /// where the report has no such column), one row per record.
    private static func records(_ sample: RecordSample.Section, number: Int, _ labels: SummaryLabels, _ page: HTMLPage) -> String {
        let words = page.words
        let section = sample.section
        var out = "<h3 id=\"records-\(number)\">" + page.text(labels.sectionKind(section.kind) + ": " + section.sheets.map(\.name).joined(separator: ", "))
            + " <span class=\"muted\">(" + page.text("\(HTMLLabels.grouped(sample.total)) \(words.records)") + ")</span></h3>\n"
        let shown = sample.shown
        if sample.leftOut > 0 {
            out += page.paragraph(words.shownOf(shown.count, sample.total, sample.leftOut), class: "note")
        }
        let multipleSheets = section.sheets.count > 1
        var headers = [words.row]
        var rows: [[Cell]]
        if section.kind == .unknown {
            let width = shown.map { ($0.body[0] as? [String])?.count ?? 0 }.max() ?? 0
            headers += (0..<width).map(columnLetter)
            rows = shown.map { record in
                let values = record.body[0] as? [String] ?? []
                return [location(record, multipleSheets)] + (0..<width).map { .text($0 < values.count ? values[$0] : "") }
            }
        } else {
            let fields = section.kind.fields
            headers += fields.map { field in
                field.concept.flatMap { section.column(for: $0)?.header }.flatMap { $0.isEmpty ? nil : $0 } ?? labels.fieldName(field.key)
            }
            let hasExtra = shown.contains { !$0.body.extra.isEmpty }
            if hasExtra { headers.append(words.extra) }
            rows = shown.map { record in
                let body = record.body
                var cells = [location(record, multipleSheets)]
                for (position, field) in fields.enumerated() { cells.append(cell(body[position], as: field.type)) }
                if hasExtra {
                    cells.append(.text(body.extra.map { ($0.header.isEmpty ? $0.column : $0.header) + ": " + $0.value }.joined(separator: "\n")))
                }
                return cells
            }
        }
        let classes = shown.map { $0.category.map(\.rawValue) }
        return out + page.table(headers, rows, rowClasses: classes, filter: true)
    }

    private static func location(_ record: ReportRecord, _ multipleSheets: Bool) -> Cell {
        multipleSheets ? .text("\(record.sheet) \(record.row)") : .number(record.row)
    }

    private static func cell(_ value: (any FieldValue)?, as type: FieldType) -> Cell {
        guard let value else { return .text("") }
        switch type {
        case .text: return .text(value as? String ?? "")
        case .count: return (value as? Int64).map { .number($0) } ?? .text("")
        case .percent: return .text((value as? Double).map(JSONWriter.format) ?? "", numeric: true)
        case .texts: return .text((value as? [String])?.joined(separator: " | ") ?? "")
        case .status, .objectType, .differenceKind, .repairOperation, .repairState, .existence:
            guard let reading = value as? any AnyInterpreted else { return .text("") }
            return .interpreted(name: reading.name, text: reading.text)
        }
    }

    static func columnLetter(_ index: Int) -> String {
        var index = index + 1
        var letters = ""
        while index > 0 {
            index -= 1
            letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters
            index /= 26
        }
        return letters
    }

    private static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
