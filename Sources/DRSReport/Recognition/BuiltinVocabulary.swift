/// Key-word patterns for metadata keys, sheet names and compare-type words, in en-us and zh-cn,
/// taken from the DRS API field names and console wording (`report-layout.md`, `drs-api.md` §3).
/// Column headers are read from their parts instead (``Lexicon``, ``ConceptRule``).
enum BuiltinVocabulary {
    // MARK: - Word groups

    static let source = Term(["source", "src", "源", "源端"])
    static let target = Term(["destination", "target", "dest", "dst", "目标", "目的", "目的端", "目标端"])
    static let database = Term(["database", "db", "schema", "库", "数据库"])
    static let table = Term(["table", "tbl", "表"])
    static let name = Term(["name", "名称", "名"])
    static let compare = Term(["compar*", "check*", "verif*", "对比", "比较", "比对", "校验"])
    static let differ = Term(["differ*", "diff", "delta", "差异", "差值", "相差"])
    static let kind = Term(["type", "kind", "category", "类型", "种类", "类别"])
    static let sql = Term(["sql", "statement", "语句"])
    static let object = Term(["object", "obj", "对象"])
    static let sampling = Term(["sampl*", "random", "抽样", "采样", "抽查"])
    static let uncomparable = Term(["cannot be compared", "can not be compared", "not compared", "uncompar*", "incompar*",
                                    "无法对比", "不可对比", "未对比", "无法比较", "不能对比"])
    static let negation = Term(["cannot", "can not", "not", "uncompar*", "incompar*", "无法", "不可", "不能", "未"])

    // MARK: - Metadata keys

    static let metadata: [(String, KeywordPattern)] = [
        ("task_id", KeywordPattern([Term(["task", "job", "任务"]), Term(["id", "编号", "标识"])], excluded: [compare])),
        ("compare_job_id", KeywordPattern([compare, Term(["id", "编号", "标识"])], optional: [Term(["task", "job", "任务"])])),
        ("compare_type", KeywordPattern([compare, kind], optional: [Term(["task", "job", "任务"])])),
        ("source_engine", KeywordPattern([source, Term(["engine", "version", "引擎", "版本", "类型", "type"])], optional: [database])),
        ("target_engine", KeywordPattern([target, Term(["engine", "version", "引擎", "版本", "类型", "type"])], optional: [database])),
        ("start_time", KeywordPattern([Term(["start*", "begin*", "开始", "起始"]), Term(["time", "date", "时间", "日期"])], optional: [compare])),
        ("end_time", KeywordPattern([Term(["end", "finish*", "结束", "完成"]), Term(["time", "date", "时间", "日期"])], optional: [compare])),
        ("task_name", KeywordPattern([Term(["task", "job", "任务"]), name])),
        ("export_time", KeywordPattern([Term(["export*", "generat*", "creat*", "report", "导出", "生成", "报告"]), Term(["time", "date", "时间", "日期"])])),
    ]

    // MARK: - Sheet names and titles

    /// Words in a sheet's name or title that point at a section kind: evidence, never proof.
    static let sectionHints: [(SectionKind, KeywordPattern)] = [
        (.objectSummary, KeywordPattern([object, Term(["overview", "summary", "概览", "汇总", "概况", "总览"])])),
        (.objectDifferences, KeywordPattern([object, Term(["detail*", "differ*", "详情", "明细", "差异"])])),
        (.databaseSummary, KeywordPattern([Term(["database", "db", "数据库", "库级"])])),
        (.tableRowCounts, KeywordPattern([Term(["row count", "row", "line", "行数"])])),
        (.tableRowCounts, KeywordPattern([table, Term(["detail*", "result*", "详情", "结果", "明细"])])),
        (.cannotCompare, KeywordPattern([uncomparable])),
        (.cannotCompare, KeywordPattern([negation, compare])),
        (.tableValues, KeywordPattern([Term(["value", "content", "内容"])])),
        (.sampling, KeywordPattern([sampling])),
        (.valueDifferences, KeywordPattern([differ])),
        (.repairStatements, KeywordPattern([sql])),
        (.repairProgress, KeywordPattern([Term(["progress", "进度"])])),
    ]

    // MARK: - Compare type words (metadata values, titles)

    static let compareTypes: [(CompareType, Term)] = [
        (.objects, Term(["objects comparison", "object*", "对象"])),
        (.sampling, Term(["sampl*", "random", "抽样", "采样"])),
        (.repair, Term(["repair*", "修复"])),
        (.values, Term(["value*", "content*", "内容", "数据对比", "值对比"])),
        (.lines, Term(["row*", "line*", "行数", "行对比"])),
    ]
}
