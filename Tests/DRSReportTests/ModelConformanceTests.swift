import DRSReport
import Foundation
import Testing

/// What docs/library.md says of the model's types ("Model types: conformances and counts"), checked.
struct ModelConformanceTests {
    /// Compiles only for a value type as the page describes it.
    private func isModelValue<T: Sendable & Hashable & Codable>(_ type: T.Type) -> String { "\(type)" }

    @Test func everyValueTypeTheDocsNameIsSendableHashableAndCodable() {
        let named = [
            isModelValue(ComparisonReport.self), isModelValue(ReportSection.self), isModelValue(MetadataEntry.self),
            isModelValue(ReportRecord.self), isModelValue(TableRowCountResult.self), isModelValue(Interpreted<ComparisonStatus>.self),
            isModelValue(ComparisonStatus.self), isModelValue(DifferenceKind.self), isModelValue(ObjectExistence.self),
            isModelValue(ObjectType.self), isModelValue(RepairOperation.self), isModelValue(RepairState.self),
            isModelValue(ReportSummary.self), isModelValue(TableDifference.self), isModelValue(DiffKey.self),
            isModelValue(ChangeOutline.self), isModelValue(DiffChange.self), isModelValue(DiffOutcome.self),
            isModelValue(CompareType.self), isModelValue(StatusCategory.self), isModelValue(SectionKind.self),
            isModelValue(ColumnConcept.self), isModelValue(ReportLanguage.self), isModelValue(ChangeKind.self),
            isModelValue(DiffEntity.self), isModelValue(DiffVerdict.self),
        ]
        #expect(Set(named).count == named.count)
    }

    // MARK: - Interpreted values on their own

    private static func roundTrip<T: Codable & Equatable>(_ value: T) throws -> (T, String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try encoder.encode(value)
        return (try JSONDecoder().decode(T.self, from: json), String(decoding: json, as: UTF8.self))
    }

    @Test func everyStatusRoundTrips() throws {
        let statuses = (0...30).map { ComparisonStatus(code: $0) } + [.cannotCompare, .unknown("Abgebrochen"), .unknown(""), .unknown("consistent")]
        for status in statuses {
            #expect(try Self.roundTrip(status).0 == status)
        }
        #expect(try Self.roundTrip(ComparisonStatus.timedOut).1 == #"{"code":27,"value":"timed_out"}"#)
        #expect(try Self.roundTrip(ComparisonStatus.unknown("24")).1 == #"{"text":"24","value":"unknown"}"#)
    }

    @Test func theOtherInterpretedValuesRoundTrip() throws {
        for value: DifferenceKind in [.onlyInSource, .onlyInTarget, .bothDiffer, .unknown("?")] { #expect(try Self.roundTrip(value).0 == value) }
        for value: ObjectExistence in [.exists, .missing, .unknown("√?")] { #expect(try Self.roundTrip(value).0 == value) }
        for value: ObjectType in [.known("TABLE"), .known("PARTITION_SCHEME"), .unknown("Sequenz")] { #expect(try Self.roundTrip(value).0 == value) }
        for value: RepairOperation in [.insert, .update, .delete, .unknown("UPSERT")] { #expect(try Self.roundTrip(value).0 == value) }
        for value: RepairState in [.succeeded, .failed, .running, .notExecuted, .unknown("queued")] { #expect(try Self.roundTrip(value).0 == value) }
        #expect(try Self.roundTrip(ObjectType.known("TABLE")).1 == #"{"value":"TABLE"}"#)
    }

    // MARK: - Diff changes

    @Test(arguments: ["lines_en-us", "objects_comparison_zh-cn", "contents_en-us", "repair_data_zh-cn"])
    func everyChangeOfADiffRoundTrips(_ name: String) throws {
        let diff = try ReportDiff(old: ReportWorkbook(path: Repository.path("samples/diff/\(name).before.xlsx")),
                                  new: ReportWorkbook(path: Repository.path("samples/diff/\(name).after.xlsx")),
                                  options: ReportDiff.Options(includeUnchanged: true))
        var changes: [DiffChange] = []
        try diff.forEachChange { changes.append($0) }
        #expect(!changes.isEmpty)
        let json = try JSONEncoder().encode(changes)
        #expect(try JSONDecoder().decode([DiffChange].self, from: json) == changes)
        let outlines = changes.map(\.outline)
        #expect(try JSONDecoder().decode([ChangeOutline].self, from: JSONEncoder().encode(outlines)) == outlines)
    }

    @Test func aChangeEncodesWithTheDiffCommandsMemberNames() throws {
        let diff = try ReportDiff(old: ReportWorkbook(path: Repository.path("samples/diff/lines_en-us.before.xlsx")),
                                  new: ReportWorkbook(path: Repository.path("samples/diff/lines_en-us.after.xlsx")))
        let change = try #require(try diff.next { $0.entity == .table && $0.kind == .stillInconsistent })
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(change)) as? [String: Any])
        #expect(Set(object.keys) == ["change", "entity", "regression", "key", "old_state", "new_state", "old_size", "new_size",
                                     "row_difference", "old", "new"])
        #expect(object["change"] as? String == "still_inconsistent")
        let rows = try #require(object["row_difference"] as? [String: Any])
        #expect((rows["old"] as? NSNumber)?.int64Value == change.rowDifference?.old)
        #expect((rows["new"] as? NSNumber)?.int64Value == change.rowDifference?.new)
    }

    // MARK: - Counts

    /// The type of a member, as an identity `#expect` can compare.
    private static func valueType<Root, Value>(_ path: KeyPath<Root, Value>) -> ObjectIdentifier { ObjectIdentifier(Value.self) }

    @Test func rowsOfTheDatabasesAreInt64() {
        let rowCounts: [ObjectIdentifier] = [
            Self.valueType(\TableRowCountResult.sourceRows), Self.valueType(\TableRowCountResult.targetRows),
            Self.valueType(\TableRowCountResult.rowDifference), Self.valueType(\TableDifference.sourceRows),
            Self.valueType(\TableDifference.targetRows), Self.valueType(\ObjectTypeCounts.sourceCount),
            Self.valueType(\ObjectTypeCounts.targetCount), Self.valueType(\ChangeOutline.oldSize), Self.valueType(\ChangeOutline.newSize),
        ]
        #expect(rowCounts.allSatisfy { $0 == ObjectIdentifier(Int64?.self) })
        let totals: [ObjectIdentifier] = [
            Self.valueType(\TableDifference.difference), Self.valueType(\DatabaseCounts.rowDifference),
            Self.valueType(\RepairCounts.totalRows), Self.valueType(\RepairCounts.repairedRows), Self.valueType(\RepairCounts.failedRows),
        ]
        #expect(totals.allSatisfy { $0 == ObjectIdentifier(Int64.self) })
        #expect(Self.valueType(\DiffChange.rowDifference) == ObjectIdentifier((old: Int64?, new: Int64?)?.self))
    }

    @Test func entriesDrsdiffCountedAreInt() {
        let counts: [ObjectIdentifier] = [
            Self.valueType(\SectionCounts.records), Self.valueType(\SectionCounts.consistent), Self.valueType(\SectionCounts.inconsistent),
            Self.valueType(\SectionCounts.incomplete), Self.valueType(\StatusCount.count), Self.valueType(\DatabaseCounts.tables),
            Self.valueType(\DatabaseCounts.consistent), Self.valueType(\ReportSummary.uncomparableCount),
            Self.valueType(\ValueDifferenceCounts.total), Self.valueType(\TableCount.count), Self.valueType(\NamedCount.count),
            Self.valueType(\RepairCounts.statements), Self.valueType(\ObjectTypeCounts.objects),
            Self.valueType(\DiffOutcome.regressions), Self.valueType(\ChangeCount.total), Self.valueType(\EntityCount.count),
            Self.valueType(\DiffReportSide.entries), Self.valueType(\DiffReportSide.duplicateKeys),
        ]
        #expect(counts.allSatisfy { $0 == ObjectIdentifier(Int.self) })
    }

    // MARK: - Printing

    @Test func theSmallEnumsPrintAsTheirWireNames() {
        func printsRawValues<T: CaseIterable & RawRepresentable & CustomStringConvertible>(_ type: T.Type) -> Bool where T.RawValue == String {
            T.allCases.allSatisfy { "\($0)" == $0.rawValue && String(describing: $0) == $0.rawValue }
        }
        #expect(printsRawValues(CompareType.self))
        #expect(printsRawValues(StatusCategory.self))
        #expect(printsRawValues(SectionKind.self))
        #expect(printsRawValues(ColumnConcept.self))
        #expect(printsRawValues(ReportLanguage.self))
        #expect(printsRawValues(ChangeKind.self))
        #expect(printsRawValues(DiffEntity.self))
        #expect(printsRawValues(DiffVerdict.self))
        let state: StatusCategory? = .inconsistent
        #expect("\(state.map(String.init(describing:)) ?? "none")" == "inconsistent")
        #expect("\(DiffVerdict.noRegressions)" == "no_regressions")
    }

    @Test func compareTypeCasesSpellTheAPIsWords() {
        #expect(CompareType.lines.rawValue == "lines")
        #expect(CompareType(rawValue: "lines") == .lines)
        #expect(CompareType.allCases.map(\.description) == ["objects_comparison", "lines", "contents", "random", "repair_data"])
    }
}
