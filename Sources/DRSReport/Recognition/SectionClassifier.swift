/// Decides what a sheet holds from the set of column concepts its header carries.
///
/// Each kind has a profile: the concepts it is expected to have, weighted by how telling they
/// are, and the ones it cannot do without. A kind scores the weights of its concepts present,
/// minus one for every concept present that it does not expect; a sheet name or title pointing
/// at the kind, and the caller's compare type, add a point each. Confidence is the share of the
/// profile's weight present times the share of header cells matched, plus 0.1 when the sheet's
/// name agrees, at most 1.
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
        (.objectSummary, Profile(weights: [.objectType: 3, .sourceCount: 3, .targetCount: 3, .status: 1],
                                 required: [[.objectType], [.sourceCount, .targetCount]])),
        (.objectDifferences, Profile(weights: [.objectType: 2, .objectName: 3, .sourceValue: 2, .targetValue: 2, .status: 1, .message: 0.5,
                                               .sourceDatabase: 0.5, .targetDatabase: 0.5],
                                     required: [[.objectName, .objectType]])),
        (.databaseSummary, Profile(weights: [.tablesCompared: 3, .tablesFinished: 2, .tablesInconsistent: 3, .tablesUncomparable: 2,
                                             .sourceDatabase: 1, .targetDatabase: 1, .status: 1],
                                   required: [[.tablesCompared, .tablesFinished, .tablesInconsistent, .tablesUncomparable]])),
        (.tableRowCounts, Profile(weights: tableIdentity.merging([.sourceRows: 3, .targetRows: 3, .difference: 2, .status: 1, .rowFilter: 0.5,
                                                                  .message: 0.5]) { $1 },
                                  required: [[.sourceRows, .targetRows, .difference]])),
        (.cannotCompare, Profile(weights: tableIdentity.merging([.status: 1.5, .message: 2, .rowFilter: 0.5]) { $1 },
                                 required: [[.sourceTable, .targetTable], [.status, .message]])),
        (.tableValues, Profile(weights: tableValues, required: [[.rowResult, .valueResult]])),
        (.sampling, Profile(weights: tableValues.merging([.samplingRatio: 4]) { $1 }, required: [[.samplingRatio]])),
        (.valueDifferences, Profile(weights: tableIdentity.merging([.keyValues: 3, .column: 2, .sourceValue: 2, .targetValue: 2, .differenceKind: 3,
                                                                    .selectSQL: 2, .targetSelectSQL: 2, .sourceKeyValues: 1, .targetKeyValues: 1]) { $1 },
                                    required: [[.keyValues, .sourceKeyValues, .differenceKind, .selectSQL, .targetSelectSQL, .column]])),
        (.repairProgress, Profile(weights: tableIdentity.merging([.totalRows: 3, .repairedRows: 3, .failedRows: 3]) { $1 },
                                  required: [[.totalRows, .repairedRows, .failedRows]])),
        (.repairStatements, Profile(weights: tableIdentity.merging([.repairSQL: 3, .operation: 3, .sqlState: 2, .sourceKeyValues: 2,
                                                                    .targetKeyValues: 2, .keyValues: 1]) { $1 },
                                    required: [[.repairSQL, .operation, .sqlState]])),
    ]

    /// Below this confidence a sheet is `unknown`.
    static let minimumConfidence = 0.25

    struct Decision {
        let kind: SectionKind
        let confidence: Double
        let alternatives: [KindScore]
    }

    static func classify(_ header: HeaderReading, nameHints: Set<SectionKind>, compareType: CompareType?) -> Decision {
        let concepts = header.concepts
        let headerShare = header.columns.isEmpty ? 0 : Double(header.matched) / Double(header.columns.count)
        var scored: [(kind: SectionKind, score: Double, confidence: Double)] = []
        for (kind, profile) in profiles {
            guard profile.required.allSatisfy({ !$0.isDisjoint(with: concepts) }) else { continue }
            var matched = 0.0
            var foreign = 0.0
            for concept in concepts {
                if let weight = profile.weights[concept] { matched += weight } else { foreign += 1 }
            }
            let named = nameHints.contains(kind)
            let expected = compareType?.expectedSections.contains(kind) ?? false
            let score = matched - foreign + (named ? 1 : 0) + (expected ? 1 : 0)
            let share = max(0, matched - foreign) / profile.total
            let confidence = min(1, share * headerShare + (named ? 0.1 : 0))
            scored.append((kind, score, (confidence * 100).rounded() / 100))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.confidence > $1.confidence }
        guard let best = scored.first, best.score > 0, best.confidence >= minimumConfidence else {
            return Decision(kind: .unknown, confidence: 0, alternatives: scored.prefix(3).map { KindScore(kind: $0.kind, confidence: $0.confidence) })
        }
        return Decision(kind: best.kind, confidence: best.confidence,
                        alternatives: scored.dropFirst().prefix(2).map { KindScore(kind: $0.kind, confidence: $0.confidence) })
    }
}
