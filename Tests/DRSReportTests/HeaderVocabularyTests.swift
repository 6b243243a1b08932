import Testing
@testable import DRSReport

/// Header wording drsdiff must read by meaning: the API's own words (report-layout.md), the
/// samples' variants, snake_case field names and full-width forms, in both languages.
struct HeaderVocabularyTests {
    static let english: [(String, ColumnConcept)] = [
        ("Source Database", .sourceDatabase), ("source DB name", .sourceDatabase), ("Source Database Name", .sourceDatabase),
        ("source_db_name", .sourceDatabase), ("Destination Database", .targetDatabase), ("Target DB", .targetDatabase),
        ("Source Table", .sourceTable), ("Source Table Name", .sourceTable), ("source_table_name", .sourceTable),
        ("sourceTableName", .sourceTable), ("Destination Table Name", .targetTable), ("Target Table", .targetTable),
        ("Source Rows", .sourceRows), ("Rows in Source", .sourceRows), ("Source Row Count", .sourceRows),
        ("source_row_num", .sourceRows), ("Number of Rows in Source", .sourceRows), ("Destination Rows", .targetRows),
        ("target_row_num", .targetRows), ("Rows in Target", .targetRows), ("Difference", .difference),
        ("Different Rows", .difference), ("difference_row_num", .difference), ("Row Difference", .difference),
        ("Status", .status), ("Result", .status), ("Comparison Result", .status), ("Comparison Status", .status),
        ("Row Comparison Result", .rowResult), ("line_compare_result", .rowResult), ("Value Comparison Result", .valueResult),
        ("content_compare_result", .valueResult), ("Message", .message), ("Additional Info", .message),
        ("Additional Information", .message), ("Remarks", .message), ("Error Message", .message), ("error_message", .message),
        ("Row Filter", .rowFilter), ("Row Filter Condition", .rowFilter), ("compare_line_config_filter", .rowFilter),
        ("Object Type", .objectType), ("Object Name", .objectName), ("Value in Source", .sourceValue),
        ("Value in Destination", .targetValue), ("source_db_value", .sourceValue), ("Source Count", .sourceCount),
        ("Destination Count", .targetCount), ("Primary Key", .keyValues), ("Key Values", .keyValues), ("Key Value", .keyValues),
        ("Source Key Values", .sourceKeyValues), ("Destination Key Values", .targetKeyValues), ("Column", .column),
        ("Column Name", .column), ("Source Value", .sourceValue), ("Destination Value", .targetValue),
        ("Difference Type", .differenceKind), ("Difference Kind", .differenceKind), ("Select SQL", .selectSQL),
        ("select_sql", .selectSQL), ("Source Select SQL", .selectSQL), ("Destination Select SQL", .targetSelectSQL),
        ("target_select_sql", .targetSelectSQL), ("Repair SQL", .repairSQL), ("repair_sql_info", .repairSQL),
        ("Operation", .operation), ("Operation Type", .operation), ("SQL State", .sqlState), ("repair_sql_state", .sqlState),
        ("Sampling Ratio (%)", .samplingRatio), ("proportion_value", .samplingRatio), ("Sampling Rate", .samplingRatio),
        ("Tables Compared", .tablesCompared), ("Compared Tables", .tablesCompared), ("Tables Finished", .tablesFinished),
        ("Inconsistent Tables", .tablesInconsistent), ("Tables That Cannot Be Compared", .tablesUncomparable),
        ("Uncomparable Tables", .tablesUncomparable), ("Total Rows", .totalRows), ("Repaired Rows", .repairedRows),
        ("Failed Rows", .failedRows), ("  ROW   FILTER ", .rowFilter), ("Source-Table", .sourceTable),
    ]

    static let chinese: [(String, ColumnConcept)] = [
        ("源库", .sourceDatabase), ("源库名", .sourceDatabase), ("源库名称", .sourceDatabase), ("源数据库", .sourceDatabase),
        ("目标库", .targetDatabase), ("目标库名称", .targetDatabase), ("目标数据库", .targetDatabase), ("源表", .sourceTable),
        ("源表名", .sourceTable), ("源库表名称", .sourceTable), ("源库的表名称", .sourceTable), ("目标表", .targetTable),
        ("目标表名", .targetTable), ("目标库表名称", .targetTable), ("源库行数", .sourceRows), ("源库表行数", .sourceRows),
        ("源表行数", .sourceRows), ("目标库行数", .targetRows), ("目标库表行数", .targetRows), ("差异", .difference),
        ("差异值", .difference), ("行数差异值", .difference), ("差异行数", .difference), ("状态", .status),
        ("对比状态", .status), ("对比结果", .status), ("行对比结果", .rowResult), ("内容对比结果", .valueResult),
        ("附加信息", .message), ("备注", .message), ("错误信息", .message), ("行过滤配置条件", .rowFilter),
        ("行过滤条件", .rowFilter), ("对象类型", .objectType), ("对象名称", .objectName), ("源库的值", .sourceValue),
        ("目标库的值", .targetValue), ("源库数量", .sourceCount), ("源库个数", .sourceCount), ("目标库数量", .targetCount),
        ("目标库个数", .targetCount), ("主键", .keyValues), ("KEY值", .keyValues), ("源库KEY值", .sourceKeyValues),
        ("目标库KEY值", .targetKeyValues), ("列", .column), ("列名", .column), ("源库值", .sourceValue), ("目标库值", .targetValue),
        ("差异类型", .differenceKind), ("查询源库的SQL", .selectSQL), ("查询目标库的SQL", .targetSelectSQL), ("修复SQL", .repairSQL),
        ("操作类型", .operation), ("修复SQL状态", .sqlState), ("抽样比例", .samplingRatio), ("抽样比例(%)", .samplingRatio),
        ("对比表数量", .tablesCompared), ("已完成表数量", .tablesFinished), ("不一致表数量", .tablesInconsistent),
        ("无法对比表数量", .tablesUncomparable), ("总行数", .totalRows), ("已修复行数", .repairedRows), ("修复失败行数", .failedRows),
        // Full-width forms, bracketed units and stray spaces.
        ("源表行数（行）", .sourceRows), ("目标库行数（行）", .targetRows), ("抽样比例（％）", .samplingRatio),
        ("源库 表名", .sourceTable), ("ＳＱＬ状态", .sqlState), ("耗时（秒）对比结果", .status), ("【备注】", .message),
    ]

    @Test(arguments: english + chinese)
    func headerMeansConcept(_ header: String, _ concept: ColumnConcept) {
        let best = Vocabulary.standard.columnCandidates(header).first
        #expect(best?.concept == concept, "\"\(header)\" read as \(best?.concept.rawValue ?? "nothing")")
    }

    @Test(arguments: ["Shard Progress", "Task ID", "Start Time", "Region", "Owner", "备份时间", "负责人", "Source Database Engine Version", "", "123"])
    func unrelatedHeaderMatchesNothing(_ header: String) {
        #expect(Vocabulary.standard.columnCandidates(header).isEmpty, "\"\(header)\" should stay unmatched")
    }

    @Test func normalizationFoldsWidthCaseBracketsAndSpacing() {
        let text = NormalizedText("  源表行数（行） ")
        #expect(text.coreString == "源表行数")
        #expect(text.units == ["行"])
        #expect(NormalizedText("Sampling Ratio (%)").coreString == "sampling ratio")
        #expect(NormalizedText("Sampling Ratio (%)").units == ["%"])
        #expect(NormalizedText("ＳＯＵＲＣＥ＿ＴＡＢＬＥ：").coreString == "source table")
        #expect(NormalizedText("sourceTableName").coreString == "source table name")
        #expect(NormalizedText("源库 KEY 值").coreString == "源库key值")
        #expect(NormalizedText("(%)").coreString == "")
    }

    @Test func keyWordsMatchWholeWordsWithPlurals() {
        let row = Term(["row"])
        #expect(row.occurs(in: NormalizedText("Rows in Source").full))
        #expect(!row.occurs(in: NormalizedText("Arrow").full))
        #expect(Term(["compar*"]).occurs(in: NormalizedText("Comparison Result").full))
        #expect(Term(["源"]).occurs(in: NormalizedText("查询源库的SQL").full))
    }
}
