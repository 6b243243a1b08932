import XLSXReader

/// What a column's cells look like, over the bounded sample of data rows recognition reads:
/// whole numbers, percentages, SQL, key=value pairs, result words, existence words, object types…
/// It confirms or overrules what the header says (``compatibility(with:)``) and stands in for a
/// header drsdiff cannot read (``valueConcepts``).
struct ColumnProfile: Sendable, Hashable {
    /// Data rows sampled, and cells among them that hold something.
    var rows = 0
    var cells = 0
    var integers = 0
    /// Numbers with a fractional part (`0.5`): ratios, never counts.
    var fractions = 0
    /// `5%` or a number cell under a header with `%`.
    var percents = 0
    var sql = 0
    /// Statements that change data: INSERT, UPDATE, DELETE, REPLACE, MERGE.
    var dml = 0
    var keyValuePairs = 0
    var statusWords = 0
    var existenceWords = 0
    var objectTypes = 0
    var differenceKinds = 0
    var operations = 0
    var repairStates = 0
    var timestamps = 0
    /// Row conditions: `id > 100000`, `status IN ('PAID')`, `created_at >= '2024-01-01'`.
    var predicates = 0
    /// Names without spaces: `orders`, `v_active_users`, `会员信息`.
    var identifiers = 0
    /// Over 40 characters or several lines: definitions, messages, SQL.
    var longTexts = 0
    /// Distinct texts with their counts (up to ``distinctLimit``; `distinctOverflow` past it).
    var distinct: [String: Int] = [:]
    var distinctOrder: [String] = []
    var distinctOverflow = false

    static let distinctLimit = 24

    mutating func add(_ value: CellValue, values: ValueVocabulary) {
        rows += 1
        guard !value.isEmpty else { return }
        let text = value.text
        // "-", "/", "—": a placeholder for nothing, as empty as an empty cell (check marks and
        // crosses say something).
        if case .text = value, !text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }),
           !ValueVocabulary.checkMarks.contains(text.trimmedSpaces), !ValueVocabulary.crosses.contains(text.trimmedSpaces) {
            return
        }
        cells += 1
        if distinct[text] != nil {
            distinct[text]! += 1
        } else if distinct.count < ColumnProfile.distinctLimit {
            distinct[text] = 1
            distinctOrder.append(text)
        } else {
            distinctOverflow = true
        }
        switch value {
        case .number(let number):
            if number.rounded() == number { integers += 1 } else { fractions += 1 }
            return
        case .dateTime, .duration:
            timestamps += 1
            return
        case .boolean:
            // TRUE/FALSE says yes or no: a result, an existence, or whether a repair statement ran.
            statusWords += 1
            existenceWords += 1
            repairStates += 1
            return
        default:
            break
        }
        if CountParser.count(text: text) != nil {
            integers += 1
            return
        }
        if text.hasSuffix("%") || text.hasSuffix("％") {
            if CountParser.percent(value) != nil { percents += 1 }
            return
        }
        if Double(text.trimmedSpaces) != nil { fractions += 1; return }
        if text.unicodeScalars.count > 40 || text.contains("\n") { longTexts += 1 }
        let shape: Shape
        if let known = shapes[text] {
            shape = known
        } else {
            shape = Shape(text, values: values)
            if shapes.count < ColumnProfile.distinctLimit { shapes[text] = shape }
        }
        if shape.contains(.sql) { sql += 1 }
        if shape.contains(.dml) { dml += 1 }
        if shape.contains(.keyValuePairs) { keyValuePairs += 1 }
        if shape.contains(.timestamp) { timestamps += 1 }
        if shape.contains(.objectType) { objectTypes += 1 }
        if shape.contains(.differenceKind) { differenceKinds += 1 }
        if shape.contains(.operation) { operations += 1 }
        if shape.contains(.repairState) { repairStates += 1 }
        if shape.contains(.existence) { existenceWords += 1 }
        if shape.contains(.status) { statusWords += 1 }
        if shape.contains(.predicate) { predicates += 1 }
        if shape.contains(.identifier) { identifiers += 1 }
    }

    /// What one text looks like; remembered for the texts a column repeats.
    private var shapes: [String: Shape] = [:]

    struct Shape: OptionSet, Hashable, Sendable {
        let rawValue: UInt16
        static let sql = Shape(rawValue: 1 << 0)
        static let dml = Shape(rawValue: 1 << 1)
        static let keyValuePairs = Shape(rawValue: 1 << 2)
        static let timestamp = Shape(rawValue: 1 << 3)
        static let objectType = Shape(rawValue: 1 << 4)
        static let differenceKind = Shape(rawValue: 1 << 5)
        static let operation = Shape(rawValue: 1 << 6)
        static let repairState = Shape(rawValue: 1 << 7)
        static let existence = Shape(rawValue: 1 << 8)
        static let status = Shape(rawValue: 1 << 9)
        static let predicate = Shape(rawValue: 1 << 10)
        static let identifier = Shape(rawValue: 1 << 11)

        init(rawValue: UInt16) { self.rawValue = rawValue }

        init(_ text: String, values: ValueVocabulary) {
            var shape: Shape = []
            let statement = ColumnProfile.statementKind(text)
            if statement != .none { shape.insert(.sql) }
            if statement == .dml { shape.insert(.dml) }
            if ColumnProfile.isKeyValuePairs(text) { shape.insert(.keyValuePairs) }
            if ColumnProfile.isTimestamp(text) { shape.insert(.timestamp) }
            if statement == .none, ColumnProfile.isPredicate(text) { shape.insert(.predicate) }
            if ColumnProfile.isIdentifier(text) { shape.insert(.identifier) }
            // Closed vocabularies hold short texts; long ones (SQL, definitions, messages) are not looked up.
            if statement == .none && text.unicodeScalars.count <= 60 {
                if case .known = values.objectType(text) { shape.insert(.objectType) }
                if case .unknown = values.differenceKind(text) {} else { shape.insert(.differenceKind) }
                if text.unicodeScalars.count <= 24 {
                    if case .unknown = values.operation(text) {} else { shape.insert(.operation) }
                    if case .unknown = values.repairState(text) {} else { shape.insert(.repairState) }
                }
                if case .unknown = values.existence(text) {} else { shape.insert(.existence) }
                if case .unknown = values.status(text: text, objects: false) {} else { shape.insert(.status) }
            }
            self = shape
        }
    }

    /// Share of the non-empty cells with a property (1 for an empty column: no evidence against).
    func share(_ count: Int) -> Double { cells == 0 ? 0 : Double(count) / Double(cells) }

    var isEmpty: Bool { cells == 0 }
    /// A handful of distinct short texts repeated down the column: results, states, kinds.
    var isClosedVocabulary: Bool {
        guard cells >= 1, !distinctOverflow else { return false }
        let short = distinct.keys.allSatisfy { $0.unicodeScalars.count <= 60 && !$0.contains("\n") }
        // Words repeat: a column where most cells differ holds names, not a vocabulary (a handful
        // of cells proves nothing either way).
        return short && distinct.count <= 12 && (distinct.count * 2 <= cells || cells < 8)
    }

    // MARK: - Compatibility with a concept

    /// How well the values fit a concept, 0…1: 1 when they look as the concept's values do (or
    /// the column is empty), low when they plainly do not (text under a count, SQL under a name).
    /// Few cells are weak evidence: the fit moves towards 1 below ``evidenceCells`` filled cells.
    func compatibility(with concept: ColumnConcept) -> Double {
        guard cells > 0 else { return 1 }
        let fit = valueFit(concept)
        return 1 - (1 - fit) * min(1, Double(cells) / ColumnProfile.evidenceCells)
    }

    static let evidenceCells = 5.0

    private func valueFit(_ concept: ColumnConcept) -> Double {
        let integer = share(integers)
        let numeric = share(integers + fractions + percents)
        let sqlShare = share(sql)
        let existence = share(existenceWords)
        // SQL, key=value pairs and row conditions (`id > 100`) repeat as words of a closed
        // vocabulary do (results, states, kinds), but are none.
        let statements = sqlShare >= 0.5 || share(keyValuePairs) >= 0.5 || share(predicates) >= 0.8
        switch concept {
        case _ where concept.isCount:
            return integer >= 0.8 ? 1 : integer >= 0.5 ? 0.6 : 0.15
        case .samplingRatio:
            return numeric >= 0.8 ? 1 : 0.3
        case .status, .rowResult, .valueResult:
            if statements { return 0.1 }
            if share(statusWords) >= 0.8 { return 1 }
            if integer >= 0.8 { return distinct.count <= 12 && !distinctOverflow ? 0.7 : 0.2 }
            return isClosedVocabulary ? 0.9 : 0.4
        case .sqlState:
            if statements { return 0.1 }
            if share(repairStates) >= 0.8 { return 1 }
            return isClosedVocabulary ? 0.8 : 0.3
        case .selectSQL, .targetSelectSQL:
            return sqlShare >= 0.5 ? 1 : 0.2
        case .repairSQL:
            return share(dml) >= 0.5 ? 1 : sqlShare >= 0.5 ? 0.6 : 0.2
        case .operation:
            return share(operations) >= 0.8 ? 1 : isClosedVocabulary && !statements ? 0.6 : 0.15
        case .differenceKind:
            return share(differenceKinds) >= 0.6 ? 1 : isClosedVocabulary && !statements ? 0.6 : 0.15
        case .objectType:
            return share(objectTypes) >= 0.6 ? 1 : isClosedVocabulary && !statements ? 0.6 : 0.2
        case .sourceExists, .targetExists:
            return existence >= 0.8 ? 1 : 0.05
        case .keyValues, .sourceKeyValues, .targetKeyValues:
            if sqlShare >= 0.5 { return 0.1 }
            return share(longTexts) >= 0.5 ? 0.4 : 1
        case .sourceDatabase, .targetDatabase, .sourceTable, .targetTable, .objectName, .column:
            if integer >= 0.8 || sqlShare >= 0.5 { return 0.2 }
            if existence >= 0.8 { return 0.15 }
            if share(statusWords) >= 0.8 && !(share(objectTypes) >= 0.8) { return 0.3 }
            return share(longTexts) >= 0.5 ? 0.5 : 1
        case .message:
            return integer >= 0.8 ? 0.3 : 1
        case .rowFilter:
            return integer >= 0.8 ? 0.3 : 1
        case .sourceValue, .targetValue:
            return existence >= 0.8 ? 0.5 : 1
        default:
            return 1
        }
    }

    // MARK: - Concepts the values alone point at

    /// Concepts a column's values point at without the header's help, with how strongly; the
    /// side of a sided concept is left to the caller (source first).
    var valueConcepts: [(ColumnConcept, Double)] {
        guard cells >= 2 else { return [] }
        var out: [(ColumnConcept, Double)] = []
        if share(dml) >= 0.8 { out.append((.repairSQL, 0.7)) }
        if share(sql) >= 0.8 && share(dml) < 0.5 { out.append((.selectSQL, 0.65)); out.append((.targetSelectSQL, 0.6)) }
        if share(existenceWords) >= 0.9 && share(statusWords) < 1 { out.append((.sourceExists, 0.6)); out.append((.targetExists, 0.55)) }
        if share(objectTypes) >= 0.8 { out.append((.objectType, 0.7)) }
        if share(differenceKinds) >= 0.8 { out.append((.differenceKind, 0.7)) }
        if share(operations) >= 0.8 { out.append((.operation, 0.7)) }
        if share(repairStates) >= 0.8 { out.append((.sqlState, 0.6)) }
        if share(statusWords) >= 0.8 { out.append((.status, 0.6)) }
        if share(keyValuePairs) >= 0.8 { out.append((.keyValues, 0.6)) }
        if share(predicates) >= 0.8 { out.append((.rowFilter, 0.6)) }
        if share(percents) >= 0.5 || (share(fractions) > 0 && share(integers + fractions + percents) >= 0.9 && maxNumber <= 100) {
            out.append((.samplingRatio, 0.6))
        }
        return out
    }

    /// The largest number among the distinct values seen (for ratios, which stay within 0…100).
    var maxNumber: Double {
        distinct.keys.compactMap { Double($0.trimmingPercent) }.max() ?? 0
    }

    // MARK: - Cell shapes

    enum StatementKind { case none, query, dml }

    /// A SQL statement, by its grammar's first words: `INSERT INTO`, `UPDATE … SET`, `DELETE FROM`,
    /// `SELECT … FROM`. A cell saying "Insert row" or "INSERT" names an operation instead.
    static func statementKind(_ text: String) -> StatementKind {
        var words: [String] = []
        var word = ""
        for scalar in text.unicodeScalars.prefix(400) {
            if (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) || scalar == "_" {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                words.append(word.lowercased())
                word = ""
            }
        }
        if !word.isEmpty { words.append(word.lowercased()) }
        guard let first = words.first else { return .none }
        let rest = words.dropFirst()
        switch first {
        case "insert", "replace", "merge", "upsert": return rest.prefix(2).contains("into") ? .dml : .none
        case "update": return rest.contains("set") ? .dml : .none
        case "delete": return rest.prefix(3).contains("from") ? .dml : .none
        case "truncate": return rest.first == "table" ? .dml : .none
        case "select": return rest.contains("from") || rest.count >= 1 && text.contains("*") ? .query : .none
        case "with": return rest.contains("select") ? .query : .none
        case "create", "alter", "drop":
            return ["table", "view", "index", "unique", "or", "procedure", "function", "trigger", "schema", "database", "sequence"]
                .contains(rest.first ?? "") ? .query : .none
        default: return .none
        }
    }

    /// `id=016628`, `id=1, line_no=2`, `{"id": 1}`.
    static func isKeyValuePairs(_ text: String) -> Bool {
        guard let equals = text.firstIndex(where: { $0 == "=" || $0 == ":" }), equals > text.startIndex else { return false }
        let key = text[..<equals].trimmingCharacters(in: " {\"'`")
        return !key.isEmpty && key.count <= 64 && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
            && statementKind(text) == .none
    }

    /// A row condition as DRS's row filter holds it: a comparison, IN, BETWEEN, LIKE or IS NULL.
    static func isPredicate(_ text: String) -> Bool {
        let lower = " " + text.lowercased() + " "
        guard text.unicodeScalars.count <= 400, !isKeyValuePairs(text) || lower.contains("'") || lower.contains(" and ") else { return false }
        let operators = [">", "<", "!=", " in (", " in(", " between ", " like ", " is null", " is not null", "= '", "='"]
        return operators.contains { lower.contains($0) }
    }

    /// A name as databases, tables and objects have: no spaces, not a number, at most 128 characters.
    static func isIdentifier(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard !scalars.isEmpty, scalars.count <= 128, CountParser.count(text: text) == nil else { return false }
        return !scalars.contains { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "=" || $0 == "(" || $0 == "," }
    }

    /// How strongly the values alone point at a concept, 0…2 (which column fills a gap).
    func strength(for concept: ColumnConcept) -> Double {
        switch concept {
        case _ where concept.isCount: return share(integers)
        case .samplingRatio: return share(integers + fractions + percents) + share(percents)
        case .selectSQL, .targetSelectSQL: return share(sql)
        case .repairSQL: return share(dml)
        case .sourceExists, .targetExists: return share(existenceWords)
        case .objectType: return share(objectTypes)
        case .differenceKind: return share(differenceKinds)
        case .operation: return share(operations)
        case .sqlState: return share(repairStates)
        case .status, .rowResult, .valueResult: return share(statusWords) + (isClosedVocabulary ? 0.5 : 0)
        case .keyValues: return share(keyValuePairs)
        case .rowFilter: return share(predicates)
        case .objectName, .sourceTable, .sourceDatabase: return share(identifiers)
        case .message: return 1 - share(identifiers + integers + fractions + percents + statusWords)
        default: return 0
        }
    }

    /// `2024-05-14 10:21:33`, `2024/05/14`, `10:21:33`.
    static func isTimestamp(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 8, scalars.count <= 32 else { return false }
        var digits = 0
        for scalar in scalars {
            if (0x30...0x39).contains(scalar.value) { digits += 1 } else if !"-/: .TZ+年月日时分秒".unicodeScalars.contains(scalar) { return false }
        }
        return digits >= 6
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> Substring {
        var slice = self
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return slice
    }
}

extension String {
    var trimmingPercent: String {
        var text = trimmedSpaces
        if text.hasSuffix("%") || text.hasSuffix("％") { text.removeLast() }
        return text.trimmedSpaces
    }
}
