import Testing
@testable import DRSReport

/// A kind's field table is read once by reflection; typed access by key path must land on the
/// same slot as access by position, key and concept.
struct FieldLayoutTests {
    @Test func keyPathsPositionsKeysAndConceptsAgree() {
        let layout = TableValueFields.layout
        #expect(layout.fields.map(\.key) == ["source_database", "source_table", "target_database", "target_table", "source_rows",
                                            "target_rows", "difference", "row_result", "value_result", "status", "message", "row_filter"])
        #expect(layout.position(of: \.sourceDatabase) == 0)
        #expect(layout.position(of: \.difference) == layout.position(ofKey: "difference"))
        #expect(layout.position(of: \.rowFilter) == layout.fields.count - 1)
        #expect(layout.position(of: \.valueResult) == layout.position(of: .valueResult))
        #expect(RepairStatementFields.layout.position(of: \.state) == RepairStatementFields.layout.position(ofKey: "sql_state"))
    }

    @Test func fieldsReadAndWriteTheirOwnSlot() {
        var record = SamplingResult(sheet: "S", row: 7)
        record.samplingRatio = 12.5
        record.targetRows = 40
        record.valueResult = Interpreted(.inconsistent, text: "不一致")
        #expect(record[SamplingFields.layout.position(ofKey: "sampling_ratio")!] as? Double == 12.5)
        #expect(record.value(for: .targetRows) as? Int64 == 40)
        #expect(record.sourceRows == nil && record.rowDifference == nil)
        record.sourceRows = 42
        #expect(record.rowDifference == 2)
        #expect(record.worstResult?.value == .inconsistent)
        #expect(ReportRecord.samplingResult(record).category == .inconsistent)
    }

    @Test(arguments: SectionKind.allCases)
    func everyKindHasAFieldTable(_ kind: SectionKind) {
        #expect(!kind.fields.isEmpty)
        #expect(Set(kind.fields.map(\.key)).count == kind.fields.count)
    }
}

extension FieldLayoutTests {
    /// Key paths made inside DRSReport (the generic accessors and the summary use them) and here agree.
    @Test func keyPathsFromBothModulesAgree() {
        var record = TableRowCountResult(sheet: "S", row: 1)
        record.sourceRows = 5
        record.targetRows = 3
        #expect(record.rowDifference == 2)
        #expect(record.sourceRows == 5 && record.targetRows == 3)
    }
}

extension FieldLayoutTests {
    /// Per-concept tables index arrays by the case's declaration index.
    @Test func conceptOrdinalsAreDeclarationIndices() {
        #expect(ColumnConcept.allCases.enumerated().allSatisfy { $0.offset == $0.element.ordinal })
    }
}
