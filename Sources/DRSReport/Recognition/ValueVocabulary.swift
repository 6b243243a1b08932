import XLSXReader

/// Reads the cells that hold a closed vocabulary — statuses, difference kinds, repair operations
/// and states, object types — in either language, by exact phrase first and key words second.
struct ValueVocabulary: Sendable {
    private var statuses: [String: ComparisonStatus] = [:]
    private var differenceKinds: [String: DifferenceKind] = [:]
    private var operations: [String: RepairOperation] = [:]
    private var repairStates: [String: RepairState] = [:]
    private var objectTypes: [String: String] = [:]
    private var existence: [String: ObjectExistence] = [:]

    static let standard = ValueVocabulary(builtin: ())

    private init(builtin: Void) {
        for (status, texts) in ValueVocabulary.statusTexts {
            for text in texts { statuses[NormalizedText(text).fullString] = status }
        }
        for status in ComparisonStatus.known { statuses[NormalizedText(status.name).fullString] = status }
        for (code, chinese) in ObjectType.catalogue {
            objectTypes[NormalizedText(code).fullString] = code
            objectTypes[NormalizedText(chinese).fullString] = code
        }
        for (word, code) in [("database", "DB"), ("stored procedure", "PROCEDURE"), ("default", "DEFAULT_TYPE"),
                             ("collation", "TABLE_COLLATION"), ("extension", "EXTENSIONS"), ("filegroup", "FILE_GROUP")] {
            objectTypes[NormalizedText(word).fullString] = code
        }
        for (value, texts) in ValueVocabulary.existenceTexts {
            for text in texts { existence[NormalizedText(text).fullString] = value }
        }
        for (kind, texts) in [(DifferenceKind.onlyInSource, ["target_meta_is_null", "only in source", "只有源库存在"]),
                              (.onlyInTarget, ["source_meta_is_null", "only in destination", "only in target", "只有目标库存在"]),
                              (.bothDiffer, ["source_target_meta_not_null", "both differ", "源和目标端均存在"])] {
            for text in texts { differenceKinds[NormalizedText(text).fullString] = kind }
        }
    }

    // MARK: - User phrases

    mutating func add(status: ComparisonStatus, phrase: String) { statuses[NormalizedText(phrase).fullString] = status }
    mutating func add(differenceKind: DifferenceKind, phrase: String) { differenceKinds[NormalizedText(phrase).fullString] = differenceKind }
    mutating func add(operation: RepairOperation, phrase: String) { operations[NormalizedText(phrase).fullString] = operation }
    mutating func add(repairState: RepairState, phrase: String) { repairStates[NormalizedText(phrase).fullString] = repairState }
    mutating func add(objectType code: String, phrase: String) { objectTypes[NormalizedText(phrase).fullString] = code }
    mutating func add(existence value: ObjectExistence, phrase: String) { existence[NormalizedText(phrase).fullString] = value }

    // MARK: - Statuses

    /// The status a cell holds: a code (`0`, `12.0`), a boolean result, or a text in either language.
    func status(_ value: CellValue, objects: Bool) -> Interpreted<ComparisonStatus>? {
        switch value {
        case .empty: return nil
        case .number(let number):
            let code = Int(exactly: number)
            return Interpreted(code.map { ComparisonStatus(code: $0, objects: objects) } ?? .unknown(value.text), text: value.text)
        case .boolean(let flag):
            return Interpreted(flag ? .consistent : .inconsistent, text: value.text)
        default:
            let text = value.text
            guard !text.isEmpty else { return nil }
            return Interpreted(status(text: text, objects: objects), text: text)
        }
    }

    func status(text: String, objects: Bool) -> ComparisonStatus {
        let normalized = NormalizedText(text)
        let key = normalized.fullString
        if let status = statuses[key] { return status }
        let trimmed = text.trimmedSpaces
        if let code = Int(trimmed) { return ComparisonStatus(code: code, objects: objects) }
        if let number = Double(trimmed), let code = Int(exactly: number) { return ComparisonStatus(code: code, objects: objects) }
        switch key {
        case "true", "yes", "是": return .consistent
        case "false", "no", "否": return .inconsistent
        default: break
        }
        for (status, pattern) in ValueVocabulary.statusRules where pattern.fit(normalized.full) != nil { return status }
        return .unknown(text)
    }

    // MARK: - Other vocabularies

    func differenceKind(_ text: String) -> DifferenceKind {
        let normalized = NormalizedText(text)
        if let kind = differenceKinds[normalized.fullString] { return kind }
        for (kind, pattern) in ValueVocabulary.differenceRules where pattern.fit(normalized.full) != nil { return kind }
        return .unknown(text)
    }

    func operation(_ text: String) -> RepairOperation {
        let normalized = NormalizedText(text)
        if let operation = operations[normalized.fullString] { return operation }
        for (operation, term) in ValueVocabulary.operationWords where term.occurs(in: normalized.full) { return operation }
        return .unknown(text)
    }

    func repairState(_ text: String) -> RepairState {
        let normalized = NormalizedText(text)
        if let state = repairStates[normalized.fullString] { return state }
        for (state, term) in ValueVocabulary.repairStateWords where term.occurs(in: normalized.full) { return state }
        return .unknown(text)
    }

    /// Whether an object exists, from `Exists` / `Missing`, `Yes` / `No`, `存在` / `不存在`, `√` / `×`…
    func existence(_ text: String) -> ObjectExistence {
        let normalized = NormalizedText(text)
        if let value = existence[normalized.fullString] { return value }
        // Check marks and crosses are punctuation to the normaliser: look at the text itself.
        let trimmed = text.trimmedSpaces
        if ValueVocabulary.checkMarks.contains(trimmed) { return .exists }
        if ValueVocabulary.crosses.contains(trimmed) { return .missing }
        for (value, pattern) in ValueVocabulary.existenceRules where pattern.fit(normalized.full).map({ $0.score >= 0.6 }) == true {
            return value
        }
        return .unknown(text)
    }

    func objectType(_ text: String) -> ObjectType {
        let key = NormalizedText(text).fullString
        if let code = objectTypes[key] { return .known(code) }
        if key.hasSuffix("s"), let code = objectTypes[String(key.dropLast())] { return .known(code) }
        return .unknown(text)
    }

    // MARK: - Built-in words

    /// drs-api.md §3: every status code's en-us and zh-cn text, the API's enum names and the short words.
    static let statusTexts: [(ComparisonStatus, [String])] = [
        (.inconsistent, ["The comparison result is inconsistent", "对比不一致", "Inconsistent", "不一致", "INCONSISTENT", "data_inconsistent"]),
        (.consistent, ["The comparison result is consistent", "对比一致", "Consistent", "一致", "CONSISTENT"]),
        (.targetDatabaseTableMissing, ["The destination database table does not exist", "目标库表不存在"]),
        (.failed, ["The comparison failed", "对比失败", "FAILED_TO_COMPARE", "Failed", "失败"]),
        (.inProgress, ["The comparison task is in progress", "正在对比中", "COMPARING", "正在对比", "In progress"]),
        (.waiting, ["The comparison task is waiting to be started", "等待对比中", "WAITING_FOR_COMPARISON", "等待对比"]),
        (.canceled, ["The comparison task is canceled", "任务已取消", "CANCELED", "CANCELLED", "已取消"]),
        (.sourceDatabaseEmpty, ["The source database is empty", "源库为空"]),
        (.targetDatabaseEmpty, ["The destination database is empty", "目标库为空"]),
        (.bothDatabasesEmpty, ["Both the source and destination databases are empty", "源库和目标库都为空"]),
        (.sourceTableMissing, ["The source table does not exist", "源表不存在"]),
        (.targetTableMissing, ["The destination table does not exist", "目标表不存在"]),
        (.bothTablesMissing, ["Neither the source table nor the destination table exists", "源表和目标表都不存在"]),
        (.sourceConnectionFailed, ["Failed to connect to the source database", "源数据库连接失败"]),
        (.targetConnectionFailed, ["Failed to connect to the destination database", "目标库数据库连接失败", "目标数据库连接失败"]),
        (.sourceSQLTimeout, ["SQL execution timed out on the source database", "源数据库执行SQL超时"]),
        (.targetSQLTimeout, ["SQL execution timed out on the destination database", "目标数据库执行SQL超时"]),
        (.sourceSQLError, ["A source database SQL execution error occurred", "源数据库执行SQL错误"]),
        (.targetSQLError, ["A destination database SQL execution error occurred", "目标数据库执行SQL错误"]),
        (.bothDatabasesMissing, ["Neither the source nor the destination database exists", "源库和目标库都不存在"]),
        (.sourceDatabaseMissing, ["The source database does not exist", "源库不存在"]),
        (.targetDatabaseMissing, ["The destination database does not exist", "目标库不存在", "TARGET_DB_NOT_EXIST", "TARGET_DB_NOT_EXIT"]),
        (.tooManyRows, ["Over 100 million rows; not compared", "行数为亿行,未进行对比"]),
        (.timedOut, ["Timed out", "超时", "TIMEOUT"]),
        (.cannotCompare, ["CAN_NOT_COMPARE", "无法对比", "Cannot be compared", "Can not compare", "UNCOMPARABLE"]),
    ]

    private static let source = BuiltinVocabulary.source
    private static let target = BuiltinVocabulary.target
    private static let table = BuiltinVocabulary.table
    private static let database = BuiltinVocabulary.database
    private static let missing = Term(["not exist*", "does not exist", "missing", "not found", "absent", "不存在", "缺失", "未找到"])
    private static let empty = Term(["empty", "为空", "空"])
    private static let timeout = Term(["timed out", "timeout", "time out", "超时"])
    private static let connection = Term(["connect*", "连接"])
    private static let both = Term(["both", "neither", "都", "均", "和"])

    /// Wording the exact texts do not cover, from the most specific meaning to the least.
    static let statusRules: [(ComparisonStatus, KeywordPattern)] = [
        (.inconsistent, KeywordPattern([Term(["inconsistent", "not consistent", "mismatch*", "不一致", "有差异", "存在差异"])])),
        (.tooManyRows, KeywordPattern([Term(["100 million", "亿行", "亿"])])),
        (.waiting, KeywordPattern([Term(["wait*", "pending", "queued", "等待"])])),
        (.inProgress, KeywordPattern([Term(["in progress", "running", "comparing", "正在", "进行中", "对比中"])])),
        (.canceled, KeywordPattern([Term(["cancel*", "取消"])])),
        (.sourceSQLTimeout, KeywordPattern([source, timeout], excluded: [target])),
        (.targetSQLTimeout, KeywordPattern([target, timeout], excluded: [source])),
        (.timedOut, KeywordPattern([timeout])),
        (.sourceConnectionFailed, KeywordPattern([source, connection], excluded: [target])),
        (.targetConnectionFailed, KeywordPattern([target, connection], excluded: [source])),
        (.bothTablesMissing, KeywordPattern([both, table, missing])),
        (.bothDatabasesMissing, KeywordPattern([both, database, missing])),
        (.bothDatabasesEmpty, KeywordPattern([both, empty])),
        (.sourceTableMissing, KeywordPattern([source, table, missing], excluded: [target])),
        (.targetTableMissing, KeywordPattern([target, table, missing], excluded: [source])),
        (.sourceDatabaseMissing, KeywordPattern([source, missing], excluded: [target])),
        (.targetDatabaseMissing, KeywordPattern([target, missing], excluded: [source])),
        (.sourceDatabaseEmpty, KeywordPattern([source, empty], excluded: [target])),
        (.targetDatabaseEmpty, KeywordPattern([target, empty], excluded: [source])),
        (.sourceSQLError, KeywordPattern([source, Term(["sql"]), Term(["error", "错误"])], excluded: [target])),
        (.targetSQLError, KeywordPattern([target, Term(["sql"]), Term(["error", "错误"])], excluded: [source])),
        (.cannotCompare, KeywordPattern([Term(["cannot be compared", "can not compare", "cannot compare", "not compared", "uncompar*",
                                              "skip*", "无法对比", "未对比", "未进行对比", "跳过"])])),
        (.failed, KeywordPattern([Term(["fail*", "error", "失败", "错误"])])),
        (.consistent, KeywordPattern([Term(["consistent", "identical", "match", "matched", "一致", "相同"])])),
    ]

    private static let only = Term(["only", "just", "只有", "仅", "只在", "仅在", "单边"])

    static let differenceRules: [(DifferenceKind, KeywordPattern)] = [
        (.onlyInSource, KeywordPattern([only, source], excluded: [target])),
        (.onlyInTarget, KeywordPattern([only, target], excluded: [source])),
        (.onlyInSource, KeywordPattern([missing, target], excluded: [source])),
        (.onlyInTarget, KeywordPattern([missing, source], excluded: [target])),
        (.bothDiffer, KeywordPattern([Term(["both", "均", "都", "两端", "双方", "value differ*", "不同", "不一致"])])),
        (.bothDiffer, KeywordPattern([Term(["differ*", "mismatch*"])])),
    ]

    /// Object comparison (DRS "object does not exist in the destination"), schema-diff tools
    /// (Liquibase "missing", Redgate "only in source"), and spreadsheet habit (Y/N, √/×, 是/否, 有/无).
    static let existenceTexts: [(ObjectExistence, [String])] = [
        (.exists, ["exists", "exist", "existing", "present", "yes", "y", "true", "found", "available",
                   "存在", "已存在", "是", "有", "在"]),
        (.missing, ["missing", "absent", "not exist", "not exists", "does not exist", "not present", "not found", "none", "no", "n",
                    "false", "lacking", "不存在", "否", "无", "缺失", "缺少", "未找到", "没有", "不在"]),
    ]
    static let checkMarks: Set<String> = ["√", "✓", "✔", "☑"]
    static let crosses: Set<String> = ["×", "✗", "✘", "☒", "x", "X"]

    private static let existenceRules: [(ObjectExistence, KeywordPattern)] = [
        (.missing, KeywordPattern([missing])),
        (.exists, KeywordPattern([Term(["exist*", "present", "存在"])], excluded: [Term(["not", "no", "不", "无"])])),
    ]

    static let operationWords: [(RepairOperation, Term)] = [
        (.insert, Term(["insert*", "add", "插入", "新增", "添加"])),
        (.update, Term(["update*", "modif*", "更新", "修改"])),
        (.delete, Term(["delete*", "remov*", "删除"])),
    ]

    static let repairStateWords: [(RepairState, Term)] = [
        (.failed, Term(["fail*", "error", "失败", "错误"])),
        (.notExecuted, Term(["not executed", "not run", "unexecuted", "pending", "wait*", "skip*", "未执行", "待执行", "未修复", "等待", "跳过"])),
        (.running, Term(["running", "executing", "in progress", "执行中", "修复中"])),
        (.succeeded, Term(["success*", "succeed*", "done", "ok", "repaired", "成功", "已修复", "完成"])),
    ]
}
