/// Reads result, difference-kind, operation and repair-state cells from their parts, as headers
/// are read: "Table missing at replica" is a target side, a table and a missing one, so it is
/// the destination table missing, whatever its word order; "Row counts do not match" is a match
/// negated, so inconsistent. Exact phrases (``ValueVocabulary``) are looked up first; this is
/// for wording nobody listed.
enum ValueReading {
    /// A status read from the words, and whether the reading is firm. A lone word that reads as a
    /// failure ("FAIL", "Error", "异常") may be a verdict (the rows differ) as well as an error,
    /// so the rows' evidence may overrule it (``ResultLearner``).
    struct Status: Sendable, Hashable {
        let status: ComparisonStatus
        let firm: Bool
    }

    private struct Words {
        let senses: Set<Sense>
        let weak: Set<Sense>
        let negations: Int
        let parts: Int
        let unknown: Int
        /// Per side, whether the words say it has the row (`源有目无`: the source has, the target not).
        let holds: [Sense: Bool]

        init(_ text: String, overlay: WordOverlay) {
            let header = HeaderParts(text, overlay: overlay)
            // A cell of nothing but a word a header passes over ("Pending") says that word.
            let parts = header.isEmpty
                ? header.parts.compactMap { part in
                    Lexicon.latinWord(part.text).map { HeaderPart(text: part.text, lexeme: $0, bracketed: false, filler: false) }
                }
                : header.meaningful
            var holds: [Sense: Bool] = [:]
            var current: Sense?
            for part in parts {
                let all = part.allSenses
                if all.contains(.source) != all.contains(.target) { current = all.contains(.source) ? .source : .target }
                guard let side = current else { continue }
                if all.contains(.negation) || part.senses.contains(.missing) { holds[side] = false }
                else if part.senses.contains(.exists) || all.contains(.surplus) || ValueVocabulary.presenceWords.contains(part.text) {
                    holds[side] = holds[side] ?? true
                }
            }
            self.holds = holds
            var senses: Set<Sense> = []
            var weak: Set<Sense> = []
            var negations = 0
            for part in parts {
                senses.formUnion(part.senses)
                weak.formUnion(part.weakSenses)
                // In a cell, "no" and "无" negate what follows ("No differences", "无差异").
                if part.senses.contains(.negation) || part.weakSenses.contains(.negation) { negations += 1 }
            }
            self.senses = senses
            self.weak = weak
            self.negations = negations
            self.parts = parts.count
            self.unknown = parts.filter { !$0.known }.count
        }

        func has(_ sense: Sense) -> Bool { senses.contains(sense) }
        func hasAny(_ sense: Sense) -> Bool { senses.contains(sense) || weak.contains(sense) }
        var negated: Bool { negations % 2 == 1 }
        /// Which side the words name: both when both do, or when they say "both" / "neither"; a
        /// weak side word ("目" for 目标) counts where no strong one is named.
        var side: Sense? {
            if has(.both) || (has(.source) && has(.target)) { return .both }
            if has(.source) { return .source }
            if has(.target) { return .target }
            switch (weak.contains(.source), weak.contains(.target)) {
            case (true, false): return .source
            case (false, true): return .target
            default: return nil
            }
        }
    }

    // MARK: - Statuses

    static func status(_ text: String, overlay: WordOverlay = WordOverlay()) -> Status? {
        let words = Words(text, overlay: overlay)
        guard words.parts > 0 else { return nil }
        let firm = words.parts > 1 && words.unknown * 2 < words.parts
        if words.has(.large) || ValueReading.namesHundredMillion(text) { return Status(status: .tooManyRows, firm: true) }
        if words.has(.timeout) {
            switch words.side {
            case .source: return Status(status: .sourceSQLTimeout, firm: true)
            case .target: return Status(status: .targetSQLTimeout, firm: true)
            default: return Status(status: .timedOut, firm: true)
            }
        }
        if words.has(.connection) {
            switch words.side {
            case .source: return Status(status: .sourceConnectionFailed, firm: true)
            case .target: return Status(status: .targetConnectionFailed, firm: true)
            default: return Status(status: .failed, firm: true)
            }
        }
        if words.has(.canceled), !words.has(.error), !words.has(.failed) { return Status(status: .canceled, firm: true) }
        if words.has(.waiting) { return Status(status: .waiting, firm: true) }
        if words.has(.running) { return Status(status: .inProgress, firm: true) }
        // "源无表", "no src tab": a side with no table (or database) is one missing.
        let lacks = words.negated && (words.hasAny(.table) || words.has(.database)) && !words.hasAny(.consistent)
            && !words.has(.difference) && !words.has(.inconsistent) && !words.has(.compare)
        if words.has(.missing) || (words.has(.exists) && words.negated) || lacks {
            let database = words.has(.database) && !words.hasAny(.table)
            switch words.side {
            case .both: return Status(status: database ? .bothDatabasesMissing : .bothTablesMissing, firm: true)
            case .source: return Status(status: database ? .sourceDatabaseMissing : .sourceTableMissing, firm: true)
            case .target: return Status(status: database ? .targetDatabaseMissing : .targetTableMissing, firm: true)
            default: break
            }
        }
        if words.has(.empty) {
            switch words.side {
            case .both: return Status(status: .bothDatabasesEmpty, firm: true)
            case .source: return Status(status: .sourceDatabaseEmpty, firm: true)
            case .target: return Status(status: .targetDatabaseEmpty, firm: true)
            default: break
            }
        }
        if words.has(.sql), words.has(.error) {
            switch words.side {
            case .source: return Status(status: .sourceSQLError, firm: true)
            case .target: return Status(status: .targetSQLError, firm: true)
            default: break
            }
        }
        // "Could not be completed because of an error" says why: an error.
        if words.has(.error) || words.has(.failed), words.has(.compare) || words.has(.finished) || words.has(.execution) {
            return Status(status: .failed, firm: true)
        }
        if words.has(.uncomparable) || (words.has(.compare) && words.negated && !words.hasAny(.consistent)) {
            return Status(status: .cannotCompare, firm: true)
        }
        // Agreement and difference, a negation turning either round ("do not match", "无差异").
        if words.hasAny(.consistent) {
            return Status(status: words.negated ? .inconsistent : .consistent, firm: firm || words.negated)
        }
        if words.has(.inconsistent) || words.has(.difference) {
            return Status(status: words.negated ? .consistent : .inconsistent, firm: firm || words.negated)
        }
        // A failure is firm when it says what failed (the comparison, the SQL, the run); alone
        // ("FAIL", "条数异常") it may be a verdict on the rows instead.
        if words.has(.failed) || words.has(.error) {
            let what = words.has(.compare) || words.has(.execution) || words.has(.sql) || words.has(.canceled)
            return Status(status: .failed, firm: firm && what)
        }
        return nil
    }

    /// DRS skips tables over 100 million rows: a number of that size in a status (`100,000,000`,
    /// `100M`) says so.
    static func namesHundredMillion(_ text: String) -> Bool {
        var digits = ""
        for character in text + " " {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if character == ",", !digits.isEmpty {
                continue
            } else if !digits.isEmpty {
                let value = Double(digits) ?? 0
                if value >= 100_000_000 { return true }
                if value >= 100, character == "m" || character == "M" { return true }
                digits = ""
            }
        }
        return false
    }

    // MARK: - Other vocabularies

    /// Whether an object exists: "Yes, it exists", "No, it is missing", "不存在", "absent".
    static func existence(_ text: String, overlay: WordOverlay = WordOverlay()) -> ObjectExistence? {
        let words = Words(text, overlay: overlay)
        // A side, a table or "only" makes it a status or a difference kind ("目标表不存在", "Only in source").
        guard words.parts > 0, words.side == nil, !words.has(.only), !words.has(.table), !words.has(.database) else { return nil }
        if words.has(.missing) || (words.has(.exists) && words.negated) { return .missing }
        if words.has(.exists) { return .exists }
        return nil
    }

    /// Only in source / only in target / in both but different: "Origin only", "Missing on
    /// standby" (so only in the source), "主库多" (the primary has more), "Values differ".
    static func differenceKind(_ text: String, overlay: WordOverlay = WordOverlay()) -> DifferenceKind? {
        let words = Words(text, overlay: overlay)
        guard words.parts > 0 else { return nil }
        let side = words.side
        switch (words.holds[.source], words.holds[.target]) {
        case (true?, false?): return .onlyInSource
        case (false?, true?): return .onlyInTarget
        default: break
        }
        if words.has(.only) || words.has(.surplus) || words.hasAny(.surplus) {
            if side == .source { return .onlyInSource }
            if side == .target { return .onlyInTarget }
        }
        if words.has(.missing) || (words.has(.exists) && words.negated) {
            if side == .source { return .onlyInTarget }
            if side == .target { return .onlyInSource }
        }
        // Both sides hold the row but it differs: "Values differ", "Changed row", "两边不同".
        if side == .both || words.has(.difference) || words.has(.inconsistent) || words.has(.update) || (words.hasAny(.consistent) && words.negated) {
            return .bothDiffer
        }
        return nil
    }

    /// INSERT / UPDATE / DELETE in any wording: "Insert row", "INS", "新增", "删", Debezium's `c`/`u`/`d`.
    static func operation(_ text: String, overlay: WordOverlay = WordOverlay()) -> RepairOperation? {
        let words = Words(text, overlay: overlay)
        let found: [(RepairOperation, Sense)] = [(.insert, .insertion), (.update, .update), (.delete, .deletion)]
        let strong = found.filter { words.has($0.1) }
        if strong.count == 1 { return strong[0].0 }
        guard strong.isEmpty, words.parts == 1 else { return nil }
        let weak = found.filter { words.hasAny($0.1) }
        return weak.count == 1 ? weak[0].0 : nil
    }

    /// How a repair statement went: "Applied", "Apply failed", "Not applied", "执行报错", "待执行".
    static func repairState(_ text: String, overlay: WordOverlay = WordOverlay()) -> RepairState? {
        let words = Words(text, overlay: overlay)
        guard words.parts > 0 else { return nil }
        if words.has(.failed) || words.has(.error) { return words.negated ? nil : .failed }
        if words.has(.running) { return .running }
        if words.hasAny(.waiting) || words.has(.uncomparable) { return .notExecuted }
        let done = words.has(.succeeded) || words.has(.repaired) || words.has(.finished) || words.has(.execution)
            || words.hasAny(.consistent) || words.hasAny(.succeeded)
        if done { return words.negated ? .notExecuted : .succeeded }
        if words.hasAny(.failed) { return .failed }
        // "未": not (yet).
        if words.negated, words.parts == 1 { return .notExecuted }
        return nil
    }
}
