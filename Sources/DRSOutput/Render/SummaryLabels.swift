import DRSReport

/// The words of a summary (Markdown, text and the HTML page) around the report's own text, in
/// the report's language: a zh-cn report reads in Chinese throughout, any other in English.
/// Human formats show these labels, never the stable names JSON keeps (`table_row_counts`).
struct SummaryLabels: Sendable {
    let title: String
    let severalTitle: String
    /// "3 files"
    let files: @Sendable (Int) -> String
    let verdict: String
    let verdicts: [StatusCategory: String]
    let headlineParts: HeadlineWords
    let fixFirst: String
    let fixFirstEmpty: String
    /// "first 20 of 31"
    let firstOf: @Sendable (Int, Int) -> String
    let fixKinds: [FixFirstItem.Kind: String]
    let sectionKinds: [SectionKind: String]
    /// By the compare type's stable name (`lines`).
    let compareTypes: [String: String]
    let unknown: String
    let report: String
    let value: String
    let compareType: String
    let language: String
    let sections: String
    let section: String
    let sheets: String
    let records: String
    let resultsByStatus: String
    let status: String
    let code: String
    let text: String
    let count: String
    let databases: String
    let database: String
    let tables: String
    let table: String
    let rowDifference: String
    let databaseStatus: String
    let largest: String
    let sourceRows: String
    let targetRows: String
    let difference: String
    let reason: String
    let location: String
    let row: String
    let uncomparable: String
    let objectTypes: String
    let objectType: String
    let source: String
    let target: String
    let objectsListed: String
    let failedObjects: String
    let object: String
    let result: String
    let valueDifferences: String
    let differingRows: String
    let onlyInSource: String
    let onlyInTarget: String
    let bothDiffer: String
    let other: String
    let tablesWithValueDifferences: String
    let repair: String
    let statements: String
    let rowsToRepair: String
    let repairedRows: String
    let failedRows: String
    let repairStatements: String
    let operation: String
    let state: String
    let name: String
    let tablesWithFailedRepairs: String
    let failures: String
    let notes: String
    /// Repair operations and states by their stable names (`not_executed`).
    let repairWords: [String: String]
    /// Record fields by their stable keys (`key_values`), for a column the report does not have.
    let fieldNames: [String: String]
    let file: String
    let error: String
    /// "3 of 4 could not be read"
    let unreadable: @Sendable (Int, Int) -> String
    /// "the worst of 4"
    let worstOf: @Sendable (Int) -> String

    /// The counted phrases of a headline, in the report's language.
    struct HeadlineWords: Sendable {
        let missingDatabases: @Sendable (Int) -> String
        let missingTables: @Sendable (Int) -> String
        let uncomparableTables: @Sendable (Int) -> String
        /// After "N tables could not be compared": "50 inconsistent".
        let moreInconsistentTables: @Sendable (Int) -> String
        let inconsistentTables: @Sendable (Int) -> String
        let inconsistentObjects: @Sendable (Int) -> String
        let incompleteObjects: @Sendable (Int) -> String
        let differingRows: @Sendable (Int) -> String
        let failedRepairs: @Sendable (Int) -> String
        let unfinishedRepairs: @Sendable (Int) -> String
        let inconsistentDatabases: @Sendable (Int) -> String
        let incompleteDatabases: @Sendable (Int) -> String
        let inconsistentObjectTypes: @Sendable (Int) -> String
        let incompleteObjectTypes: @Sendable (Int) -> String
        let allTablesConsistent: @Sendable (Int) -> String
        let allObjectTypesConsistent: @Sendable (Int) -> String
        let nothingFound: String
        let noResults: String
        let separator: String
        let colon: String
    }

    static func forLanguage(_ language: ReportLanguage?) -> SummaryLabels {
        language == .chinese ? chinese : english
    }

    /// The whole verdict on one line: "incomplete: 25 tables could not be compared, 50 inconsistent".
    func headline(_ headline: SummaryHeadline, judged: Bool) -> String {
        verdictWord(headline.verdict) + headlineParts.colon + reasons(headline, judged: judged)
    }

    /// The headline without its verdict: "25 tables could not be compared, 50 inconsistent".
    func reasons(_ headline: SummaryHeadline, judged: Bool) -> String {
        let words = headlineParts
        var parts: [String] = []
        if headline.missingDatabases > 0 { parts.append(words.missingDatabases(headline.missingDatabases)) }
        if headline.missingTables > 0 { parts.append(words.missingTables(headline.missingTables)) }
        if headline.uncomparableTables > 0 { parts.append(words.uncomparableTables(headline.uncomparableTables)) }
        if headline.inconsistentTables > 0 {
            parts.append(parts.isEmpty ? words.inconsistentTables(headline.inconsistentTables) : words.moreInconsistentTables(headline.inconsistentTables))
        }
        // Database-level results say more only where no table says anything.
        if parts.isEmpty {
            if headline.inconsistentDatabases > 0 { parts.append(words.inconsistentDatabases(headline.inconsistentDatabases)) }
            let incomplete = headline.incompleteDatabases - headline.missingDatabases
            if incomplete > 0 { parts.append(words.incompleteDatabases(incomplete)) }
        }
        if headline.inconsistentObjects > 0 { parts.append(words.inconsistentObjects(headline.inconsistentObjects)) }
        if headline.incompleteObjects > 0 { parts.append(words.incompleteObjects(headline.incompleteObjects)) }
        // The overview's object types only where no object is listed.
        if headline.inconsistentObjects + headline.incompleteObjects == 0 {
            if headline.inconsistentObjectTypes > 0 { parts.append(words.inconsistentObjectTypes(headline.inconsistentObjectTypes)) }
            if headline.incompleteObjectTypes > 0 { parts.append(words.incompleteObjectTypes(headline.incompleteObjectTypes)) }
        }
        if headline.differingRows > 0 { parts.append(words.differingRows(headline.differingRows)) }
        if headline.failedRepairs > 0 { parts.append(words.failedRepairs(headline.failedRepairs)) }
        if headline.unfinishedRepairs > 0 { parts.append(words.unfinishedRepairs(headline.unfinishedRepairs)) }
        if parts.isEmpty {
            if !judged {
                parts.append(words.noResults)
            } else if headline.verdict == .consistent && headline.tables > 0 {
                parts.append(words.allTablesConsistent(headline.tables))
            } else if headline.verdict == .consistent && headline.objectTypes > 0 {
                parts.append(words.allObjectTypesConsistent(headline.objectTypes))
            } else {
                parts.append(words.nothingFound)
            }
        }
        return parts.joined(separator: words.separator)
    }

    func verdictWord(_ category: StatusCategory) -> String { verdicts[category] ?? category.rawValue }

    func sectionKind(_ kind: SectionKind) -> String { sectionKinds[kind] ?? kind.rawValue }

    func compareTypeName(_ type: CompareType?) -> String {
        guard let type else { return unknown }
        return compareTypes[type.rawValue] ?? type.rawValue
    }

    func repairWord(_ name: String) -> String { repairWords[name] ?? name }

    /// A field's name in words, for a column the report does not have: `key values`, `主键值`.
    func fieldName(_ key: String) -> String { fieldNames[key] ?? key.replacingOccurrences(of: "_", with: " ") }

    func languageName(_ language: ReportLanguage?) -> String { language?.rawValue ?? unknown }

    /// What the fix-first entry is, with its counted figure: "missing table", "row difference −4".
    func fixKind(_ item: FixFirstItem) -> String { fixKinds[item.kind] ?? item.kind.rawValue }

    static let english = SummaryLabels(
        title: "DRS comparison report", severalTitle: "DRS comparison reports", files: { "\($0) \($0 == 1 ? "file" : "files")" }, verdict: "Verdict",
        verdicts: [.consistent: "consistent", .inconsistent: "inconsistent", .incomplete: "incomplete"],
        headlineParts: HeadlineWords(
            missingDatabases: { "\($0) \($0 == 1 ? "database" : "databases") missing" },
            missingTables: { "\($0) \($0 == 1 ? "table" : "tables") missing" },
            uncomparableTables: { "\($0) \($0 == 1 ? "table" : "tables") could not be compared" },
            moreInconsistentTables: { "\($0) inconsistent" },
            inconsistentTables: { "\($0) \($0 == 1 ? "table" : "tables") inconsistent" },
            inconsistentObjects: { "\($0) \($0 == 1 ? "object" : "objects") inconsistent" },
            incompleteObjects: { "\($0) \($0 == 1 ? "object" : "objects") could not be compared" },
            differingRows: { "\($0) differing \($0 == 1 ? "row" : "rows")" },
            failedRepairs: { "\($0) \($0 == 1 ? "table" : "tables") with failed repairs" },
            unfinishedRepairs: { "\($0) repair \($0 == 1 ? "statement" : "statements") not run" },
            inconsistentDatabases: { "\($0) \($0 == 1 ? "database" : "databases") inconsistent" },
            incompleteDatabases: { "\($0) \($0 == 1 ? "database" : "databases") could not be compared" },
            inconsistentObjectTypes: { "\($0) object \($0 == 1 ? "type" : "types") inconsistent" },
            incompleteObjectTypes: { "\($0) object \($0 == 1 ? "type" : "types") could not be compared" },
            allTablesConsistent: { "all \($0) \($0 == 1 ? "table" : "tables") consistent" },
            allObjectTypesConsistent: { "all \($0) object \($0 == 1 ? "type" : "types") consistent" },
            nothingFound: "no differences found", noResults: "no comparison results found", separator: ", ", colon: ": "),
        fixFirst: "Fix first", fixFirstEmpty: "Nothing blocks a cutover.",
        firstOf: { shown, total in "first \(shown) of \(total)" },
        fixKinds: [.missingDatabase: "database missing", .missingTable: "table missing", .failedObject: "object differs or failed",
                   .uncomparableTable: "not compared", .rowDifference: "row difference", .valueDifferences: "differing rows",
                   .failedRepair: "failed repairs"],
        sectionKinds: [.objectSummary: "object overview", .objectDifferences: "object details", .databaseSummary: "databases",
                       .tableRowCounts: "table row counts", .cannotCompare: "tables not compared", .tableValues: "table values",
                       .sampling: "sampled tables", .valueDifferences: "differing rows", .repairProgress: "repair progress",
                       .repairStatements: "repair statements", .unknown: "not recognised"],
        compareTypes: ["objects_comparison": "object comparison", "lines": "row count comparison", "contents": "value comparison",
                       "random": "sampled comparison", "repair_data": "data repair"],
        unknown: "unknown", report: "report", value: "value", compareType: "compare type (recognised)", language: "language (recognised)",
        sections: "Sections", section: "section", sheets: "sheets", records: "records", resultsByStatus: "Results by status",
        status: "status", code: "code", text: "text", count: "count",
        databases: "Databases", database: "database", tables: "tables", table: "table", rowDifference: "row difference",
        databaseStatus: "database status", largest: "Largest row differences", sourceRows: "source rows", targetRows: "destination rows",
        difference: "difference", reason: "reason", location: "where", row: "row", uncomparable: "Tables that could not be compared",
        objectTypes: "Object types", objectType: "object type", source: "source", target: "destination", objectsListed: "objects listed",
        failedObjects: "Objects that differ or failed", object: "object", result: "result",
        valueDifferences: "Value differences", differingRows: "differing rows", onlyInSource: "only in source",
        onlyInTarget: "only in destination", bothDiffer: "both differ", other: "other",
        tablesWithValueDifferences: "Tables with value differences", repair: "Repair", statements: "statements",
        rowsToRepair: "rows to repair", repairedRows: "repaired rows", failedRows: "failed rows", repairStatements: "Repair statements",
        operation: "operation", state: "state", name: "name", tablesWithFailedRepairs: "Tables with failed repairs", failures: "failures",
        notes: "Notes",
        repairWords: ["not_executed": "not executed", "none": "none given", "unknown": "unknown"],
        fieldNames: ["select_sql": "select SQL", "target_select_sql": "destination select SQL", "repair_sql": "repair SQL",
                     "sql_state": "SQL state", "target_database": "destination database", "target_table": "destination table",
                     "target_rows": "destination rows", "target_count": "destination count", "target_value": "destination value",
                     "target_key_values": "destination key values", "target_exists": "in destination"],
        file: "file", error: "error",
        unreadable: { failures, total in "\(failures) of \(total) could not be read" },
        worstOf: { total in "the worst of \(total)" })

    static let chinese = SummaryLabels(
        title: "DRS 对比报告", severalTitle: "DRS 对比报告", files: { "\($0) 个文件" }, verdict: "结论",
        verdicts: [.consistent: "一致", .inconsistent: "不一致", .incomplete: "未完成"],
        headlineParts: HeadlineWords(
            missingDatabases: { "\($0) 个数据库不存在" },
            missingTables: { "\($0) 张表不存在" },
            uncomparableTables: { "\($0) 张表无法对比" },
            moreInconsistentTables: { "\($0) 张不一致" },
            inconsistentTables: { "\($0) 张表不一致" },
            inconsistentObjects: { "\($0) 个对象不一致" },
            incompleteObjects: { "\($0) 个对象无法对比" },
            differingRows: { "\($0) 行数据不一致" },
            failedRepairs: { "\($0) 张表修复失败" },
            unfinishedRepairs: { "\($0) 条修复语句未执行" },
            inconsistentDatabases: { "\($0) 个数据库不一致" },
            incompleteDatabases: { "\($0) 个数据库无法对比" },
            inconsistentObjectTypes: { "\($0) 个对象类型不一致" },
            incompleteObjectTypes: { "\($0) 个对象类型无法对比" },
            allTablesConsistent: { "全部 \($0) 张表一致" },
            allObjectTypesConsistent: { "全部 \($0) 个对象类型一致" },
            nothingFound: "未发现差异", noResults: "未找到对比结果", separator: "，", colon: "："),
        fixFirst: "优先处理", fixFirstEmpty: "没有阻碍割接的问题。",
        firstOf: { shown, total in "共 \(total) 项，显示前 \(shown) 项" },
        fixKinds: [.missingDatabase: "数据库不存在", .missingTable: "表不存在", .failedObject: "对象不一致或对比失败",
                   .uncomparableTable: "未对比", .rowDifference: "行数差异", .valueDifferences: "不一致的行",
                   .failedRepair: "修复失败"],
        sectionKinds: [.objectSummary: "对象概览", .objectDifferences: "对象详情", .databaseSummary: "数据库",
                       .tableRowCounts: "表行数", .cannotCompare: "无法对比的表", .tableValues: "表内容",
                       .sampling: "抽样对比的表", .valueDifferences: "差异明细", .repairProgress: "修复进度",
                       .repairStatements: "修复语句", .unknown: "未识别"],
        compareTypes: ["objects_comparison": "对象级对比", "lines": "行数对比", "contents": "内容对比",
                       "random": "抽样对比", "repair_data": "数据修复"],
        unknown: "未知", report: "报告", value: "值", compareType: "对比类型（识别）", language: "语言（识别）",
        sections: "分区", section: "分区", sheets: "工作表", records: "记录数", resultsByStatus: "按状态统计",
        status: "状态", code: "代码", text: "文字", count: "数量",
        databases: "数据库", database: "数据库", tables: "表数", table: "表", rowDifference: "行数差异",
        databaseStatus: "数据库状态", largest: "行数差异最大的表", sourceRows: "源库行数", targetRows: "目标库行数",
        difference: "差异", reason: "原因", location: "位置", row: "行", uncomparable: "无法对比的表",
        objectTypes: "对象类型", objectType: "对象类型", source: "源库", target: "目标库", objectsListed: "列出的对象",
        failedObjects: "不一致或对比失败的对象", object: "对象", result: "结果",
        valueDifferences: "内容差异", differingRows: "不一致的行", onlyInSource: "仅源库有",
        onlyInTarget: "仅目标库有", bothDiffer: "两端不同", other: "其他",
        tablesWithValueDifferences: "有内容差异的表", repair: "修复", statements: "语句数",
        rowsToRepair: "待修复行数", repairedRows: "已修复行数", failedRows: "修复失败行数", repairStatements: "修复语句",
        operation: "操作", state: "状态", name: "名称", tablesWithFailedRepairs: "修复失败的表", failures: "失败数",
        notes: "备注",
        repairWords: ["insert": "插入", "update": "更新", "delete": "删除", "succeeded": "成功", "failed": "失败", "running": "执行中",
                      "not_executed": "未执行", "none": "未注明", "unknown": "未知"],
        fieldNames: ["column": "列名", "difference": "差异", "difference_kind": "差异类型", "failed_rows": "修复失败行数",
                     "key_values": "主键值", "message": "备注", "object_name": "对象名称", "object_type": "对象类型", "operation": "操作",
                     "repair_sql": "修复SQL", "repaired_rows": "已修复行数", "row_filter": "过滤条件", "row_result": "行数对比结果",
                     "sampling_ratio": "抽样比例", "select_sql": "查询SQL", "source_count": "源库数量", "source_database": "源库",
                     "source_exists": "源库存在", "source_key_values": "源库主键值", "source_rows": "源库行数", "source_table": "源表",
                     "source_value": "源库值", "sql_state": "执行状态", "status": "状态", "tables_compared": "对比的表数",
                     "tables_finished": "完成的表数", "tables_inconsistent": "不一致的表数", "tables_uncomparable": "无法对比的表数",
                     "target_count": "目标库数量", "target_database": "目标库", "target_exists": "目标库存在",
                     "target_key_values": "目标库主键值", "target_rows": "目标库行数", "target_select_sql": "目标库查询SQL",
                     "target_table": "目标表", "target_value": "目标库值", "total_rows": "待修复行数", "value_result": "内容对比结果",
                     "values": "值"],
        file: "文件", error: "错误",
        unreadable: { failures, total in "\(total) 个文件中有 \(failures) 个无法读取" },
        worstOf: { total in "\(total) 个文件中最差的结论" })
}
