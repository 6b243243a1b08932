import Testing
@testable import DRSReport

/// Headers are read from their parts: a side, an entity and a facet in any order, so
/// combinations nobody listed resolve, and words that make a column no concept keep it unmatched.
struct HeaderCompositionTests {
    static let composed: [(String, ColumnConcept)] = [
        // The issue's examples: known parts in combinations never listed.
        ("Tgt Row Total", .targetRows), ("Rows in origin DB", .sourceRows), ("目标侧条数", .targetRows), ("源实例表名", .sourceTable),
        // Side words of other tools and DBA usage, abbreviations, word order.
        ("Upstream Table", .sourceTable), ("downstream_tbl", .targetTable), ("Replica Row Count", .targetRows),
        ("Rows on Primary", .sourceRows), ("Standby Rows", .targetRows), ("Left Key", .sourceKeyValues), ("tgtPK", .targetKeyValues),
        ("SrcRowCnt", .sourceRows), ("ObjKind", .objectType), ("DMLType", .operation), ("Δ Rows", .difference),
        ("上游表名", .sourceTable), ("下游库", .targetDatabase), ("主库条数", .sourceRows), ("备库表", .targetTable),
        ("源端记录数", .sourceRows), ("对象种类", .objectType), ("差异类别", .differenceKind), ("抽样率", .samplingRatio),
        // A side given only in brackets is a side, not a unit; units in brackets are dropped.
        ("Amount (src)", .sourceCount), ("Amount (tgt)", .targetCount), ("Rows (目标)", .targetRows), ("Key (From)", .sourceKeyValues),
        ("Source Rows (rows)", .sourceRows), ("源表行数（条）", .sourceRows), ("Sample (%)", .samplingRatio),
        // Questions hold results; what identifies a row is its key.
        ("Rows Equal?", .rowResult), ("数据是否一致", .valueResult), ("Row Identifier", .keyValues), ("Applied?", .sqlState),
        // Repair counts: the rows to fix, fixed, and those a fix failed.
        ("Rows To Fix", .totalRows), ("Fixed Rows", .repairedRows), ("Rows Not Fixed", .failedRows), ("修复失败数", .failedRows),
        // Database summaries name tables, or leave them implied.
        ("Tables Checked", .tablesCompared), ("Mismatched Tables", .tablesInconsistent), ("Tables Skipped", .tablesUncomparable),
        ("# Not Comparable", .tablesUncomparable),
        // A word that only names a side counts against a reading that leaves it unused; 前/后
        // (before/after) name sides as before/after do; an object's identifier is its name.
        ("Key After", .targetKeyValues), ("Value Before", .sourceValue), ("迁移后表", .targetTable), ("迁移前记录数", .sourceRows),
        ("Object Identifier", .objectName), ("Table After Migration", .targetTable), ("内容对账", .valueResult),
    ]

    @Test(arguments: composed)
    func knownPartsCompose(_ header: String, _ concept: ColumnConcept) {
        let best = Vocabulary.standard.columnCandidates(header).first
        #expect(best?.concept == concept, "\"\(header)\" (\(HeaderParts(header).description)) read as \(best?.concept.rawValue ?? "nothing")")
    }

    @Test(arguments: ["Reviewer", "Checked By", "Start Time", "Task ID", "Engine Version", "Owner", "批次", "负责人", "审核人",
                      "备份时间", "Batch No.", "Ticket", "Shard Progress", "Source Database Engine Version"])
    func wordsOfNoConceptStayUnmatched(_ header: String) {
        #expect(Vocabulary.standard.columnCandidates(header).isEmpty, "\"\(header)\" read as \(Vocabulary.standard.columnCandidates(header).map(\.concept))")
    }

    @Test func partsSplitCaseScriptsAndCJKRuns() {
        #expect(HeaderParts("SrcRowCnt").parts.map(\.text) == ["src", "row", "cnt"])
        #expect(HeaderParts("PKValue").parts.map(\.text) == ["pk", "value"])
        #expect(HeaderParts("source_table.name").parts.map(\.text) == ["source", "table", "name"])
        // The segmentation that leaves nothing unknown: 表 + 名称, not 表名 + 称.
        #expect(HeaderParts("源库表名称").meaningful.map(\.text) == ["源库", "表", "名称"])
        #expect(HeaderParts("源库KEY值").meaningful.map(\.text) == ["源库", "key", "值"])
        // Idioms read before their words: "primary key" is a key, not the primary side.
        #expect(Vocabulary.standard.columnCandidates("Primary Key Value").first?.concept == .keyValues)
        // A bracket of units adds nothing; a bracket of words adds its words.
        #expect(HeaderParts("Rows (rows)").meaningful.map(\.text) == ["rows"])
        #expect(HeaderParts("Rows (src)").meaningful.map(\.text) == ["rows", "src"])
    }

    @Test func weakSidesCountOnlyWhereTheyAreNeeded() {
        // "to" is a side in "To Table" but a filler-like word in "Rows To Fix".
        #expect(Vocabulary.standard.columnCandidates("To Table").first?.concept == .targetTable)
        #expect(Vocabulary.standard.columnCandidates("Rows To Fix").first?.concept == .totalRows)
    }
}
