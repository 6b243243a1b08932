/// Decides what a sheet holds and what each of its columns means, together.
///
/// Each kind has a profile: the concepts it is expected to have, weighted by how telling they
/// are, and the ones it cannot do without. For every kind the columns are given concepts of its
/// profile, best reading first (header fit times how well the values fit; one concept per column,
/// one column per concept), then relations between columns are checked (a column equal to
/// source − target rows is the difference) and concepts the kind still lacks are looked for among
/// columns whose header says nothing drsdiff knows, by their values. A kind scores the weights of
/// its concepts found (times their fit), minus the fit of every header read as a concept the kind
/// does not expect; a sheet name or title pointing at the kind, and the compare type, add a point
/// each. The best kind wins; its reading of the columns is the sheet's.
enum SectionClassifier {
    struct Profile {
        let weights: [ColumnConcept: Double]
        /// At least one concept of each group must be present.
        let required: [Set<ColumnConcept>]
        var total: Double { weights.values.reduce(0, +) }
    }

    private static let tableIdentity: [ColumnConcept: Double] = [.sourceTable: 2, .targetTable: 1, .sourceDatabase: 0.5, .targetDatabase: 0.5]
    private static let tableValues: [ColumnConcept: Double] = tableIdentity.merging([
        .sourceRows: 1, .targetRows: 1, .difference: 1, .rowResult: 3, .valueResult: 3, .status: 1, .message: 0.5, .rowFilter: 0.5,
    ]) { $1 }

    static let profiles: [(SectionKind, Profile)] = [
        (.objectSummary, Profile(weights: [.objectType: 3, .sourceCount: 3, .targetCount: 3, .status: 1, .message: 0.3],
                                 required: [[.objectType], [.sourceCount, .targetCount]])),
        (.objectDifferences, Profile(weights: [.objectType: 2, .objectName: 3, .sourceValue: 2, .targetValue: 2, .status: 1, .message: 0.5,
                                               .sourceDatabase: 0.5, .targetDatabase: 0.5, .sourceExists: 1, .targetExists: 1],
                                     required: [[.objectName, .objectType]])),
        (.databaseSummary, Profile(weights: [.tablesCompared: 3, .tablesFinished: 2, .tablesInconsistent: 3, .tablesUncomparable: 2,
                                             .sourceDatabase: 1, .targetDatabase: 1, .status: 1, .message: 0.3],
                                   required: [[.tablesCompared, .tablesFinished, .tablesInconsistent, .tablesUncomparable]])),
        (.tableRowCounts, Profile(weights: tableIdentity.merging([.sourceRows: 3, .targetRows: 3, .difference: 2, .status: 1, .rowResult: 1,
                                                                  .rowFilter: 0.5, .message: 0.5]) { $1 },
                                  required: [[.sourceRows, .targetRows, .difference]])),
        (.cannotCompare, Profile(weights: tableIdentity.merging([.status: 1.5, .message: 2, .rowFilter: 0.5]) { $1 },
                                 required: [[.sourceTable, .targetTable], [.status, .message]])),
        (.tableValues, Profile(weights: tableValues, required: [[.rowResult, .valueResult]])),
        (.sampling, Profile(weights: tableValues.merging([.samplingRatio: 4]) { $1 }, required: [[.samplingRatio]])),
        (.valueDifferences, Profile(weights: tableIdentity.merging([.keyValues: 3, .column: 2, .sourceValue: 2, .targetValue: 2, .differenceKind: 3,
                                                                    .selectSQL: 2, .targetSelectSQL: 2, .sourceKeyValues: 1, .targetKeyValues: 1]) { $1 },
                                    required: [[.keyValues, .sourceKeyValues, .differenceKind, .selectSQL, .targetSelectSQL, .column]])),
        (.repairProgress, Profile(weights: tableIdentity.merging([.totalRows: 3, .repairedRows: 3, .failedRows: 3, .message: 0.3]) { $1 },
                                  required: [[.totalRows, .repairedRows, .failedRows]])),
        (.repairStatements, Profile(weights: tableIdentity.merging([.repairSQL: 3, .operation: 3, .sqlState: 2, .sourceKeyValues: 2,
                                                                    .targetKeyValues: 2, .keyValues: 1, .message: 0.3]) { $1 },
                                    required: [[.repairSQL, .operation, .sqlState]])),
    ]

    static func profile(of kind: SectionKind) -> Profile? { profiles.first { $0.0 == kind }?.1 }

    /// Below this confidence a sheet is `unknown`.
    static let minimumConfidence = 0.25
    /// A column takes a concept only when header and values together fit it at least this well.
    static let acceptance = 0.45

    struct Decision {
        let kind: SectionKind
        let confidence: Double
        let score: Double
        let columns: [ColumnMapping]
        let alternatives: [KindScore]
        /// Every kind the columns can be read as, best first (for a second look once the compare type is known).
        let readings: [Reading]
    }

    /// One kind's reading of the columns.
    struct Reading {
        let kind: SectionKind
        let base: Double
        let confidence: Double
        let columns: [ColumnMapping]
        /// The kind's defining concept was found without the kind's own word in its header (a
        /// bare "%" read as a sampling ratio): the reading needs the sheet's name or title, or
        /// the workbook, to say the kind (``supported(by:)``).
        var needsSupport = false

        /// Whether the reading may be chosen, given the kinds the sheet's name and title and the
        /// workbook's other texts point at.
        func supported(by hints: Set<SectionKind>) -> Bool { !needsSupport || hints.contains(kind) }

        func score(nameHints: Set<SectionKind>, compareType: CompareType?) -> Double {
            base + (nameHints.contains(kind) ? 1 : 0) + (compareType?.expectedSections.contains(kind) == true ? 1 : 0)
        }
    }

    /// Kinds whose defining concept must be found with the kind's own word (the sense) in its
    /// header, or else be backed by the sheet's or the workbook's texts: a progress or completion
    /// percentage in a value overview reads as a ratio too, and is no sampling.
    static let definingWords: [SectionKind: (concept: ColumnConcept, sense: Sense)] = [.sampling: (.samplingRatio, .sampling)]

    /// `workbookHints`: the kinds every sheet's name and title and the workbook's stated compare
    /// type point at.
    static func classify(_ sheet: SheetEvidence, nameHints: Set<SectionKind>, workbookHints: Set<SectionKind> = [],
                         compareType: CompareType?) -> Decision {
        let readings = profiles.compactMap { read(sheet, as: $0.0, profile: $0.1, named: nameHints.contains($0.0)) }
        let supported = readings.filter { $0.supported(by: nameHints.union(workbookHints)) }
        // A reading that needs support and has none loses to any other acceptable reading.
        let pool = supported.contains { $0.confidence >= minimumConfidence && $0.base > 0 } ? supported : readings
        return decide(pool, sheet: sheet, nameHints: nameHints, compareType: compareType)
    }

    static func decide(_ readings: [Reading], sheet: SheetEvidence, nameHints: Set<SectionKind>, compareType: CompareType?) -> Decision {
        let scored = readings.map { ($0, $0.score(nameHints: nameHints, compareType: compareType)) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.confidence > $1.0.confidence }
        let unmatched = sheet.columns.map { ColumnMapping(index: $0.index, header: $0.header) }
        guard let best = scored.first, best.1 > 0, best.0.confidence >= minimumConfidence else {
            return Decision(kind: .unknown, confidence: 0, score: 0, columns: headerOnly(sheet),
                            alternatives: scored.prefix(3).map { KindScore(kind: $0.0.kind, confidence: $0.0.confidence) }, readings: readings)
        }
        _ = unmatched
        return Decision(kind: best.0.kind, confidence: best.0.confidence, score: best.1, columns: best.0.columns,
                        alternatives: scored.dropFirst().prefix(2).map { KindScore(kind: $0.0.kind, confidence: $0.0.confidence) },
                        readings: readings)
    }

    /// Columns read by their headers alone, for a sheet that is no section: what `inspect` shows.
    static func headerOnly(_ sheet: SheetEvidence) -> [ColumnMapping] {
        var taken: Set<ColumnConcept> = []
        var columns = sheet.columns.map { ColumnMapping(index: $0.index, header: $0.header) }
        let claims = sheet.columns.enumerated().flatMap { position, column in column.candidates.map { (position, $0) } }
            .sorted { a, b in Vocabulary.ranks(a.1, above: b.1) || (!Vocabulary.ranks(b.1, above: a.1) && a.0 < b.0) }
        for (position, candidate) in claims where columns[position].concept == nil && !taken.contains(candidate.concept) {
            taken.insert(candidate.concept)
            columns[position].concept = candidate.concept
            columns[position].score = candidate.score
            columns[position].via = candidate.via
            columns[position].evidence = "header: " + sheet.columns[position].parts.description
        }
        for (position, column) in sheet.columns.enumerated() where !column.ignored && columns[position].concept == nil {
            if columns[position].evidence == nil, !column.parts.isEmpty { columns[position].evidence = "header: " + column.parts.description }
            let others = suggestions(column, weights: [:], missing: [], except: nil)
            if !others.isEmpty { columns[position].candidates = others }
        }
        return columns
    }

    // MARK: - One kind's reading

    private struct Claim {
        let position: Int
        let concept: ColumnConcept
        let score: Double
        let header: Vocabulary.ColumnCandidate?
        let compatibility: Double
    }

    static func read(_ sheet: SheetEvidence, as kind: SectionKind, profile: Profile, named: Bool) -> Reading? {
        let weights = profile.weights
        var claims: [Claim] = []
        for (position, column) in sheet.columns.enumerated() where !column.ignored {
            for candidate in column.candidates {
                let compatibility = candidate.exactPhrase ? 1 : column.profile.compatibility(with: candidate.concept)
                claims.append(Claim(position: position, concept: candidate.concept, score: candidate.score * compatibility,
                                    header: candidate, compatibility: compatibility))
            }
            // "Source Object" reads weakly as an object's name: the side counts against it.
            for candidate in column.candidates + column.weakReadings {
                guard let table = tableNamed(by: candidate, column, weights: weights) else { continue }
                let fit = column.profile.compatibility(with: table)
                claims.append(Claim(position: position, concept: table, score: max(candidate.score, genericNameFit) * fit * genericNameDiscount,
                                    header: candidate, compatibility: fit))
            }
            // Values speak for a column whose header says nothing drsdiff knows, or only what they contradict.
            let overruled = column.candidates.allSatisfy { !$0.exactPhrase && column.profile.compatibility(with: $0.concept) < 0.5 }
            if overruled {
                for (concept, strength) in column.profile.valueConcepts where sideFits(concept, column.side) {
                    let compatibility = column.profile.compatibility(with: concept)
                    claims.append(Claim(position: position, concept: concept, score: strength * compatibility, header: nil,
                                        compatibility: compatibility))
                }
            }
        }
        // A concept the kind does not expect still claims its column (so a value result is not
        // read as a status in a row-count reading), a little behind the kind's own concepts.
        func rank(_ claim: Claim) -> Double { weights[claim.concept] == nil ? claim.score * foreignDiscount : claim.score }
        claims.sort { a, b in
            if rank(a) != rank(b) { return rank(a) > rank(b) }
            if let x = a.header, let y = b.header, Vocabulary.ranks(x, above: y) != Vocabulary.ranks(y, above: x) { return Vocabulary.ranks(x, above: y) }
            if a.position != b.position { return a.position < b.position }
            return a.concept < b.concept
        }
        var columns = sheet.columns.map { ColumnMapping(index: $0.index, header: $0.header) }
        var fits = [Double](repeating: 0, count: columns.count)
        var taken: [ColumnConcept: Int] = [:]
        var foreign = 0.0
        var claimed = [Bool](repeating: false, count: columns.count)
        for claim in claims where claim.score >= acceptance && !claimed[claim.position] && taken[claim.concept] == nil {
            claimed[claim.position] = true
            taken[claim.concept] = claim.position
            guard weights[claim.concept] != nil else {
                foreign += foreignPenalty * claim.score
                continue
            }
            fits[claim.position] = claim.score
            columns[claim.position] = mapping(sheet.columns[claim.position], claim)
        }
        taken = taken.filter { weights[$0.key] != nil }
        relateDifference(sheet, weights: weights, columns: &columns, fits: &fits, taken: &taken)
        relateTableCounts(sheet, weights: weights, columns: &columns, fits: &fits, taken: &taken)
        fillGaps(sheet, weights: weights, columns: &columns, fits: &fits, taken: &taken)
        // Counts found by their values can reveal the difference column only now.
        relateDifference(sheet, weights: weights, columns: &columns, fits: &fits, taken: &taken)
        relateResult(sheet, kind: kind, columns: &columns, fits: &fits, taken: &taken)
        relateRepairTotal(sheet, weights: weights, columns: &columns, fits: &fits, taken: &taken)

        let found = Set(taken.keys)
        guard profile.required.allSatisfy({ !$0.isDisjoint(with: found) }) else { return nil }
        // Other readings are offered where the decision was the values' or none was made.
        for position in columns.indices where !sheet.columns[position].ignored && (columns[position].concept == nil || columns[position].inferred == true) {
            let others = suggestions(sheet.columns[position], weights: weights, missing: weights.keys.filter { taken[$0] == nil },
                                     except: columns[position].concept)
            if !others.isEmpty { columns[position].candidates = others }
        }
        var matched = 0.0
        for (concept, position) in taken { matched += (weights[concept] ?? 0) * fits[position] }
        let weightFound = found.reduce(0.0) { $0 + (weights[$1] ?? 0) }
        let share = max(0, weightFound - foreign) / profile.total
        let headerShare = columns.isEmpty ? 0 : Double(found.count) / Double(columns.count)
        let confidence = min(1, share * headerShare + (named ? 0.1 : 0))
        var reading = Reading(kind: kind, base: matched - foreign, confidence: (confidence * 100).rounded() / 100, columns: columns)
        if let defining = definingWords[kind], let position = taken[defining.concept] {
            reading.needsSupport = !sheet.columns[position].parts.meaningful.contains { $0.senses.contains(defining.sense) }
        }
        return reading
    }

    /// Other concepts a column could be, best first: its header's other readings (weak ones too)
    /// weighed by its values, what its values point at, and for an unmatched column the kind's
    /// concepts still missing that its values fit.
    private static func suggestions(_ column: ColumnEvidence, weights: [ColumnConcept: Double], missing: [ColumnConcept],
                                    except concept: ColumnConcept?) -> [ConceptScore] {
        var scores: [ColumnConcept: Double] = [:]
        let measured = column.profile.share(column.profile.timestamps + column.profile.integers + column.profile.fractions)
        func offer(_ concept: ColumnConcept, _ score: Double) {
            guard score >= 0.2 else { return }
            // Times and numbers are never words: a column of them is no result, state, kind or type.
            if concept.isWordValued, measured >= wordlessShare { return }
            scores[concept] = max(scores[concept] ?? 0, score)
        }
        for candidate in column.candidates + column.weakReadings {
            offer(candidate.concept, candidate.score * column.profile.compatibility(with: candidate.concept))
        }
        for (value, strength) in column.profile.valueConcepts where sideFits(value, column.side) {
            offer(value, strength * column.profile.compatibility(with: value))
        }
        if concept == nil, !column.isForeign, column.profile.cells > 0 {
            for value in missing where column.profile.compatibility(with: value) >= 0.9 && sideFits(value, column.side)
                && column.profile.strength(for: value) >= 0.5 {
                offer(value, 0.2 + 0.1 * min(1, column.profile.strength(for: value)))
            }
        }
        return scores.filter { $0.key != concept }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3)
            .map { ConceptScore(concept: $0.key, score: ($0.value * 100).rounded() / 100) }
    }

    /// A header naming a generic thing ("Object", "Item", "对象") over cells of names, in a kind
    /// whose records are tables: the table, on the header's side (source unless it says target).
    private static func tableNamed(by candidate: Vocabulary.ColumnCandidate, _ column: ColumnEvidence,
                                   weights: [ColumnConcept: Double]) -> ColumnConcept? {
        guard candidate.concept == .objectName, weights[.objectName] == nil, weights[.sourceTable] != nil,
              column.profile.cells > 0, column.profile.share(column.profile.identifiers) >= genericNameIdentifiers,
              !column.profile.isClosedVocabulary || column.profile.distinct.count > 2 else { return nil }
        return column.side == .target ? .targetTable : .sourceTable
    }

    /// A column with at least this share of timestamps and numbers is offered no word-valued concept.
    static let wordlessShare = 0.5

    /// A generic name read as the table ranks a little behind a header that says "table".
    static let genericNameDiscount = 0.9
    /// "Source Object": the side a table has explains the header fully once the noun is read as
    /// the table, though as an object's name the side word counts against it.
    static let genericNameFit = 0.7
    /// Share of a column's cells that must be names (no spaces, not numbers) for it to be a table's.
    static let genericNameIdentifiers = 0.9

    /// How far behind a kind's own concepts one it does not expect ranks, and what such a column costs the kind.
    static let foreignDiscount = 0.7
    static let foreignPenalty = 1.5

    private static func sideFits(_ concept: ColumnConcept, _ side: Sense?) -> Bool {
        guard let side else { return true }
        switch concept {
        case .selectSQL, .sourceExists, .sourceKeyValues, .sourceValue: return side == .source
        case .targetSelectSQL, .targetExists, .targetKeyValues, .targetValue: return side == .target
        default: return true
        }
    }

    private static func mapping(_ column: ColumnEvidence, _ claim: Claim) -> ColumnMapping {
        let profile = column.profile
        var mapping = ColumnMapping(index: column.index, header: column.header, concept: claim.concept,
                                    score: (claim.score * 100).rounded() / 100)
        let header = "header: " + column.parts.description
        if let candidate = claim.header {
            mapping.via = candidate.via
            var evidence = header
            if !profile.isEmpty, !candidate.exactPhrase {
                evidence += "; values: " + describe(profile, as: claim.concept)
                if let best = column.candidates.first, best.concept != claim.concept, !best.exactPhrase {
                    let bestFit = best.score * profile.compatibility(with: best.concept)
                    if bestFit < claim.score, profile.compatibility(with: best.concept) < 1 {
                        mapping.inferred = true
                        mapping.via = "key words and values"
                        evidence += "; the values do not fit \(best.concept.rawValue) (header fit \(format(best.score)))"
                    }
                }
            }
            if !column.learnedWords.isEmpty {
                mapping.inferred = true
                evidence += "; " + column.learnedWords.joined(separator: "; ")
            }
            mapping.evidence = evidence
        } else {
            mapping.via = "values"
            mapping.inferred = true
            mapping.evidence = header + (column.parts.isEmpty ? "" : " (no concept)") + "; values: " + describe(profile, as: claim.concept)
        }
        return mapping
    }

    // MARK: - Relations between columns

    /// A column of whole numbers equal to source − target rows (or target − source) on nearly
    /// every sampled row, with at least one row where they differ, is the difference, whatever
    /// its header says.
    private static func relateDifference(_ sheet: SheetEvidence, weights: [ColumnConcept: Double], columns: inout [ColumnMapping],
                                         fits: inout [Double], taken: inout [ColumnConcept: Int]) {
        guard weights[.difference] != nil, let source = taken[.sourceRows], let target = taken[.targetRows] else { return }
        let s = sheet.counts(at: sheet.columns[source].index)
        let t = sheet.counts(at: sheet.columns[target].index)
        var best: (position: Int, agree: Int, rows: Int)?
        for (position, column) in sheet.columns.enumerated() where position != source && position != target && !column.ignored {
            guard column.profile.share(column.profile.integers) >= 0.8 else { continue }
            let d = sheet.counts(at: column.index)
            var rows = 0
            var agree = 0
            var nonzero = 0
            for row in 0..<d.count {
                guard let a = s[row], let b = t[row], let c = d[row] else { continue }
                rows += 1
                if c == a &- b || c == b &- a { agree += 1 }
                if a != b { nonzero += 1 }
            }
            guard rows >= 3, nonzero >= 1, Double(agree) >= 0.9 * Double(rows) else { continue }
            if best.map({ agree > $0.agree }) ?? true { best = (position, agree, rows) }
        }
        guard let best else { return }
        let evidence = "equals \(ColumnConcept.sourceRows.rawValue) − \(ColumnConcept.targetRows.rawValue) on \(best.agree) of \(best.rows) sampled rows"
        if let current = taken[.difference] {
            if current == best.position {
                columns[current].evidence = (columns[current].evidence ?? "") + "; " + evidence
                return
            }
            columns[current] = ColumnMapping(index: columns[current].index, header: columns[current].header)
            fits[current] = 0
        }
        if let previous = columns[best.position].concept { taken[previous] = nil }
        let column = sheet.columns[best.position]
        let headerSaid = columns[best.position].concept
        taken[.difference] = best.position
        fits[best.position] = 0.95
        columns[best.position] = ColumnMapping(
            index: column.index, header: column.header, concept: .difference, score: 0.95,
            via: column.candidates.first?.concept == .difference ? "key words and values" : "values",
            inferred: column.candidates.first?.concept == .difference ? nil : true,
            evidence: "header: " + column.parts.description + (headerSaid.map { " (read as \($0.rawValue))" } ?? "") + "; " + evidence)
    }

    /// The concept a kind's row-count result is: a separate row result where the kind has one
    /// beside a value result, or beside a status column of a row-count sheet (which then holds
    /// reasons), else the status.
    private static func rowResultConcept(of kind: SectionKind, taken: [ColumnConcept: Int]) -> ColumnConcept? {
        switch kind {
        case .tableValues, .sampling: return .rowResult
        case .tableRowCounts: return taken[.status] == nil ? .status : .rowResult
        default: return nil
        }
    }

    /// A result column must split the sampled rows by whether their counts agree at least this cleanly.
    static let resultPurity = 0.9
    /// Closed vocabularies only: a result column holds at most this many distinct texts in the sample.
    static let resultWords = 8

    /// The few-valued column whose words split the sampled rows exactly as their counts agree or
    /// differ is the row-count result, whatever its header says ("Same number of rows?", a word
    /// never seen): when the kind's result is missing, or held by a column whose words do not
    /// split the rows so, while this one does and holds no other concept the kind needs.
    private static func relateResult(_ sheet: SheetEvidence, kind: SectionKind, columns: inout [ColumnMapping],
                                     fits: inout [Double], taken: inout [ColumnConcept: Int]) {
        guard let concept = rowResultConcept(of: kind, taken: taken) else { return }
        let counted = taken
        let index = { (concept: ColumnConcept) in counted[concept].map { sheet.columns[$0].index } }
        let agreements = sheet.agreements(source: index(.sourceRows), target: index(.targetRows), difference: index(.difference))
        func purity(_ position: Int) -> Double? {
            let column = sheet.columns[position]
            guard !column.ignored, !column.isForeign, column.profile.share(column.profile.integers) < 0.5,
                  column.profile.distinct.count <= resultWords, !column.profile.distinctOverflow else { return nil }
            return sheet.purity(of: column.index, agreements: agreements)
        }
        // A result already splitting the rows so stays.
        if let current = taken[concept], (purity(current) ?? 0) >= resultPurity { return }
        // A row-count sheet whose status already splits the rows so has its result: another
        // column splitting them too is a second result only when it has fewer words, the coarser
        // verdict ("正常" / "异常" beside "条数正常" / "条数异常" / "核对超时"), never one that says as
        // much or more than the status (a remark written only where the counts differ).
        let splittingStatus = kind == .tableRowCounts ? taken[.status].flatMap { (purity($0) ?? 0) >= resultPurity ? $0 : nil } : nil
        let found = sheet.columns.indices.filter { position in
            guard (purity(position) ?? 0) >= resultPurity else { return false }
            guard concept == .rowResult, let status = splittingStatus else { return true }
            return sheet.columns[position].profile.distinct.count < sheet.columns[status].profile.distinct.count
        }
        // The column whose header reads as the result, else one without a concept, else (beside a
        // value result) a status the values alone gave: its words were read as results before the
        // counts were seen. A row-count sheet's status keeps its column.
        guard let position = found.first(where: { columns[$0].concept == concept }) ?? found.first(where: { columns[$0].concept == nil })
            ?? found.first(where: { columns[$0].concept == .status && columns[$0].inferred == true && kind != .tableRowCounts })
        else { return }
        if let current = taken[concept], current != position {
            columns[current] = ColumnMapping(index: columns[current].index, header: columns[current].header)
            fits[current] = 0
        }
        if let previous = columns[position].concept, previous != concept { taken[previous] = nil }
        let column = sheet.columns[position]
        taken[concept] = position
        fits[position] = resultFit
        columns[position] = ColumnMapping(
            index: column.index, header: column.header, concept: concept, score: resultFit,
            via: column.candidates.isEmpty ? "values" : "key words and values", inferred: true,
            evidence: "header: " + column.parts.description + "; its words split the sampled rows as their counts agree or differ"
                + "; values: " + describe(column.profile, as: concept))
    }

    /// Share of the sampled rows on which a relation between counts must hold to decide a column.
    static let relationAgreement = 0.9

    /// In repair progress every row to repair was either repaired or failed: a column of whole
    /// numbers equal to repaired + failed on the sampled rows is the total, whatever its header
    /// says ("Records To Correct").
    private static func relateRepairTotal(_ sheet: SheetEvidence, weights: [ColumnConcept: Double], columns: inout [ColumnMapping],
                                          fits: inout [Double], taken: inout [ColumnConcept: Int]) {
        guard weights[.totalRows] != nil, taken[.totalRows] == nil, let repaired = taken[.repairedRows], let failed = taken[.failedRows] else { return }
        let r = sheet.counts(at: sheet.columns[repaired].index)
        let f = sheet.counts(at: sheet.columns[failed].index)
        for (position, column) in sheet.columns.enumerated() where columns[position].concept == nil && !column.ignored && !column.isForeign {
            guard column.profile.share(column.profile.integers) >= 0.8 else { continue }
            let t = sheet.counts(at: column.index)
            var rows = 0
            var sums = 0
            for row in t.indices {
                guard let total = t[row], let a = r[row], let b = f[row] else { continue }
                rows += 1
                if total == a &+ b { sums += 1 }
            }
            guard rows >= 2, Double(sums) >= relationAgreement * Double(rows) else { continue }
            taken[.totalRows] = position
            fits[position] = relationFit
            columns[position] = ColumnMapping(
                index: column.index, header: column.header, concept: .totalRows, score: relationFit,
                via: column.candidates.isEmpty ? "values" : "key words and values", inferred: true,
                evidence: "header: " + column.parts.description + "; equals \(ColumnConcept.repairedRows.rawValue) + "
                    + "\(ColumnConcept.failedRows.rawValue) on \(sums) of \(rows) sampled rows")
            return
        }
    }

    /// How well a column found by a relation between counts fits.
    static let relationFit = 0.9

    /// How well a result found by its split of the rows fits.
    static let resultFit = 0.8

    /// In a database summary every table compared either finished or could not be compared:
    /// compared = finished + not comparable. When a column read as the tables compared is that sum
    /// short of the not-comparable tables, and another column is the sum, the first holds the
    /// finished tables and the second the compared ones, whatever their headers say.
    private static func relateTableCounts(_ sheet: SheetEvidence, weights: [ColumnConcept: Double], columns: inout [ColumnMapping],
                                          fits: inout [Double], taken: inout [ColumnConcept: Int]) {
        guard weights[.tablesFinished] != nil, taken[.tablesFinished] == nil, let compared = taken[.tablesCompared],
              let uncomparable = taken[.tablesUncomparable] else { return }
        let a = sheet.counts(at: sheet.columns[compared].index)
        let u = sheet.counts(at: sheet.columns[uncomparable].index)
        for (position, column) in sheet.columns.enumerated() where columns[position].concept == nil && !column.ignored && !column.isForeign {
            guard column.profile.share(column.profile.integers) >= 0.8 else { continue }
            let b = sheet.counts(at: column.index)
            var rows = 0
            var sums = 0
            var strict = 0
            for row in b.indices {
                guard let x = a[row], let y = b[row] else { continue }
                rows += 1
                if y == x + (u[row] ?? 0) { sums += 1 }
                if (u[row] ?? 0) > 0 { strict += 1 }
            }
            guard rows >= 2, strict >= 1, Double(sums) >= 0.9 * Double(rows) else { continue }
            let evidence = "equals \(ColumnConcept.tablesFinished.rawValue) + \(ColumnConcept.tablesUncomparable.rawValue) on \(sums) of \(rows) sampled rows"
            let finished = sheet.columns[compared]
            columns[compared] = ColumnMapping(index: finished.index, header: finished.header, concept: .tablesFinished, score: 0.9,
                                              via: "key words and values", inferred: true,
                                              evidence: "header: " + finished.parts.description + "; another column " + evidence)
            columns[position] = ColumnMapping(index: column.index, header: column.header, concept: .tablesCompared, score: 0.9,
                                              via: column.candidates.isEmpty ? "values" : "key words and values", inferred: true,
                                              evidence: "header: " + column.parts.description + "; " + evidence)
            taken[.tablesFinished] = compared
            taken[.tablesCompared] = position
            fits[compared] = 0.9
            fits[position] = 0.9
            return
        }
    }

    /// Concepts the kind expects but did not find, looked for among the columns whose header
    /// says nothing drsdiff knows: values that only one concept has (SQL, existence words, object
    /// types, counts where counts are missing, row conditions…), the column whose values point at
    /// it most strongly winning (sided concepts go source first, left to right). A name (an
    /// object's, a table's) is taken only from the one such column of names there is.
    private static func fillGaps(_ sheet: SheetEvidence, weights: [ColumnConcept: Double], columns: inout [ColumnMapping],
                                 fits: inout [Double], taken: inout [ColumnConcept: Int]) {
        let missing = weights.keys.filter { taken[$0] == nil }.sorted { (weights[$0]!, $1) > (weights[$1]!, $0) }
        for concept in missing where gapFillable(concept) {
            var qualifying: [(position: Int, strength: Double)] = []
            for (position, column) in sheet.columns.enumerated() where columns[position].concept == nil && !column.ignored {
                guard column.candidates.isEmpty, !column.isForeign, column.profile.cells >= 2, sideFits(concept, column.side),
                      column.profile.compatibility(with: concept) >= 0.9, distinctive(concept, column.profile) else { continue }
                if [.status, .rowResult, .valueResult].contains(concept) {
                    guard resultLike(column, in: sheet, taken: taken) else { continue }
                    // A second column of results needs words that read as results, not only a split
                    // of the rows a few names could make by chance.
                    let results = [ColumnConcept.status, .rowResult, .valueResult].filter { taken[$0] != nil }
                    if !results.isEmpty, column.profile.share(column.profile.statusWords) < 0.5 { continue }
                }
                qualifying.append((position, column.profile.strength(for: concept)))
            }
            if [.objectName, .sourceTable, .sourceDatabase].contains(concept), qualifying.count != 1 { continue }
            guard let position = qualifying.max(by: { $0.strength != $1.strength ? $0.strength < $1.strength : $0.position > $1.position })?.position
            else { continue }
            let column = sheet.columns[position]
            taken[concept] = position
            fits[position] = 0.5
            columns[position] = ColumnMapping(
                index: column.index, header: column.header, concept: concept, score: 0.5, via: "values", inferred: true,
                evidence: "header: " + column.parts.description + "; values: " + describe(column.profile, as: concept)
                    + "; the sheet has no other column for \(concept.rawValue)")
        }
    }

    /// A column of unknown words holds results when its words split the rows by whether their
    /// counts agree; without counts to judge by, when most of its words read as results.
    private static func resultLike(_ column: ColumnEvidence, in sheet: SheetEvidence, taken: [ColumnConcept: Int]) -> Bool {
        let index = { (concept: ColumnConcept) in taken[concept].map { sheet.columns[$0].index } }
        var agreements = sheet.agreements(source: index(.sourceRows) ?? index(.sourceCount), target: index(.targetRows) ?? index(.targetCount),
                                          difference: index(.difference))
        if agreements.allSatisfy({ $0 == nil }), let source = index(.sourceValue), let target = index(.targetValue) {
            agreements = sheet.agreements(sourceValue: source, targetValue: target)
        }
        if let purity = sheet.purity(of: column.index, agreements: agreements) { return purity >= 0.9 }
        return column.profile.share(column.profile.statusWords) >= 0.5
    }

    private static func gapFillable(_ concept: ColumnConcept) -> Bool {
        switch concept {
        case _ where concept.isCount: return true
        case .samplingRatio, .selectSQL, .targetSelectSQL, .repairSQL, .sourceExists, .targetExists, .objectType, .differenceKind,
             .operation, .sqlState, .status, .rowResult, .valueResult, .keyValues, .rowFilter, .objectName, .sourceTable, .sourceDatabase:
            return true
        default: return false
        }
    }

    private static func distinctive(_ concept: ColumnConcept, _ profile: ColumnProfile) -> Bool {
        switch concept {
        case .status, .rowResult, .valueResult:
            return (profile.isClosedVocabulary || profile.share(profile.statusWords) >= 0.7) && profile.share(profile.integers) < 0.5
        case .sqlState: return profile.share(profile.repairStates) >= 0.8
        case .keyValues: return profile.share(profile.keyValuePairs) >= 0.8
        case .rowFilter: return profile.share(profile.predicates) >= 0.8
        case .objectName, .sourceTable, .sourceDatabase:
            return profile.share(profile.identifiers) >= 0.9 && !profile.isClosedVocabulary && profile.share(profile.objectTypes) < 0.5
        default: return true
        }
    }

    // MARK: - Descriptions

    /// The values' profile in a phrase; the words themselves for a column of words (results, kinds…).
    static func describe(_ profile: ColumnProfile, as concept: ColumnConcept) -> String {
        guard profile.cells > 0 else { return "all \(profile.rows) sampled cells empty" }
        var traits: [String] = []
        func trait(_ count: Int, _ what: String) {
            guard count > 0 else { return }
            traits.append(count == profile.cells ? "all \(what)" : "\(count) \(what)")
        }
        trait(profile.integers, "whole numbers")
        trait(profile.fractions, "fractions")
        trait(profile.percents, "percentages")
        trait(profile.sql, "SQL statements")
        trait(profile.keyValuePairs, "key=value pairs")
        trait(profile.statusWords, "result words")
        trait(profile.existenceWords, "existence words")
        trait(profile.objectTypes, "object types")
        trait(profile.differenceKinds, "difference kinds")
        trait(profile.operations, "operations")
        trait(profile.repairStates, "repair states")
        trait(profile.timestamps, "timestamps")
        var text = "\(profile.cells) of \(profile.rows) sampled cells filled"
        if !traits.isEmpty { text += ": " + traits.joined(separator: ", ") }
        let words: Set<ColumnConcept> = [.status, .rowResult, .valueResult, .sqlState, .operation, .differenceKind, .objectType,
                                         .sourceExists, .targetExists]
        if words.contains(concept), profile.isClosedVocabulary {
            text += "; words " + profile.distinctOrder.prefix(6).map { "\"\(quoted($0))\"" }.joined(separator: ", ")
        }
        return text
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}

/// A cell's text on one line for a message: line breaks as `⏎`, long texts cut at 40 characters.
func quoted(_ text: String) -> String {
    var out = ""
    for character in text.prefix(41) { out.append(character == "\n" || character == "\r\n" ? "⏎" : character) }
    return text.count > 40 ? String(out.prefix(39)) + "…" : out
}
