import XLSXReader

/// Reads the top of every sheet and works out what the workbook is: which sheets hold which
/// sections, what each column means, the metadata and title above the tables, the compare type
/// and the language. Only a bounded number of rows of each sheet is read: the first
/// ``HeaderRowDetector/scanRows`` rows to find the header, then at most ``sampleRows`` data rows
/// whose values confirm or overrule the headers and teach unknown result words.
struct ReportRecognizer {
    let vocabulary: Vocabulary
    let compareTypeHint: CompareType?

    /// Data rows below the header read to profile each column.
    static let sampleRows = 200

    /// A sheet read as the first sheet of a section: what the second look needs.
    private struct Classified {
        let sheetPosition: Int
        let section: Int?
        let evidence: SheetEvidence
        let nameHints: Set<SectionKind>
        let decision: SectionClassifier.Decision
    }

    /// One sheet's top: its rows up to the header and a sample below it.
    private struct SheetTop {
        let sheet: SheetInfo
        let rows: [Row]
        let header: HeaderRowDetector.Candidate?
        let best: HeaderRowDetector.Candidate?
        var sample: [Row] = []
    }

    /// The report, and the vocabulary its records are read with: the caller's, taught the
    /// workbook's own side words (``SideLearner``).
    func recognize(_ workbook: Workbook, file: String) throws -> (report: ComparisonReport, vocabulary: Vocabulary) {
        // First pass: every sheet's header row and sampled rows.
        var tops: [SheetTop] = []
        for sheet in workbook.sheets where sheet.hasCells {
            let reader = try workbook.rows(in: sheet)
            var rows: [Row] = []
            while rows.count < HeaderRowDetector.scanRows, let row = try reader.next() { rows.append(row) }
            let (header, best) = HeaderRowDetector.detect(in: rows, vocabulary: vocabulary)
            var top = SheetTop(sheet: sheet, rows: rows, header: header, best: best)
            if let header {
                // The sample ends where the table does: at notes below a blank row (``TableEnd``).
                var previous = header.row.index
                var ended = false
                func take(_ row: Row) {
                    guard !ended else { return }
                    if TableEnd.isNote(filled: TableEnd.filledCells(row), gap: row.index > previous + 1, columns: header.row.cells.count) {
                        ended = true
                        return
                    }
                    previous = row.index
                    if !HeaderRowDetector.repeats(header.row, in: row) { top.sample.append(row) }
                }
                for row in rows where row.index > header.row.index && top.sample.count < ReportRecognizer.sampleRows { take(row) }
                while !ended, top.sample.count < ReportRecognizer.sampleRows, let row = try reader.next() { take(row) }
            }
            tops.append(top)
        }
        var vocabulary = self.vocabulary
        let sides = SideLearner.learn(from: tops.compactMap { $0.header?.row.cells.map(\.value.text) }, vocabulary: vocabulary)
        if !sides.isEmpty { vocabulary.learn(sides) }
        let report = try ReportRecognizer(vocabulary: vocabulary, compareTypeHint: compareTypeHint).read(workbook, tops, file: file)
        return (report, vocabulary)
    }

    /// Second pass: each sheet read from its top.
    private func read(_ workbook: Workbook, _ tops: [SheetTop], file: String) throws -> ComparisonReport {
        var report = ComparisonReport(file: file, compareType: nil, language: nil, titles: [], metadata: [], sections: [], sheets: [], notes: [])
        var signatures: [Int: [String]] = [:]   // section index → header of its first sheet
        var previousSection: Int?                // the section the previous sheet with cells went to
        var classified: [Classified] = []
        var topOf: [Int: SheetTop] = [:]
        for top in tops { topOf[top.sheet.index] = top }
        let workbookHints = self.workbookHints(tops)

        for sheet in workbook.sheets {
            guard sheet.hasCells, let top = topOf[sheet.index] else {
                report.sheets.append(SheetRecognition(
                    name: sheet.name, index: sheet.index, state: sheet.state.rawValue, kind: .unknown, confidence: 0, headerRow: nil,
                    columns: [], alternatives: [], metadata: [], titles: [], nameHints: [], continues: nil,
                    explanation: "a \(sheet.kind.rawValue) holds no cells"))
                continue
            }
            let rows = top.rows
            let header = top.header
            let best = top.best
            let above = header.map { header in rows.filter { $0.index < header.row.index } } ?? []
            let (metadata, titles) = MetadataReader.read(above, sheet: sheet.name, vocabulary: vocabulary)
            let nameHints = ([sheet.name] + titles.map(\.text)).reduce(into: Set<SectionKind>()) { $0.formUnion(vocabulary.sectionHints(for: $1)) }
            report.metadata += metadata
            report.titles += titles
            var recognition = SheetRecognition(
                name: sheet.name, index: sheet.index, state: sheet.state.rawValue, kind: .unknown, confidence: 0,
                headerRow: header.map { $0.row.index + 1 }, columns: [], alternatives: [],
                metadata: metadata, titles: titles.map(\.text), nameHints: nameHints.sorted { $0.rawValue < $1.rawValue },
                continues: nil, explanation: "")

            guard let header else {
                if let best {
                    recognition.columns = SectionClassifier.headerOnly(SheetEvidence(header: best.row, vocabulary: vocabulary))
                }
                recognition.explanation = rows.isEmpty ? "the sheet is empty"
                    : "no header row: " + (best.map { "the best candidate, row \($0.row.index + 1), matched \($0.matched) of \($0.cells) cells to column concepts (a header needs at least 2 and a third of its cells)" }
                        ?? "no row in the first \(HeaderRowDetector.scanRows) matched any column concept")
                report.sections.append(unknownSection(sheet))
                report.sheets.append(recognition)
                previousSection = nil
                continue
            }

            var evidence = SheetEvidence(header: header.row, vocabulary: vocabulary)
            let signature = evidence.columns.map { "\($0.index):" + NormalizedText.key($0.header) }
            if let previous = previousSection, signatures[previous] == signature,
               ReportRecognizer.baseName(report.sections[previous].sheets[0].name) == ReportRecognizer.baseName(sheet.name) {
                report.sections[previous].sheets.append(SectionSheet(name: sheet.name, index: sheet.index, headerRow: header.row.index + 1))
                recognition.kind = report.sections[previous].kind
                recognition.confidence = report.sections[previous].confidence
                recognition.columns = report.sections[previous].columns
                recognition.continues = report.sections[previous].sheets[0].name
                recognition.explanation = "repeats the header of \"\(recognition.continues!)\": read as its continuation"
                report.sheets.append(recognition)
                continue
            }
            for row in top.sample { evidence.add(row, values: vocabulary.values) }

            let decision = SectionClassifier.classify(evidence, nameHints: nameHints, workbookHints: workbookHints,
                                                      compareType: compareTypeHint)
            var section: Int?
            if decision.kind == .unknown {
                report.sections.append(unknownSection(sheet, header: header.row.index + 1, columns: decision.columns))
                previousSection = nil
            } else {
                section = report.sections.count
                signatures[report.sections.count] = signature
                previousSection = report.sections.count
                report.sections.append(ReportSection(
                    kind: decision.kind, confidence: decision.confidence,
                    sheets: [SectionSheet(name: sheet.name, index: sheet.index, headerRow: header.row.index + 1)], columns: decision.columns))
            }
            apply(decision, to: &recognition, evidence: evidence, nameHints: nameHints)
            classified.append(Classified(sheetPosition: report.sheets.count, section: section, evidence: evidence, nameHints: nameHints,
                                         decision: decision))
            report.sheets.append(recognition)
        }

        report.compareType = compareType(of: report, classified, notes: &report.notes)
        reconsider(&report, classified)
        var samples: [Int: SheetEvidence] = [:]
        for sheet in classified { if let section = sheet.section { samples[section] = sheet.evidence } }
        ResultLearner(values: vocabulary.values).learn(&report.sections, samples: samples)
        for (position, sheet) in report.sheets.enumerated() {
            guard let section = report.sections.firstIndex(where: { $0.sheets.contains { $0.index == sheet.index } }),
                  report.sections[section].kind != .unknown else { continue }
            report.sheets[position].columns = report.sections[section].columns
        }
        report.language = language(of: report)
        report.notes += report.doubts
        if !report.sections.contains(where: { $0.kind != .unknown }) {
            report.notes.append("no sheet was recognised as a section of a DRS comparison report: every sheet is written as a generic table")
        }
        return report
    }

    private func apply(_ decision: SectionClassifier.Decision, to recognition: inout SheetRecognition, evidence: SheetEvidence,
                       nameHints: Set<SectionKind>) {
        recognition.kind = decision.kind
        recognition.confidence = decision.confidence
        recognition.alternatives = decision.alternatives
        recognition.columns = decision.columns
        let matched = decision.columns.filter { $0.concept != nil }.count
        let header = "header on row \(evidence.headerRow + 1): \(matched) of \(decision.columns.count) cells matched"
        if decision.kind == .unknown {
            let concepts = Set(decision.columns.compactMap(\.concept)).sorted().map(\.rawValue).joined(separator: ", ")
            recognition.explanation = header + ", but their concepts (\(concepts)) fit no section kind"
        } else {
            recognition.explanation = header + "; their concepts fit \(decision.kind.rawValue)"
                + (nameHints.contains(decision.kind) ? ", as the sheet's name or title says" : "")
        }
    }

    /// The second look: once the compare type is known from all the sheets, a sheet whose columns
    /// read nearly as well as a kind that type expects is read as that kind.
    private func reconsider(_ report: inout ComparisonReport, _ classified: [Classified]) {
        guard let type = report.compareType else { return }
        for sheet in classified {
            let decision = SectionClassifier.decide(sheet.decision.readings, sheet: sheet.evidence, nameHints: sheet.nameHints, compareType: type)
            guard decision.kind != sheet.decision.kind, decision.kind != .unknown, let section = sheet.section,
                  type.expectedSections.contains(decision.kind), !type.expectedSections.contains(sheet.decision.kind) else { continue }
            let old = sheet.decision.kind
            report.sections[section].kind = decision.kind
            report.sections[section].confidence = decision.confidence
            report.sections[section].columns = decision.columns
            apply(decision, to: &report.sheets[sheet.sheetPosition], evidence: sheet.evidence, nameHints: sheet.nameHints)
            report.sheets[sheet.sheetPosition].explanation += "; read as \(decision.kind.rawValue) rather than \(old.rawValue) in a \(type.rawValue) report"
            for (position, other) in report.sheets.enumerated() where other.continues == report.sections[section].sheets[0].name {
                report.sheets[position].kind = decision.kind
                report.sheets[position].confidence = decision.confidence
                report.sheets[position].columns = decision.columns
            }
        }
    }

    /// The kinds the workbook's texts point at: every sheet's name and title, and the compare type
    /// its metadata or titles state.
    private func workbookHints(_ tops: [SheetTop]) -> Set<SectionKind> {
        var hints: Set<SectionKind> = []
        for top in tops {
            let above = top.header.map { header in top.rows.filter { $0.index < header.row.index } } ?? []
            let (metadata, titles) = MetadataReader.read(above, sheet: top.sheet.name, vocabulary: vocabulary)
            for text in [top.sheet.name] + titles.map(\.text) { hints.formUnion(vocabulary.sectionHints(for: text)) }
            let stated = metadata.filter { $0.name == "compare_type" }.map(\.value) + titles.map(\.text)
            if let type = stated.lazy.compactMap(ReportRecognizer.compareType(in:)).first { hints.formUnion(type.expectedSections) }
        }
        return hints
    }

    private func unknownSection(_ sheet: SheetInfo, header: Int? = nil, columns: [ColumnMapping] = []) -> ReportSection {
        ReportSection(kind: .unknown, confidence: 0, sheets: [SectionSheet(name: sheet.name, index: sheet.index, headerRow: header)],
                      columns: columns)
    }

    /// A sheet name without a continuation suffix: "Details (2)", "Details_2", "Details 续" → "details".
    static func baseName(_ name: String) -> String {
        var text = NormalizedText(name).fullString
        let suffixes = ["continued", "cont", "part", "page", "续", "接上页"]
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

    /// The compare type that explains the sheets best. For each type, each sheet counts by how
    /// well its best reading as a kind that type has compares with its best reading overall (1
    /// when its own kind belongs to the type). A per-table sheet read as row counts still counts
    /// 0.6 for a value or sampling comparison, whose per-table results hold row counts too (its
    /// result columns may be worded beyond recognition), while a value-differences or sampling
    /// sheet cannot occur in a row comparison at all. The metadata or title, then the caller's
    /// hint, break a tie.
    private func compareType(of report: ComparisonReport, _ classified: [Classified], notes: inout [String]) -> CompareType? {
        let fromText = (report.metadata.filter { $0.name == "compare_type" }.map(\.value) + report.titles.map(\.text))
            .lazy.compactMap(ReportRecognizer.compareType(in:)).first
        let sheets = classified.filter { $0.decision.kind != .unknown }
        var best: (type: CompareType, score: Double)?
        if !sheets.isEmpty {
            for type in CompareType.allCases {
                var score = 0.0
                for sheet in sheets {
                    let scores = sheet.decision.readings.map { ($0.kind, max(0, $0.score(nameHints: sheet.nameHints, compareType: nil))) }
                    guard let top = scores.map(\.1).max(), top > 0 else { continue }
                    var explained = 0.0
                    for (kind, value) in scores {
                        if type.expectedSections.contains(kind) {
                            explained = max(explained, value / top)
                        } else if kind == .tableRowCounts, type == .values || type == .sampling {
                            explained = max(explained, 0.6 * value / top)
                        } else if kind == .tableValues, type == .sampling {
                            explained = max(explained, 0.5 * value / top)
                        }
                    }
                    score += explained
                }
                if type == fromText { score += 0.25 }
                if type == compareTypeHint { score += 0.2 }
                if score > (best?.score ?? 0) { best = (type, score) }
            }
        }
        let chosen = best?.type ?? fromText ?? compareTypeHint
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
