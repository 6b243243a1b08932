import XLSXReader

/// Learns what unknown result words mean from the rows they stand on ("OK" / "NG", "通过" /
/// "不通过", "PASS" / "FAIL" where FAIL is a verdict, not an error).
///
/// Over the sampled rows of every section, each result cell that drsdiff cannot read firmly is
/// set against what the row itself says: the source and target row counts agree (difference 0)
/// or differ, or are missing; an object type's counts agree or differ; a database has
/// inconsistent tables or none. A word met only where the counts agree means consistent, one met
/// only where they differ means inconsistent, one met only where counts are missing means the
/// comparison could not be made. A value result cannot be consistent where the row counts
/// differ, but agreeing counts say nothing of the values: there a word is learned only as the
/// other word of a column whose other words are known, or from the same word in another column.
/// A word and its negation (`相符` / `不相符`) mean opposite things. A word that reads as a
/// failure ("ERROR") may turn out to be a verdict (inconsistent), never a success, and the
/// reverse. Every learned word is reported with its evidence (``ColumnMapping/learned``).
struct ResultLearner {
    let values: ValueVocabulary

    private struct Tally {
        var agree = 0
        var differ = 0
        var missing = 0
        /// Rows where the word is a value result and the row counts differ.
        var valueDiffer = 0
        var where_: Set<String> = []
    }

    private struct ResultColumn {
        let section: Int
        let position: Int
        let concept: ColumnConcept
        let objects: Bool
        var texts: [String] = []
    }

    /// Adds learned words to the result columns of the sections (by section index) whose sampled rows are given.
    func learn(_ sections: inout [ReportSection], samples: [Int: SheetEvidence]) {
        var tallies: [String: Tally] = [:]
        var order: [String] = []
        var columns: [ResultColumn] = []
        var firm: [String: ComparisonStatus] = [:]

        for (index, section) in sections.enumerated() {
            guard let sample = samples[index] else { continue }
            let objects = section.kind == .objectSummary || section.kind == .objectDifferences
            let results = section.columns.enumerated().filter { [.status, .rowResult, .valueResult].contains($0.element.concept) }
            guard !results.isEmpty else { continue }
            var sectionColumns = results.map { ResultColumn(section: index, position: $0.offset, concept: $0.element.concept!, objects: objects) }
            for row in sample.sample {
                let agreement = ResultLearner.agreement(of: row, in: section, sample: sample)
                for (k, column) in sectionColumns.enumerated() {
                    let index = section.columns[column.position].index
                    guard let text = sample.text(at: index, in: row) else { continue }
                    if !sectionColumns[k].texts.contains(text) { sectionColumns[k].texts.append(text) }
                    if let reading = values.statusReading(text: text, objects: objects), reading.firm {
                        firm[text] = reading.status
                        continue
                    }
                    if tallies[text] == nil { order.append(text) }
                    var tally = tallies[text] ?? Tally()
                    let decisive = column.concept == .rowResult || (column.concept == .status && !section.kind.hasValueResults)
                    switch (agreement, decisive) {
                    case (.agree, true): tally.agree += 1
                    case (.differ, true): tally.differ += 1
                    case (.differ, false): tally.valueDiffer += 1
                    case (.missing, true): tally.missing += 1
                    default: break
                    }
                    tally.where_.insert(section.sheets[0].name)
                    tallies[text] = tally
                }
            }
            columns += sectionColumns
        }

        // What each word means, from its rows.
        var learned: [String: (status: ComparisonStatus, evidence: String)] = [:]
        for text in order {
            guard let tally = tallies[text] else { continue }
            let tentative = values.statusReading(text: text, objects: false)?.status
            var meaning: ComparisonStatus?
            // A word that reads as a failure needs more to be a verdict: two rows, and none without counts.
            let differing = tally.differ + tally.valueDiffer
            let enough = tentative == nil ? differing > 0 && differing >= tally.missing : differing >= 2 && tally.missing == 0
            if enough, tally.agree == 0 {
                meaning = .inconsistent
            } else if tally.agree > 0, tally.differ == 0, tally.valueDiffer == 0, tally.missing == 0 {
                meaning = .consistent
            } else if tally.missing > 0, tally.agree == 0, tally.differ == 0, tally.valueDiffer == 0 {
                meaning = .cannotCompare
            }
            guard let meaning, ResultLearner.compatible(meaning, with: tentative) else { continue }
            learned[text] = (meaning, ResultLearner.describe(tally))
        }

        // A column's last unknown word, when its other words are known, and words whose negation is known.
        var changed = true
        while changed {
            changed = false
            for column in columns {
                let known = column.texts.compactMap { text -> ComparisonStatus? in learned[text]?.status ?? firm[text] }
                let open = column.texts.filter { learned[$0] == nil && firm[$0] == nil && tallies[$0] != nil }
                guard open.count == 1, column.texts.count >= 2 else { continue }
                let categories = Set(known.map(\.category))
                let text = open[0]
                let tentative = values.statusReading(text: text, objects: column.objects)?.status
                let others = column.texts.filter { $0 != text }.map { "\"\(quoted($0))\"" }.joined(separator: ", ")
                if categories == [.inconsistent], ResultLearner.compatible(.consistent, with: tentative) {
                    learned[text] = (.consistent, "the column's other words (\(others)) mean inconsistent")
                    changed = true
                } else if categories == [.consistent], ResultLearner.compatible(.inconsistent, with: tentative) {
                    learned[text] = (.inconsistent, "the column's other words (\(others)) mean consistent")
                    changed = true
                }
            }
            for text in order where learned[text] == nil {
                for (other, meaning) in learned.map({ ($0.key, $0.value.status) }) + firm.map({ ($0.key, $0.value) }) {
                    guard ResultLearner.negates(text, other) else { continue }
                    let opposite: ComparisonStatus
                    switch meaning {
                    case .consistent: opposite = .inconsistent
                    case .inconsistent: opposite = .consistent
                    default: continue
                    }
                    guard ResultLearner.compatible(opposite, with: values.statusReading(text: text, objects: false)?.status) else { continue }
                    learned[text] = (opposite, "it negates \"\(quoted(other))\", which means \(meaning.name)")
                    changed = true
                    break
                }
            }
        }

        for column in columns {
            let words = column.texts.compactMap { text -> LearnedValue? in
                if let meaning = learned[text] { return LearnedValue(text: text, value: meaning.status.name, evidence: meaning.evidence) }
                // A word no reading and no row decided: listed so that a vocabulary file can say what it means.
                guard firm[text] == nil, let tally = tallies[text], values.statusReading(text: text, objects: column.objects) == nil else { return nil }
                return LearnedValue(text: text, value: "unknown", evidence: tally.agree + tally.differ + tally.valueDiffer + tally.missing == 0
                    ? "no count on its rows to judge by" : ResultLearner.describe(tally) + ": no single meaning")
            }
            guard !words.isEmpty else { continue }
            sections[column.section].columns[column.position].learned = words
        }
        for index in sections.indices {
            guard let sample = samples[index] else { continue }
            learnKinds(&sections[index], sample: sample)
        }
    }

    /// Difference kinds and operations drsdiff does not know, from the rows and by elimination.
    /// A difference whose row has a source side (its select SQL, key or value) and no target side
    /// is only in the source, and so on; an operation column whose other words are insert and
    /// delete holds updates in its last word.
    private func learnKinds(_ section: inout ReportSection, sample: SheetEvidence) {
        func present(_ concepts: [ColumnConcept], _ row: Row) -> Bool {
            concepts.contains { concept in section.column(for: concept).flatMap { sample.text(at: $0.index, in: row) } != nil }
        }
        if let position = section.columns.firstIndex(where: { $0.concept == .differenceKind }) {
            let index = section.columns[position].index
            var texts: [String] = []
            var sides: [String: Set<String>] = [:]
            for row in sample.sample {
                guard let text = sample.text(at: index, in: row) else { continue }
                if !texts.contains(text) { texts.append(text) }
                let source = present([.selectSQL, .sourceKeyValues, .sourceValue], row)
                let target = present([.targetSelectSQL, .targetKeyValues, .targetValue], row)
                let kind = source && target ? "both_differ" : source ? "only_in_source" : target ? "only_in_target" : "none"
                sides[text, default: []].insert(kind)
            }
            var learned: [LearnedValue] = []
            let unknown = texts.filter { if case .unknown = values.differenceKind($0) { return true } else { return false } }
            let known = Set(texts.map { values.differenceKind($0).name }).subtracting(["unknown"])
            for text in unknown {
                if let found = sides[text], found.count == 1, let kind = found.first, kind != "none" {
                    learned.append(LearnedValue(text: text, value: kind, evidence: "its rows have " + ResultLearner.describeSides(kind)))
                } else if unknown.count == 1, known.count == 2,
                          let kind = Set(["only_in_source", "only_in_target", "both_differ"]).subtracting(known).first {
                    learned.append(LearnedValue(text: text, value: kind, evidence: "the column's other words are \(known.sorted().joined(separator: " and "))"))
                }
            }
            if !learned.isEmpty { section.columns[position].learned = learned }
        }
        if let position = section.columns.firstIndex(where: { $0.concept == .operation }) {
            let index = section.columns[position].index
            var texts: [String] = []
            for row in sample.sample {
                if let text = sample.text(at: index, in: row), !texts.contains(text) { texts.append(text) }
            }
            let unknown = texts.filter { if case .unknown = values.operation($0) { return true } else { return false } }
            let known = Set(texts.map { values.operation($0).name }).subtracting(["unknown"])
            // A word whose rows' repair SQL always starts with one verb is that operation.
            var verbs: [String: [String: Int]] = [:]
            if let sql = section.column(for: .repairSQL) {
                for row in sample.sample {
                    guard let text = sample.text(at: index, in: row), let statement = sample.text(at: sql.index, in: row),
                          let verb = ResultLearner.statementVerb(statement) else { continue }
                    verbs[text, default: [:]][verb, default: 0] += 1
                }
            }
            var learned: [LearnedValue] = []
            for text in unknown {
                if let found = verbs[text], found.count == 1, let (verb, rows) = found.first {
                    learned.append(LearnedValue(text: text, value: verb, evidence: "its repair SQL is \(verb.uppercased()) on \(rows) sampled rows"))
                }
            }
            let left = unknown.filter { text in !learned.contains { $0.text == text } }
            let named = known.union(learned.map(\.value))
            if left.count == 1, named.count == 2, let operation = Set(["insert", "update", "delete"]).subtracting(named).first {
                learned.append(LearnedValue(
                    text: left[0], value: operation, evidence: "the column's other words are \(named.sorted().joined(separator: " and "))"))
            }
            if !learned.isEmpty { section.columns[position].learned = learned }
        }
    }

    /// `insert`, `update` or `delete` for a statement that starts with that verb (`REPLACE` inserts).
    static func statementVerb(_ statement: String) -> String? {
        let word = statement.drop { $0.isWhitespace || $0 == "(" }.prefix { $0.isLetter }.lowercased()
        switch word {
        case "insert", "replace": return "insert"
        case "update": return "update"
        case "delete": return "delete"
        default: return nil
        }
    }

    private static func describeSides(_ kind: String) -> String {
        switch kind {
        case "only_in_source": return "a source side (select SQL, key or value) and no target side"
        case "only_in_target": return "a target side and no source side"
        default: return "both sides"
        }
    }

    /// What a row says of its own result, apart from the result columns.
    private enum Agreement { case agree, differ, missing, none }

    /// Whether the row's counts (or an object's definitions) agree, differ, or are missing.
    private static func agreement(of row: Row, in section: ReportSection, sample: SheetEvidence) -> Agreement {
        func text(_ concept: ColumnConcept) -> String? {
            section.column(for: concept).flatMap { sample.text(at: $0.index, in: row) }
        }
        func count(_ concept: ColumnConcept) -> Int64? { text(concept).flatMap(CountParser.count(text:)) }
        func compare(_ a: Int64?, _ b: Int64?) -> Agreement {
            guard let a, let b else { return .missing }
            return a == b ? .agree : .differ
        }
        switch section.kind {
        case .objectSummary:
            return compare(count(.sourceCount), count(.targetCount))
        case .objectDifferences:
            let existence = [ColumnConcept.sourceExists, .targetExists].compactMap { text($0) }
            if existence.contains(where: { if case .missing = ValueVocabulary.standard.existence($0) { return true } else { return false } }) {
                return .differ
            }
            let source = text(.sourceValue).flatMap { $0 == "NULL" ? nil : $0 }
            let target = text(.targetValue).flatMap { $0 == "NULL" ? nil : $0 }
            switch (source, target) {
            case let (a?, b?): return a == b ? .agree : .differ
            case (nil, nil): return .none
            default: return .differ
            }
        case .databaseSummary:
            return count(.tablesInconsistent).map { $0 == 0 ? .agree : .differ } ?? .none
        case .tableRowCounts, .tableValues, .sampling, .cannotCompare:
            if let difference = count(.difference) { return difference == 0 ? .agree : .differ }
            return compare(count(.sourceRows), count(.targetRows))
        default:
            return .none
        }
    }

    /// A word read as a failure may be learned as a difference, never as agreement; one read as
    /// agreement never as a difference.
    private static func compatible(_ meaning: ComparisonStatus, with reading: ComparisonStatus?) -> Bool {
        guard let reading else { return true }
        switch reading.category {
        case .consistent: return meaning.category == .consistent
        case .inconsistent, .incomplete: return meaning.category != .consistent
        }
    }

    /// True when one text is the other with a negation added: `不相符` / `相符`, `Not OK` / `OK`.
    static func negates(_ a: String, _ b: String) -> Bool {
        let x = HeaderParts(a).meaningful
        let y = HeaderParts(b).meaningful
        func strip(_ parts: [HeaderPart]) -> ([String], Int) {
            var kept: [String] = []
            var negations = 0
            for part in parts {
                if part.senses.contains(.negation) || part.weakSenses.contains(.negation) { negations += 1 } else { kept.append(part.text) }
            }
            return (kept, negations)
        }
        let (wordsA, negA) = strip(x)
        let (wordsB, negB) = strip(y)
        if !wordsA.isEmpty, wordsA == wordsB, (negA + negB) % 2 == 1 { return true }
        // CJK words the lexicon does not know stay whole: 不相符 is one unknown part. Compare the text.
        let prefixes = ["不", "未", "非", "无", "没", "not ", "non-", "non", "un", "in"]
        let lowerA = a.lowercased().trimmedSpaces
        let lowerB = b.lowercased().trimmedSpaces
        return prefixes.contains { lowerA == $0 + lowerB || lowerB == $0 + lowerA }
    }

    private static func describe(_ tally: Tally) -> String {
        var parts: [String] = []
        if tally.agree > 0 { parts.append("\(tally.agree) sampled rows where the counts agree") }
        if tally.differ > 0 { parts.append("\(tally.differ) where they differ") }
        if tally.valueDiffer > 0 { parts.append("\(tally.valueDiffer) value results where the row counts differ") }
        if tally.missing > 0 { parts.append("\(tally.missing) where counts are missing") }
        let sheets = tally.where_.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
        return "found on " + parts.joined(separator: ", ") + " (" + sheets + ")"
    }
}

extension SectionKind {
    /// Kinds whose status sums up a value comparison too: agreeing row counts do not make it consistent.
    var hasValueResults: Bool { self == .tableValues || self == .sampling }
}
