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
    /// A header needs at least this share of its characters explained by a concept's key words.
    static let threshold = 0.6

    struct ColumnRule: Sendable {
        let concept: ColumnConcept
        let pattern: KeywordPattern
        let fromFile: Bool
    }

    private(set) var columnPhrases: [String: ColumnConcept] = [:]
    private(set) var columnRules: [ColumnRule]
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
        columnRules = BuiltinVocabulary.columns.map { ColumnRule(concept: $0.0, pattern: $0.1, fromFile: false) }
        metadataRules = BuiltinVocabulary.metadata
        sectionHints = BuiltinVocabulary.sectionHints
    }

    /// The built-in vocabulary extended by a vocabulary file.
    public init(contentsOfFile path: String) throws {
        self.init()
        try load(contentsOfFile: path)
    }

    // MARK: - Columns

    /// How a header cell reads: a concept with the share of the header it explains.
    struct ColumnCandidate: Sendable {
        let concept: ColumnConcept
        let score: Double
        let terms: Int
        /// An exact phrase from a vocabulary file: it outranks every key-word fit.
        let exactPhrase: Bool
        let fromFile: Bool
    }

    /// Every concept the header could mean, best first; empty when it is on the ignore list or
    /// nothing fits well enough.
    func columnCandidates(_ header: String) -> [ColumnCandidate] {
        let text = NormalizedText(header)
        guard !text.core.isEmpty, !ignoredHeaders.contains(text.coreString), !ignoredHeaders.contains(text.fullString) else { return [] }
        if let concept = columnPhrases[text.coreString] ?? columnPhrases[text.fullString] {
            return [ColumnCandidate(concept: concept, score: 1, terms: Int.max, exactPhrase: true, fromFile: true)]
        }
        var best: [ColumnConcept: ColumnCandidate] = [:]
        for rule in columnRules {
            var fit = rule.pattern.fit(text.core)
            if text.full != text.core, let wide = rule.pattern.fit(text.full), fit.map({ wide > $0 }) ?? true { fit = wide }
            guard let fit, fit.score >= Vocabulary.threshold else { continue }
            let candidate = ColumnCandidate(concept: rule.concept, score: fit.score, terms: fit.terms, exactPhrase: false, fromFile: rule.fromFile)
            if let current = best[rule.concept], !Vocabulary.ranks(candidate, above: current) { continue }
            best[rule.concept] = candidate
        }
        return best.values.sorted { Vocabulary.ranks($0, above: $1) }
    }

    static func ranks(_ a: ColumnCandidate, above b: ColumnCandidate) -> Bool {
        if a.exactPhrase != b.exactPhrase { return a.exactPhrase }
        if a.score != b.score { return a.score > b.score }
        if a.terms != b.terms { return a.terms > b.terms }
        if a.fromFile != b.fromFile { return a.fromFile }
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
        columnPhrases[NormalizedText.key(phrase)] = concept
    }

    /// File rules go first: on an equal fit they win over the built-in ones.
    mutating func add(pattern: KeywordPattern, for concept: ColumnConcept) {
        columnRules.insert(ColumnRule(concept: concept, pattern: pattern, fromFile: true), at: 0)
    }

    mutating func ignore(header: String) { ignoredHeaders.insert(NormalizedText.key(header)) }
    mutating func add(metadataPhrase: String, name: String) { metadataPhrases[NormalizedText.key(metadataPhrase)] = name }
    mutating func add(sectionHint: KeywordPattern, for kind: SectionKind) { sectionHints.insert((kind, sectionHint), at: 0) }
    mutating func noteFile(_ path: String) { files.append(path) }
}
