/// The vocabulary file `drsdiff inspect --suggest-vocabulary` writes: every header drsdiff read
/// from the values, read through a side word it learned, or could not read, and every cell word it
/// learned or could not, each under its best candidate — a `drsdiff.vocabulary/v1` file that,
/// confirmed as written, makes the next run read the workbook the same way by phrase, and that a
/// user corrects where the guess is wrong (the `notes` say what else each entry could be). An
/// unmatched column is mapped only to a candidate recognition itself would accept
/// (``minimumScore``), that no other column of its sheet holds or is suggested for; weaker ones
/// are named in the notes.
package enum VocabularySuggestion {
    package static func document(for report: ComparisonReport) -> JSONValue {
        var columns: [ColumnConcept: [String]] = [:]
        var ignore: [String] = []
        var values: [String: [String: [String]]] = [:]
        var sections: [SectionKind: [String]] = [:]
        var notes: [String] = []
        var seen: [String: ColumnConcept?] = [:]

        func suggest(_ header: String, _ concept: ColumnConcept?, _ note: String) {
            let key = NormalizedText.key(header)
            guard !key.isEmpty else { return }
            if let earlier = seen[key] {
                if earlier != concept {
                    notes.append("\"\(header)\" is read as \(earlier?.rawValue ?? "no concept") above and as \(concept?.rawValue ?? "no concept") here: "
                        + "a phrase means one concept, keep the right one")
                }
                return
            }
            seen[key] = concept
            if let concept { columns[concept, default: []].append(header) } else { ignore.append(header) }
            notes.append(note)
        }

        for section in report.sections {
            let sheet = section.sheets[0].name
            let recognition = report.sheets.first { $0.index == section.sheets[0].index }
            if section.kind == .unknown, let recognition, let best = recognition.alternatives.first, recognition.headerRow != nil {
                sections[best.kind, default: []].append(sheet)
                notes.append("sheet \"\(sheet)\": not recognised; the closest reading is \(best.kind.rawValue) (\(format(best.confidence))), "
                    + "added under sections")
            }
            let mappings = section.kind == .unknown ? (recognition?.columns ?? section.columns) : section.columns
            var given: Set<ColumnConcept> = []   // concepts suggested for this sheet's unmatched columns
            for column in mappings {
                let location = "sheet \"\(sheet)\" column \(column.letter) \"\(column.header)\""
                let others = (column.candidates ?? []).map { "\($0.concept.rawValue) (\(format($0.score)))" }.joined(separator: ", ")
                let alternatives = others.isEmpty ? "" : "; could also be " + others
                if let concept = column.concept {
                    guard column.inferred == true || column.via == "values" || column.via == "key words and values" else { continue }
                    suggest(column.header, concept, "\(location): \(concept.rawValue), inferred: \(column.evidence ?? "")\(alternatives)")
                } else if let best = VocabularySuggestion.usable(column.candidates ?? [], in: section, mappings: mappings, given: given) {
                    given.insert(best.concept)
                    let rest = (column.candidates ?? []).filter { $0.concept != best.concept }
                        .map { "\($0.concept.rawValue) (\(format($0.score)))" }.joined(separator: ", ")
                    suggest(column.header, best.concept, "\(location): unmatched; best candidate \(best.concept.rawValue) (\(format(best.score)))"
                        + (rest.isEmpty ? "" : ", then " + rest) + (column.evidence.map { "; " + $0 } ?? ""))
                } else if let weak = (column.candidates ?? []).first(where: { $0.score < minimumScore }) {
                    // Neither mapped nor ignored: without a phrase the next run reads it as this one did.
                    let all = (column.candidates ?? []).map { "\($0.concept.rawValue) (\(format($0.score)))" }.joined(separator: ", ")
                    notes.append("\(location): unmatched; its best candidate \(weak.concept.rawValue) (\(format(weak.score))) is weaker than "
                        + "recognition accepts (\(format(minimumScore))): not suggested (candidates: \(all)); add it under columns if it is one")
                } else if !(column.candidates ?? []).isEmpty {
                    let all = (column.candidates ?? []).map { "\($0.concept.rawValue) (\(format($0.score)))" }.joined(separator: ", ")
                    suggest(column.header, nil, "\(location): unmatched; its candidates (\(all)) are taken by other columns or are no "
                        + "concept of \(section.kind.rawValue): listed under ignore (move it under columns if it is one)")
                } else {
                    suggest(column.header, nil, "\(location): no concept fits, listed under ignore (move it under columns if it is one)")
                }
                for word in column.learned ?? [] {
                    guard let concept = column.concept, let vocabulary = VocabularySuggestion.valueVocabulary(of: concept) else { continue }
                    if word.value == "unknown" {
                        notes.append("\(location): the word \"\(word.text)\" is unknown (\(word.evidence)); add it under values.\(vocabulary) with its meaning")
                    } else {
                        if values[vocabulary, default: [:]][word.value, default: []].contains(word.text) { continue }
                        values[vocabulary, default: [:]][word.value, default: []].append(word.text)
                        notes.append("\(location): \"\(word.text)\" read as \(word.value), inferred: \(word.evidence)")
                    }
                }
            }
        }

        var document: [(String, JSONValue)] = [("schema", .string(Vocabulary.fileSchema))]
        document.append(("columns", .object(ColumnConcept.allCases.compactMap { concept in
            columns[concept].map { (concept.rawValue, JSONValue.array($0.map { .string($0) })) }
        })))
        if !ignore.isEmpty { document.append(("ignore", .array(ignore.map { .string($0) }))) }
        if !sections.isEmpty {
            document.append(("sections", .object(SectionKind.allCases.compactMap { kind in
                sections[kind].map { (kind.rawValue, JSONValue.array($0.map { .string($0) })) }
            })))
        }
        if !values.isEmpty {
            document.append(("values", .object(values.keys.sorted().map { vocabulary in
                (vocabulary, .object(values[vocabulary]!.keys.sorted().map { name in
                    (name, JSONValue.array(values[vocabulary]![name]!.map { .string($0) }))
                }))
            })))
        }
        document.append(("notes", .array(notes.map { .string($0) })))
        return .object(document)
    }

    /// The best candidate a phrase can give the column: a concept its section's kind has and no
    /// other column of the sheet holds. A phrase outranks every other reading, so suggesting a
    /// concept another column has, or one the kind lacks, would unmap a column when confirmed.
    /// A candidate weaker than this (recognition's own acceptance of a header and values
    /// together) goes in the notes only: confirmed as written it would outrank the values.
    static let minimumScore = SectionClassifier.acceptance

    private static func usable(_ candidates: [ConceptScore], in section: ReportSection, mappings: [ColumnMapping],
                               given: Set<ColumnConcept>) -> ConceptScore? {
        let taken = Set(mappings.compactMap(\.concept)).union(given)
        let expected = SectionClassifier.profile(of: section.kind).map { Set($0.weights.keys) }
        return candidates.first { candidate in
            candidate.score >= minimumScore && !taken.contains(candidate.concept) && (expected?.contains(candidate.concept) ?? true)
        }
    }

    /// The `values` vocabulary of a file that holds a concept's words.
    static func valueVocabulary(of concept: ColumnConcept) -> String? {
        switch concept {
        case .status, .rowResult, .valueResult: return "status"
        case .differenceKind: return "difference_kind"
        case .operation: return "operation"
        case .sqlState: return "repair_state"
        case .sourceExists, .targetExists: return "existence"
        default: return nil
        }
    }

    private static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
