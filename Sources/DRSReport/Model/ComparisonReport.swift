/// What a DRS comparison report holds, as recognised by meaning: its compare type and language,
/// the metadata above the tables, and its sections with each column's meaning. Records are not
/// in here (a report can hold millions): stream them with ``ReportWorkbook/records(in:)``.
public struct ComparisonReport: Sendable, Hashable, Codable {
    /// The workbook's file name, without its directory (`<stdin>` for standard input).
    public var file: String
    /// Read from the sections found, else from the metadata or the title, else the caller's hint.
    public var compareType: CompareType?
    public var language: ReportLanguage?
    /// Titles and other free text above the tables.
    public var titles: [ReportTitle]
    /// Key/value pairs above the tables ("Task ID: …", "任务ID | …"), in sheet and row order.
    public var metadata: [MetadataEntry]
    /// Recognised sections and, as `unknown`, sheets that could not be recognised.
    public var sections: [ReportSection]
    /// What was found on every sheet, for `inspect`.
    public var sheets: [SheetRecognition]
    /// Observations worth telling the user (a hint that disagreed, a sheet without cells…).
    public var notes: [String]

    /// The first metadata value with this canonical name (`task_id`, `start_time`…).
    public func metadataValue(named name: String) -> String? {
        metadata.first { $0.name == name }?.value
    }

    /// Sections of one kind.
    public func sections(of kind: SectionKind) -> [ReportSection] {
        sections.filter { $0.kind == kind }
    }

    enum CodingKeys: String, CodingKey {
        case file, compareType = "compare_type", language, titles, metadata, sections, sheets, notes
    }
}

public enum ReportLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    case english = "en-us"
    case chinese = "zh-cn"
}

/// Free text above a table: the report's title, usually a merged cell.
public struct ReportTitle: Sendable, Hashable, Codable {
    public var sheet: String
    /// 1-based, as Excel numbers rows.
    public var row: Int
    public var text: String
}

/// One metadata pair found above a table.
public struct MetadataEntry: Sendable, Hashable, Codable, FixedJSONShape {
    /// The key as written, without its colon.
    public var key: String
    /// The value's text (date-time cells as `YYYY-MM-DD HH:MM:SS`).
    public var value: String
    /// The canonical name when the key is known: `task_id`, `compare_type`, `compare_job_id`,
    /// `source_engine`, `target_engine`, `start_time`, `end_time`, `task_name`, `export_time`, or
    /// a name from a vocabulary file.
    public var name: String?
    public var sheet: String
    /// 1-based.
    public var row: Int

    private enum CodingKeys: String, CodingKey { case key, value, name, sheet, row }
}

/// A part of the report with one meaning: one sheet, or several when a section continues on
/// further sheets that repeat its header.
public struct ReportSection: Sendable, Hashable, Codable {
    public var kind: SectionKind
    /// 0…1: how well the columns found fit the kind (see `docs/report.md`).
    public var confidence: Double
    public var sheets: [SectionSheet]
    /// Every header cell, matched or not, in column order (of the first sheet).
    public var columns: [ColumnMapping]

    /// The column holding a concept, if the section has one.
    public func column(for concept: ColumnConcept) -> ColumnMapping? {
        columns.first { $0.concept == concept }
    }

    /// A short name for messages: `table_row_counts ("Table Details")`.
    public var label: String {
        kind.rawValue + " (" + sheets.map { "\"\($0.name)\"" }.joined(separator: ", ") + ")"
    }
}

/// One sheet of a section.
public struct SectionSheet: Sendable, Hashable, Codable, FixedJSONShape {
    public var name: String
    /// Zero-based position in the workbook.
    public var index: Int
    /// 1-based row of the header; nil for a sheet without one (an unknown sheet).
    public var headerRow: Int?

    enum CodingKeys: String, CodingKey { case name, index, headerRow = "header_row" }
}

/// One header cell and what it was read as.
public struct ColumnMapping: Sendable, Hashable, Codable {
    /// Zero-based column: 0 is A.
    public var index: Int
    public var header: String
    /// nil when the header matched no concept: its values are kept as extra fields.
    public var concept: ColumnConcept?
    /// How well the header and the values fit the concept, 0…1 (1 for a vocabulary-file phrase).
    public var score: Double?
    /// How it matched: `key words`, `key words and values`, `values`, `vocabulary file phrase`,
    /// `vocabulary file pattern`.
    public var via: String?
    /// True when the values decided the concept: they overruled the header, or the header said
    /// nothing drsdiff knows. `evidence` says why.
    public var inferred: Bool?
    /// What the decision rests on: the header's parts as read, the values' profile, a relation
    /// with other columns (`equals source_rows − target_rows on 38 of 38 rows`).
    public var evidence: String?
    /// Cell words this column holds that drsdiff did not know and read from the rows (`OK` →
    /// consistent where the counts agree): every one is inferred, with its evidence.
    public var learned: [LearnedValue]?
    /// Other concepts the column could be, best first (for an unmatched column, what a
    /// vocabulary file could make it): what `inspect --suggest-vocabulary` offers.
    public var candidates: [ConceptScore]?

    public init(index: Int, header: String, concept: ColumnConcept? = nil, score: Double? = nil, via: String? = nil,
                inferred: Bool? = nil, evidence: String? = nil, learned: [LearnedValue]? = nil) {
        self.index = index
        self.header = header
        self.concept = concept
        self.score = score
        self.via = via
        self.inferred = inferred
        self.evidence = evidence
        self.learned = learned
    }

    /// `A`, `B`… `AA`.
    public var letter: String { ColumnMapping.letter(index) }

    private enum CodingKeys: String, CodingKey { case index, letter, header, concept, score, via, inferred, evidence, learned, candidates }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        index = try container.decode(Int.self, forKey: .index)
        header = try container.decode(String.self, forKey: .header)
        concept = try container.decodeIfPresent(ColumnConcept.self, forKey: .concept)
        score = try container.decodeIfPresent(Double.self, forKey: .score)
        via = try container.decodeIfPresent(String.self, forKey: .via)
        inferred = try container.decodeIfPresent(Bool.self, forKey: .inferred)
        evidence = try container.decodeIfPresent(String.self, forKey: .evidence)
        learned = try container.decodeIfPresent([LearnedValue].self, forKey: .learned)
        candidates = try container.decodeIfPresent([ConceptScore].self, forKey: .candidates)
    }

    /// Every member is written, the derived `letter` and `null` included: the JSON shape is fixed
    /// (`schema/`). The explanations (`inferred`, `evidence`, `learned`) are written when there are some.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(letter, forKey: .letter)
        try container.encode(header, forKey: .header)
        try container.encode(concept, forKey: .concept)
        try container.encode(score, forKey: .score)
        try container.encode(via, forKey: .via)
        try container.encodeIfPresent(inferred, forKey: .inferred)
        try container.encodeIfPresent(evidence, forKey: .evidence)
        try container.encodeIfPresent(learned, forKey: .learned)
        try container.encodeIfPresent(candidates, forKey: .candidates)
    }

    package static func letter(_ index: Int) -> String {
        var number = index + 1
        var letters: [Character] = []
        while number > 0 {
            letters.append(Character(Unicode.Scalar(UInt8(65 + (number - 1) % 26))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }
}

/// A concept a column could be, with how well header and values fit it.
public struct ConceptScore: Sendable, Hashable, Codable {
    public var concept: ColumnConcept
    public var score: Double

    public init(concept: ColumnConcept, score: Double) {
        self.concept = concept
        self.score = score
    }
}

/// A cell word drsdiff did not know, read from the rows it appears on: `{"text": "OK", "value":
/// "consistent", "evidence": "on 12 rows where the row counts agree, on none where they differ"}`.
public struct LearnedValue: Sendable, Hashable, Codable {
    /// The cell text as found.
    public var text: String
    /// The name it was read as (`consistent`, `inconsistent`, `cannot_compare`…), or `unknown`
    /// when neither the words nor the rows decide (the word keeps its text; a vocabulary file can say).
    public var value: String
    public var evidence: String

    public init(text: String, value: String, evidence: String) {
        self.text = text
        self.value = value
        self.evidence = evidence
    }
}

/// Everything recognition found on one sheet, so a user can report a new layout in one paste.
public struct SheetRecognition: Sendable, Hashable, Codable {
    public var name: String
    public var index: Int
    /// `visible`, `hidden` or `veryHidden`.
    public var state: String
    public var kind: SectionKind
    public var confidence: Double
    /// 1-based header row, or nil when none was found.
    public var headerRow: Int?
    public var columns: [ColumnMapping]
    /// Other kinds the columns could mean, with their confidence, best first.
    public var alternatives: [KindScore]
    public var metadata: [MetadataEntry]
    public var titles: [String]
    /// Section kinds the sheet's name or title points at.
    public var nameHints: [SectionKind]
    /// The sheet this one continues (same header), if any.
    public var continues: String?
    /// Why the sheet was classified as it was, in a sentence.
    public var explanation: String

    enum CodingKeys: String, CodingKey {
        case name, index, state, kind, confidence, headerRow = "header_row", columns, alternatives, metadata, titles
        case nameHints = "name_hints", continues, explanation
    }
}

public struct KindScore: Sendable, Hashable, Codable {
    public var kind: SectionKind
    public var confidence: Double
}
