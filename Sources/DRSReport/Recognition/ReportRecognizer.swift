import XLSXReader

/// Reads the top of every sheet and works out what the workbook is: which sheets hold which
/// sections, what each column means, the metadata and title above the tables, the compare type
/// and the language. Only the first ``HeaderRowDetector/scanRows`` rows of each sheet are read.
struct ReportRecognizer {
    let vocabulary: Vocabulary
    let compareTypeHint: CompareType?

    func recognize(_ workbook: Workbook, file: String) throws -> ComparisonReport {
        var report = ComparisonReport(file: file, compareType: nil, language: nil, titles: [], metadata: [], sections: [], sheets: [], notes: [])
        var headers: [Int: HeaderReading] = [:]   // section index → header of its first sheet
        var previousSection: Int?                  // the section the previous sheet with cells went to

        for sheet in workbook.sheets {
            guard sheet.hasCells else {
                report.sheets.append(SheetRecognition(
                    name: sheet.name, index: sheet.index, state: sheet.state.rawValue, kind: .unknown, confidence: 0, headerRow: nil,
                    columns: [], alternatives: [], metadata: [], titles: [], nameHints: [], continues: nil,
                    explanation: "a \(sheet.kind.rawValue) holds no cells"))
                continue
            }
            let rows = try topRows(of: sheet, in: workbook)
            let (header, best) = HeaderRowDetector.detect(in: rows, vocabulary: vocabulary)
            let above = header.map { header in rows.filter { $0.index < header.rowIndex } } ?? []
            let (metadata, titles) = MetadataReader.read(above, sheet: sheet.name, vocabulary: vocabulary)
            let nameHints = ([sheet.name] + titles.map(\.text)).reduce(into: Set<SectionKind>()) { $0.formUnion(vocabulary.sectionHints(for: $1)) }
            report.metadata += metadata
            report.titles += titles
            var recognition = SheetRecognition(
                name: sheet.name, index: sheet.index, state: sheet.state.rawValue, kind: .unknown, confidence: 0,
                headerRow: header.map { $0.rowIndex + 1 }, columns: (header ?? best)?.columns ?? [], alternatives: [],
                metadata: metadata, titles: titles.map(\.text), nameHints: nameHints.sorted { $0.rawValue < $1.rawValue },
                continues: nil, explanation: "")

            guard let header else {
                recognition.explanation = rows.isEmpty ? "the sheet is empty"
                    : "no header row: " + (best.map { "the best candidate, row \($0.rowIndex + 1), matched \($0.matched) of \($0.columns.count) cells to column concepts (a header needs at least 2 and half of its cells)" }
                        ?? "no row in the first \(HeaderRowDetector.scanRows) matched any column concept")
                report.sections.append(unknownSection(sheet))
                report.sheets.append(recognition)
                previousSection = nil
                continue
            }

            if let previous = previousSection, let first = headers[previous], first.signature == header.signature,
               ReportRecognizer.baseName(report.sections[previous].sheets[0].name) == ReportRecognizer.baseName(sheet.name) {
                report.sections[previous].sheets.append(SectionSheet(name: sheet.name, index: sheet.index, headerRow: header.rowIndex + 1))
                recognition.kind = report.sections[previous].kind
                recognition.confidence = report.sections[previous].confidence
                recognition.continues = report.sections[previous].sheets[0].name
                recognition.explanation = "repeats the header of \"\(recognition.continues!)\": read as its continuation"
                report.sheets.append(recognition)
                continue
            }

            let decision = SectionClassifier.classify(header, nameHints: nameHints, compareType: compareTypeHint)
            recognition.kind = decision.kind
            recognition.confidence = decision.confidence
            recognition.alternatives = decision.alternatives
            if decision.kind == .unknown {
                recognition.explanation = "header on row \(header.rowIndex + 1) matched \(header.matched) of \(header.columns.count) cells, "
                    + "but their concepts (\(header.concepts.sorted().map(\.rawValue).joined(separator: ", "))) fit no section kind"
                report.sections.append(unknownSection(sheet, header: header))
                previousSection = nil
            } else {
                recognition.explanation = "header on row \(header.rowIndex + 1): \(header.matched) of \(header.columns.count) cells matched; "
                    + "their concepts fit \(decision.kind.rawValue)" + (nameHints.contains(decision.kind) ? ", as the sheet's name or title says" : "")
                headers[report.sections.count] = header
                previousSection = report.sections.count
                report.sections.append(ReportSection(
                    kind: decision.kind, confidence: decision.confidence,
                    sheets: [SectionSheet(name: sheet.name, index: sheet.index, headerRow: header.rowIndex + 1)], columns: header.columns))
            }
            report.sheets.append(recognition)
        }

        report.language = language(of: report)
        report.compareType = compareType(of: report, notes: &report.notes)
        if !report.sections.contains(where: { $0.kind != .unknown }) {
            report.notes.append("no sheet was recognised as a section of a DRS comparison report: every sheet is written as a generic table")
        }
        return report
    }

    private func topRows(of sheet: SheetInfo, in workbook: Workbook) throws -> [Row] {
        let reader = try workbook.rows(in: sheet)
        var rows: [Row] = []
        while rows.count < HeaderRowDetector.scanRows, let row = try reader.next() { rows.append(row) }
        return rows
    }

    private func unknownSection(_ sheet: SheetInfo, header: HeaderReading? = nil) -> ReportSection {
        ReportSection(kind: .unknown, confidence: 0, sheets: [SectionSheet(name: sheet.name, index: sheet.index, headerRow: header.map { $0.rowIndex + 1 })],
                      columns: header?.columns ?? [])
    }

    /// A sheet name without a continuation suffix: "Details (2)", "Details_2", "Details 续" → "details".
    static func baseName(_ name: String) -> String {
        var text = NormalizedText(name).fullString
        let suffixes = ["continued", "cont", "续", "接上页"]
        while true {
            let before = text
            while let last = text.unicodeScalars.last, last == " " || (0x30...0x39).contains(last.value) { text.unicodeScalars.removeLast() }
            for suffix in suffixes where text.hasSuffix(suffix) { text.removeLast(suffix.count) }
            if text == before { return text }
        }
    }

    // MARK: - Language and compare type

    private func language(of report: ComparisonReport) -> ReportLanguage? {
        var chinese = 0
        var other = 0
        let texts = report.sections.filter { $0.kind != .unknown }.flatMap { $0.columns.map(\.header) } + report.metadata.map(\.key)
        for text in texts {
            if text.unicodeScalars.contains(where: NormalizedText.isCJK) { chinese += 1 } else { other += 1 }
        }
        guard chinese + other > 0 else { return nil }
        return chinese * 2 >= chinese + other ? .chinese : .english
    }

    private func compareType(of report: ComparisonReport, notes: inout [String]) -> CompareType? {
        let kinds = Set(report.sections.map(\.kind))
        let fromSections: CompareType?
        if kinds.contains(.sampling) { fromSections = .sampling }
        else if kinds.contains(.tableValues) { fromSections = .values }
        else if kinds.contains(.tableRowCounts) { fromSections = .rows }
        else if !kinds.isDisjoint(with: [.repairStatements, .repairProgress]) { fromSections = .repair }
        else if !kinds.isDisjoint(with: [.objectSummary, .objectDifferences]) { fromSections = .objects }
        else { fromSections = nil }

        let fromText = (report.metadata.filter { $0.name == "compare_type" }.map(\.value) + report.titles.map(\.text))
            .lazy.compactMap(ReportRecognizer.compareType(in:)).first
        let weak: CompareType? = kinds.contains(.valueDifferences) ? .values : kinds.isDisjoint(with: [.databaseSummary, .cannotCompare]) ? nil : .rows

        let chosen = fromSections ?? fromText ?? compareTypeHint ?? weak
        if let hint = compareTypeHint, let chosen, hint != chosen {
            notes.append("the compare type given (\(hint.rawValue)) differs from what the report holds (\(chosen.rawValue)); using \(chosen.rawValue)")
        }
        return chosen
    }

    /// The compare type a text names: "Row comparison", "行数对比", "lines", "抽样对比"…
    static func compareType(in text: String) -> CompareType? {
        if let exact = CompareType(rawValue: text.trimmedSpaces) { return exact }
        let normalized = NormalizedText(text).full
        return BuiltinVocabulary.compareTypes.first { $0.1.occurs(in: normalized) }?.0
    }
}
