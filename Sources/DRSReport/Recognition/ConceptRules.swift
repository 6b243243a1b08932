/// How column concepts compose from the senses of a header's parts, in any order: `source_rows` is
/// a source side with rows (a count, the table and the database may be named too), so "Rows in
/// origin DB", "Tgt Row Total" and "目标侧条数" need no entry of their own.
///
/// A rule fits a header when every required group is present (one sense of the group, in any
/// part; a part may serve several groups, as 源库 is a side and a database) and no excluded sense
/// is. How well it fits: the parts it explains against those it does not — a known word the
/// concept cannot account for counts fully against it, an unknown word a little (a word that can
/// only name a side, such as "after", half), fillers and units not at all — times the rule's factor (below 1 for readings that need the sheet's
/// context, such as a lone "Table" or "Type") and 0.85 when a group is met only by a weak sense.
struct ConceptRule: Sendable {
    let concept: ColumnConcept
    let required: [Set<Sense>]
    let optional: Set<Sense>
    let excluded: Set<Sense>
    let factor: Double
    /// Added to the specificity: which of two equally good readings a tie goes to.
    let bonus: Int

    init(_ concept: ColumnConcept, _ required: [Set<Sense>], optional: Set<Sense> = [], excluded: Set<Sense> = [], factor: Double = 1,
         bonus: Int = 0) {
        self.concept = concept
        self.required = required
        self.optional = optional
        self.excluded = excluded
        self.factor = factor
        self.bonus = bonus
    }

    /// Cost of a part the rule leaves unexplained.
    static let conflictCost = 1.0
    static let unknownCost = 0.6
    /// A word whose only job is to name a side ("after", "to", 后) that a reading leaves unused:
    /// "Key After" reads better as the target's key than as a key.
    static let weakSideCost = 0.5
    static let weakFactor = 0.85

    struct Fit: Sendable {
        let score: Double
        /// Required groups plus optional parts matched: a tie goes to the more specific reading.
        let specificity: Int
    }

    func fit(_ header: HeaderParts) -> Fit? {
        let parts = header.meaningful
        guard !parts.isEmpty else { return nil }
        for part in parts where !part.senses.isDisjoint(with: excluded) { return nil }
        var factor = self.factor
        for group in required {
            if parts.contains(where: { !$0.senses.isDisjoint(with: group) }) { continue }
            guard parts.contains(where: { !$0.weakSenses.isDisjoint(with: group) }) else { return nil }
            factor *= ConceptRule.weakFactor
        }
        let accepted = required.reduce(optional) { $0.union($1) }
        var explained = 0.0
        var against = 0.0
        var specificity = required.count + bonus
        for part in parts {
            if !part.known {
                against += ConceptRule.unknownCost
            } else if !part.allSenses.isDisjoint(with: accepted) {
                explained += 1
                if !part.allSenses.isDisjoint(with: optional) { specificity += 1 }
            } else if !part.senses.isEmpty {
                against += ConceptRule.conflictCost
            } else if !part.weakSenses.isEmpty, part.weakSenses.isSubset(of: [.source, .target]) {
                against += ConceptRule.weakSideCost
            }
        }
        guard explained > 0 else { return nil }
        return Fit(score: factor * explained / (explained + against), specificity: specificity)
    }

    // MARK: - The rules

    static let all: [ConceptRule] = {
        var rules: [ConceptRule] = []
        func sided(_ source: ColumnConcept, _ target: ColumnConcept, _ required: [Set<Sense>], optional: Set<Sense> = [],
                   excluded: Set<Sense> = [], factor: Double = 1) {
            rules.append(ConceptRule(source, [[.source]] + required, optional: optional, excluded: excluded.union([.target]), factor: factor))
            rules.append(ConceptRule(target, [[.target]] + required, optional: optional, excluded: excluded.union([.source]), factor: factor))
        }
        // Table identity. A name without a side ("Table", "Database" in a repair sheet) is the
        // source's: the source is the reference side of every DRS comparison.
        sided(.sourceDatabase, .targetDatabase, [[.database]], optional: [.name])
        rules.append(ConceptRule(.sourceDatabase, [[.database]], optional: [.name], excluded: [.source, .target], factor: 0.75))
        sided(.sourceTable, .targetTable, [[.table]], optional: [.name, .database])
        rules.append(ConceptRule(.sourceTable, [[.table]], optional: [.name, .database], excluded: [.source, .target], factor: 0.75))

        // Counts. Rows of a table; objects of a type; "count" alone reads as objects, and as rows
        // only a little less well (a table sheet has no object counts).
        sided(.sourceRows, .targetRows, [[.row]], optional: [.count, .total, .table, .database])
        sided(.sourceRows, .targetRows, [[.count]], optional: [.total, .table, .database], excluded: [.object], factor: 0.9)
        sided(.sourceCount, .targetCount, [[.count, .object]], optional: [.database, .object, .total], excluded: [.row])
        rules.append(ConceptRule(.difference, [[.difference]], optional: [.row, .count, .value, .table, .inconsistent, .total, .content],
                                 excluded: [.kind]))

        // Results. "Status" is the status; a lone "Result" is the status too (a "Status" column
        // beside it takes the status first), or the row result where a status column stands beside it.
        rules.append(ConceptRule(.status, [[.status]], optional: [.compare, .result]))
        rules.append(ConceptRule(.status, [[.result]], optional: [.compare], bonus: -1))
        rules.append(ConceptRule(.rowResult, [[.row], [.result, .status]], optional: [.compare, .count]))
        rules.append(ConceptRule(.rowResult, [[.count], [.result, .status]], optional: [.compare], excluded: [.object, .table, .source, .target],
                                 factor: 0.9))
        rules.append(ConceptRule(.rowResult, [[.result]], optional: [.compare],
                                 excluded: [.content, .value, .sql, .repair, .execution], factor: 0.8))
        rules.append(ConceptRule(.valueResult, [[.content, .value], [.result, .status]], optional: [.compare]))
        rules.append(ConceptRule(.message, [[.message, .error]], optional: [.message, .error]))
        rules.append(ConceptRule(.rowFilter, [[.filter]], optional: [.row, .content]))

        // Objects. A lone "Type" or "Name" is the object's, in an object sheet.
        rules.append(ConceptRule(.objectType, [[.object], [.kind]]))
        rules.append(ConceptRule(.objectType, [[.kind]], excluded: [.difference, .inconsistent, .operation, .source, .target, .sql],
                                 factor: 0.75))
        // "Object ID", "Object Identifier": what identifies an object is its name.
        rules.append(ConceptRule(.objectName, [[.object]], optional: [.name, .identifier]))
        rules.append(ConceptRule(.objectName, [[.name]], excluded: [.source, .target, .table, .database, .column], factor: 0.75))
        sided(.sourceValue, .targetValue, [[.value, .definition, .content]], optional: [.database, .column, .table, .object],
              excluded: [.key, .row, .count, .sql])
        // Existence of an object on a side: "Exists in source", or the side alone over
        // exists / does-not-exist cells (the values decide).
        sided(.sourceExists, .targetExists, [[.exists]], optional: [.object, .database, .table])
        sided(.sourceExists, .targetExists, [], optional: [.database, .object, .table], factor: 0.7)
        // A side alone over values: "Source" / "Target" in a differences sheet.
        sided(.sourceValue, .targetValue, [], optional: [.database, .column], factor: 0.65)

        // Value differences.
        rules.append(ConceptRule(.keyValues, [[.key]], optional: [.value, .column, .row], excluded: [.source, .target]))
        // "Row Identifier", "行标识": what identifies a row is its key.
        rules.append(ConceptRule(.keyValues, [[.row], [.identifier, .name]], optional: [.value], excluded: [.source, .target, .table]))
        sided(.sourceKeyValues, .targetKeyValues, [[.key]], optional: [.value, .database, .column])
        rules.append(ConceptRule(.column, [[.column]], optional: [.name, .difference, .inconsistent]))
        rules.append(ConceptRule(.differenceKind, [[.difference, .inconsistent], [.kind]], optional: [.value, .row]))
        rules.append(ConceptRule(.differenceKind, [[.kind]], excluded: [.object, .operation, .source, .target, .sql], factor: 0.7))
        rules.append(ConceptRule(.selectSQL, [[.select], [.sql]], optional: [.source, .database], excluded: [.target, .repair]))
        rules.append(ConceptRule(.selectSQL, [[.source], [.sql]], optional: [.select, .database], excluded: [.target, .repair]))
        rules.append(ConceptRule(.targetSelectSQL, [[.target], [.sql]], optional: [.select, .database], excluded: [.source, .repair]))

        // Repair.
        rules.append(ConceptRule(.repairSQL, [[.repair], [.sql]], excluded: [.result, .status]))
        rules.append(ConceptRule(.operation, [[.operation]], optional: [.kind, .repair, .sql]))
        rules.append(ConceptRule(.sqlState, [[.sql, .repair, .execution], [.result, .status]], optional: [.repair, .execution, .sql]))
        // In a repair sheet a lone "State" is the statement's, a lone "Type" its operation.
        rules.append(ConceptRule(.sqlState, [[.status, .result]], optional: [.compare], factor: 0.75))
        rules.append(ConceptRule(.sqlState, [[.execution]], factor: 0.75))
        rules.append(ConceptRule(.operation, [[.kind]], excluded: [.object, .difference, .inconsistent, .source, .target], factor: 0.7))
        rules.append(ConceptRule(.totalRows, [[.total], [.row]], optional: [.count, .repair], excluded: [.source, .target]))
        rules.append(ConceptRule(.totalRows, [[.repair], [.row, .count]], optional: [.total],
                                 excluded: [.repaired, .failed, .succeeded, .source, .target, .negation, .sql]))
        rules.append(ConceptRule(.repairedRows, [[.repaired], [.row, .count]], optional: [.repair]))
        rules.append(ConceptRule(.repairedRows, [[.repair], [.succeeded], [.row, .count]]))
        rules.append(ConceptRule(.repairedRows, [[.repaired]], factor: 0.8))
        rules.append(ConceptRule(.failedRows, [[.failed, .error], [.row, .count]], optional: [.repair]))
        rules.append(ConceptRule(.failedRows, [[.negation], [.repaired], [.row, .count]]))
        rules.append(ConceptRule(.failedRows, [[.repair], [.failed]], factor: 0.85))

        // Sampling.
        rules.append(ConceptRule(.samplingRatio, [[.ratio]], optional: [.sampling, .value]))
        rules.append(ConceptRule(.samplingRatio, [[.sampling]], factor: 0.8))

        // Database summaries: tables compared, finished, inconsistent, not comparable. Without
        // the word "table" they still read, a little less well.
        let tableCounts: Set<Sense> = [.count, .total]
        rules.append(ConceptRule(.tablesCompared, [[.table], [.compare]], optional: tableCounts,
                                 excluded: [.negation, .finished, .inconsistent, .uncomparable, .status, .result]))
        rules.append(ConceptRule(.tablesFinished, [[.table], [.finished]], optional: tableCounts.union([.compare])))
        rules.append(ConceptRule(.tablesFinished, [[.finished]], optional: tableCounts.union([.compare]), factor: 0.8))
        rules.append(ConceptRule(.tablesInconsistent, [[.table], [.inconsistent, .difference]], optional: tableCounts.union([.content]),
                                 excluded: [.kind]))
        rules.append(ConceptRule(.tablesUncomparable, [[.table], [.uncomparable]], optional: tableCounts.union([.compare, .negation])))
        rules.append(ConceptRule(.tablesUncomparable, [[.table], [.negation], [.compare]], optional: tableCounts))
        rules.append(ConceptRule(.tablesCompared, [[.compare]], optional: tableCounts,
                                 excluded: [.negation, .finished, .inconsistent, .uncomparable, .status, .result, .row, .content, .value],
                                 factor: 0.8))
        rules.append(ConceptRule(.tablesInconsistent, [[.inconsistent, .difference], [.count]], optional: [.total], excluded: [.kind, .row],
                                 factor: 0.8))
        rules.append(ConceptRule(.tablesUncomparable, [[.uncomparable]], optional: tableCounts.union([.compare]), factor: 0.8))
        rules.append(ConceptRule(.tablesUncomparable, [[.negation], [.compare]], optional: tableCounts, excluded: [.result, .status],
                                 factor: 0.8))
        return rules
    }()
}
