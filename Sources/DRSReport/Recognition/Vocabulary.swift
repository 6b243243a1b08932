/// The words drsdiff recognises a report by: column headers, metadata keys, sheet names and the
/// values of status-like columns, in en-us and zh-cn. ``standard`` is built in; a vocabulary file
/// (see `docs/report.md`) adds synonyms without a rebuild:
///
/// ```swift
/// var vocabulary = Vocabulary.standard
/// try vocabulary.load(contentsOfFile: "my-words.json")
/// let report = try ReportWorkbook(path: "report.xlsx", vocabulary: vocabulary)
/// ```
public struct Vocabulary: Sendable {
    /// A header needs at least this fit to a concept (the share of its parts a reading explains).
    static let threshold = 0.6

    /// A vocabulary file's phrases by ``phraseKey(_:)``: brackets holding words stay part of the
    /// phrase, so "Amount (src)" and "Amount (tgt)" are two phrases.
    private(set) var columnPhrases: [String: ColumnConcept] = [:]
    /// The same phrases by their text outside brackets, for a header that adds a unit or a note in
    /// brackets ("Menge (Stk)" for the phrase "Menge"); nil where two phrases that differ only in
    /// brackets mean different concepts.
    private(set) var columnPhraseCores: [String: ColumnConcept?] = [:]
    /// Key-word patterns from vocabulary files.
    private(set) var columnPatterns: [(ColumnConcept, KeywordPattern)] = []
    private(set) var ignoredHeaders: Set<String> = []
    private(set) var metadataPhrases: [String: String] = [:]
    private(set) var metadataRules: [(String, KeywordPattern)]
    private(set) var sectionHints: [(SectionKind, KeywordPattern)]
    var values = ValueVocabulary.standard
    /// The vocabulary files merged in, in order.
    public private(set) var files: [String] = []

    /// The built-in vocabulary.
    public static let standard = Vocabulary()

    public init() {
        metadataRules = BuiltinVocabulary.metadata
        sectionHints = BuiltinVocabulary.sectionHints
    }

    /// The built-in vocabulary extended by a vocabulary file.
    public init(contentsOfFile path: String) throws {
        self.init()
        try load(contentsOfFile: path)
    }

    // MARK: - Columns

    /// How a header cell reads: a concept with how well it fits.
    struct ColumnCandidate: Sendable {
        let concept: ColumnConcept
        let score: Double
        /// Required groups and optional parts matched: a tie goes to the more specific reading.
        let terms: Int
        /// An exact phrase from a vocabulary file: it outranks every other reading.
        let exactPhrase: Bool
        let fromFile: Bool

        /// `key words`, `vocabulary file phrase` or `vocabulary file pattern`.
        var via: String { exactPhrase ? "vocabulary file phrase" : fromFile ? "vocabulary file pattern" : "key words" }
    }

    /// Every concept the header could mean, best first; empty when it is on the ignore list or
    /// nothing fits well enough. Built-in readings compose the concept from the header's parts
    /// (``ConceptRule``); a vocabulary file's phrases and patterns come first.
    func columnCandidates(_ header: String) -> [ColumnCandidate] {
        columnCandidates(header, parts: HeaderParts(header, overlay: values.overlay))
    }

    func columnCandidates(_ header: String, parts: HeaderParts, minimum: Double = Vocabulary.threshold) -> [ColumnCandidate] {
        let text = NormalizedText(header)
        guard !text.core.isEmpty, !isIgnored(header, text: text) else { return [] }
        if let concept = phraseConcept(header, text: text, parts: parts) {
            return [ColumnCandidate(concept: concept, score: 1, terms: Int.max, exactPhrase: true, fromFile: true)]
        }
        var best: [ColumnConcept: ColumnCandidate] = [:]
        func offer(_ candidate: ColumnCandidate) {
            guard candidate.score >= minimum else { return }
            if let current = best[candidate.concept], !Vocabulary.ranks(candidate, above: current) { return }
            best[candidate.concept] = candidate
        }
        for (concept, pattern) in columnPatterns {
            var fit = pattern.fit(text.core)
            if text.full != text.core, let wide = pattern.fit(text.full), fit.map({ wide > $0 }) ?? true { fit = wide }
            if let fit { offer(ColumnCandidate(concept: concept, score: fit.score, terms: fit.terms, exactPhrase: false, fromFile: true)) }
        }
        for rule in ConceptRule.all {
            if let fit = rule.fit(parts) {
                offer(ColumnCandidate(concept: rule.concept, score: (fit.score * 100).rounded() / 100, terms: fit.specificity,
                                      exactPhrase: false, fromFile: false))
            }
        }
        return best.values.sorted { Vocabulary.ranks($0, above: $1) }
    }

    /// A vocabulary file's phrase for the header: the phrase itself, else the phrase its text outside
    /// brackets is, unless the brackets name a side (a phrase "Rows" says nothing of "Rows (tgt)").
    private func phraseConcept(_ header: String, text: NormalizedText, parts: HeaderParts) -> ColumnConcept? {
        guard !columnPhrases.isEmpty else { return nil }
        if let concept = columnPhrases[Vocabulary.phraseKey(header)] { return concept }
        let bracketedSide = parts.parts.contains { $0.bracketed && !$0.allSenses.isDisjoint(with: [.source, .target]) }
        guard !bracketedSide, let concept = columnPhraseCores[text.coreString] else { return nil }
        return concept
    }

    /// How a phrase is matched: normalised, with brackets that hold only units (`(rows)`, `（秒）`)
    /// left out and brackets that hold words kept (`Amount (src)` is `amount src`).
    static func phraseKey(_ phrase: String) -> String {
        HeaderParts(phrase).parts.map(\.text).joined(separator: " ")
    }

    /// Teaches the words one workbook uses (its side words) to headers and values alike.
    mutating func learn(_ overlay: WordOverlay) { values.overlay = overlay }

    /// True for a header a vocabulary file says must stay unmatched.
    func isIgnored(_ header: String) -> Bool { isIgnored(header, text: NormalizedText(header)) }

    /// Matched as phrases are: "Reviewer" also ignores "Reviewer (name)", "Note (src)" not "Note (tgt)".
    private func isIgnored(_ header: String, text: NormalizedText) -> Bool {
        guard !ignoredHeaders.isEmpty else { return false }
        return ignoredHeaders.contains(Vocabulary.phraseKey(header)) || ignoredHeaders.contains(text.coreString)
    }

    static func ranks(_ a: ColumnCandidate, above b: ColumnCandidate) -> Bool {
        if a.exactPhrase != b.exactPhrase { return a.exactPhrase }
        if a.score != b.score { return a.score > b.score }
        if a.fromFile != b.fromFile { return a.fromFile }
        if a.terms != b.terms { return a.terms > b.terms }
        return a.concept < b.concept
    }

    // MARK: - Metadata keys

    /// The canonical name of a metadata key (`task_id` for "Task ID" or "任务ID"), if known.
    func metadataName(_ key: String) -> String? {
        let text = NormalizedText(key)
        guard !text.core.isEmpty else { return nil }
        if let name = metadataPhrases[text.coreString] ?? metadataPhrases[text.fullString] { return name }
        var best: (String, KeywordPattern.Fit)?
        for (name, pattern) in metadataRules {
            guard let fit = pattern.fit(text.core), fit.score >= Vocabulary.threshold else { continue }
            if best.map({ fit > $0.1 }) ?? true { best = (name, fit) }
        }
        return best?.0
    }

    // MARK: - Sheet names

    /// Section kinds a sheet name or title points at.
    func sectionHints(for text: String) -> Set<SectionKind> {
        let normalized = NormalizedText(text)
        var kinds: Set<SectionKind> = []
        for (kind, pattern) in sectionHints where pattern.fit(normalized.full) != nil { kinds.insert(kind) }
        return kinds
    }

    // MARK: - Building

    mutating func add(phrase: String, for concept: ColumnConcept) {
        columnPhrases[Vocabulary.phraseKey(phrase)] = concept
        let core = NormalizedText.key(phrase)
        if let existing = columnPhraseCores[core], existing != concept {
            columnPhraseCores[core] = .some(nil)
        } else {
            columnPhraseCores[core] = concept
        }
    }

    /// On an equal fit a file's pattern wins over the built-in readings.
    mutating func add(pattern: KeywordPattern, for concept: ColumnConcept) {
        columnPatterns.append((concept, pattern))
    }

    mutating func ignore(header: String) { ignoredHeaders.insert(Vocabulary.phraseKey(header)) }
    mutating func add(metadataPhrase: String, name: String) { metadataPhrases[NormalizedText.key(metadataPhrase)] = name }
    mutating func add(sectionHint: KeywordPattern, for kind: SectionKind) { sectionHints.insert((kind, sectionHint), at: 0) }
    mutating func noteFile(_ path: String) { files.append(path) }
}
