import Testing
import XLSXReader
@testable import DRSReport

/// drs-api.md §3: every code's text in both languages reads back as that code.
struct StatusVocabularyTests {
    static let table: [(Int, String, String)] = [
        (0, "The comparison result is inconsistent", "对比不一致"), (2, "The comparison result is consistent", "对比一致"),
        (3, "The destination database table does not exist", "目标库表不存在"), (4, "The comparison failed", "对比失败"),
        (5, "The comparison task is in progress", "正在对比中"), (6, "The comparison task is waiting to be started", "等待对比中"),
        (7, "The comparison task is canceled", "任务已取消"), (8, "The source database is empty", "源库为空"),
        (9, "The destination database is empty", "目标库为空"), (10, "Both the source and destination databases are empty", "源库和目标库都为空"),
        (11, "The source table does not exist", "源表不存在"), (12, "The destination table does not exist", "目标表不存在"),
        (13, "Neither the source table nor the destination table exists", "源表和目标表都不存在"),
        (14, "Failed to connect to the source database", "源数据库连接失败"), (15, "Failed to connect to the destination database", "目标库数据库连接失败"),
        (16, "SQL execution timed out on the source database", "源数据库执行SQL超时"),
        (17, "SQL execution timed out on the destination database", "目标数据库执行SQL超时"),
        (18, "A source database SQL execution error occurred", "源数据库执行SQL错误"),
        (19, "A destination database SQL execution error occurred", "目标数据库执行SQL错误"),
        (20, "Neither the source nor the destination database exists", "源库和目标库都不存在"),
        (21, "The source database does not exist", "源库不存在"), (22, "The destination database does not exist", "目标库不存在"),
        (23, "Over 100 million rows; not compared", "行数为亿行,未进行对比"), (27, "Timed out", "超时"),
    ]

    @Test(arguments: table)
    func bothLanguagesAndTheCodeReadAsOneStatus(_ code: Int, _ english: String, _ chinese: String) {
        let values = ValueVocabulary.standard
        #expect(values.status(text: english, objects: false).code == code)
        #expect(values.status(text: chinese, objects: false).code == code)
        #expect(values.status(text: String(code), objects: false).code == code)
        #expect(values.status(.number(Double(code)), objects: false)?.value.code == code)
        #expect(values.status(text: english.uppercased() + ".", objects: false).code == code)
    }

    @Test(arguments: [
        ("Consistent", ComparisonStatus.consistent), ("一致", .consistent), ("Inconsistent", .inconsistent), ("不一致", .inconsistent),
        ("CONSISTENT", .consistent), ("COMPARING", .inProgress), ("正在对比", .inProgress), ("WAITING_FOR_COMPARISON", .waiting),
        ("FAILED_TO_COMPARE", .failed), ("TARGET_DB_NOT_EXIST", .targetDatabaseMissing), ("TARGET_DB_NOT_EXIT", .targetDatabaseMissing),
        ("CAN_NOT_COMPARE", .cannotCompare), ("无法对比", .cannotCompare), ("CANCELED", .canceled), ("已取消", .canceled),
        ("TRUE", .consistent), ("false", .inconsistent), ("12.0", .targetTableMissing),
        // Wording the table does not have, read by key words.
        ("Data is not consistent", .inconsistent), ("目标表不存在，请检查映射", .targetTableMissing), ("Query timeout", .timedOut),
        ("Comparison skipped", .cannotCompare), ("对比任务失败", .failed),
    ])
    func otherVocabulariesRead(_ text: String, _ status: ComparisonStatus) {
        #expect(ValueVocabulary.standard.status(text: text, objects: false) == status)
    }

    @Test func unknownTextsAndCodesKeepTheirText() {
        let values = ValueVocabulary.standard
        #expect(values.status(text: "Quarantined", objects: false) == .unknown("Quarantined"))
        #expect(values.status(text: "24", objects: false) == .unknown("24"))
        #expect(values.status(text: "1", objects: false).code == nil)
        let reading = values.status(.text("Quarantined"), objects: false)
        #expect(reading?.text == "Quarantined")
        #expect(reading?.value.name == "unknown")
        #expect(reading?.value.category == .incomplete)
    }

    @Test func objectComparisonCodeThreeMeansNotFinished() {
        #expect(ComparisonStatus(code: 3, objects: true) == .inProgress)
        #expect(ComparisonStatus(code: 3) == .targetDatabaseTableMissing)
    }

    @Test func categoriesDriveTheVerdict() {
        #expect(ComparisonStatus.consistent.category == .consistent)
        #expect(ComparisonStatus.bothDatabasesEmpty.category == .consistent)
        #expect(ComparisonStatus.targetTableMissing.category == .inconsistent)
        #expect(ComparisonStatus.timedOut.category == .incomplete)
        #expect(ComparisonStatus.cannotCompare.category == .incomplete)
        #expect(StatusCategory.incomplete > .inconsistent)
    }

    @Test func otherVocabulariesReadInBothLanguages() {
        let values = ValueVocabulary.standard
        #expect(values.differenceKind("Only in source") == .onlyInSource)
        #expect(values.differenceKind("仅目标库存在") == .onlyInTarget)
        #expect(values.differenceKind("源和目标端均存在，值不同") == .bothDiffer)
        #expect(values.differenceKind("Exists in both, values differ") == .bothDiffer)
        #expect(values.differenceKind("target_meta_is_null") == .onlyInSource)
        #expect(values.differenceKind("???") == .unknown("???"))
        #expect(values.operation("插入") == .insert)
        #expect(values.operation("UPDATE") == .update)
        #expect(values.operation("删除") == .delete)
        #expect(values.repairState("NOT_EXECUTED") == .notExecuted)
        #expect(values.repairState("失败") == .failed)
        #expect(values.repairState("成功") == .succeeded)
        // A refusal is a failure; a cell of a word headers pass over ("Pending") still says it.
        #expect(values.repairState("Rejected") == .failed)
        #expect(values.repairState("被拒绝") == .failed)
        #expect(values.repairState("Pending") == .notExecuted)
        #expect(values.repairState("已生效") == .succeeded)
        #expect(values.status(text: "Comparison exceeded its time limit", objects: false) == .timedOut)
        #expect(values.objectType("存储过程和函数") == .known("ROUTINE"))
        #expect(values.objectType("存储过程") == .known("PROCEDURE"))
        #expect(values.objectType("Table Collation") == .known("TABLE_COLLATION"))
        #expect(values.objectType("Tables") == .known("TABLE"))
        #expect(values.objectType("Sequence") == .unknown("Sequence"))
    }
}
