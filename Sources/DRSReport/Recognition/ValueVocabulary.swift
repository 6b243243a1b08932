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
    /// Words the workbook being read taught (its side words).
    var overlay = WordOverlay()

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
        statusReading(text: text, objects: objects)?.status ?? .unknown(text)
    }

    /// The status a text reads as, and whether firmly (an exact phrase, a code, or words that
    /// leave no doubt); nil when nothing reads.
    func statusReading(text: String, objects: Bool) -> ValueReading.Status? {
        let normalized = NormalizedText(text)
        let key = normalized.fullString
        if let status = statuses[key] { return ValueReading.Status(status: status, firm: true) }
        let trimmed = text.trimmedSpaces
        if let code = Int(trimmed) { return ValueReading.Status(status: ComparisonStatus(code: code, objects: objects), firm: true) }
        if let number = Double(trimmed), let code = Int(exactly: number) {
            return ValueReading.Status(status: ComparisonStatus(code: code, objects: objects), firm: true)
        }
        switch key {
        case "true", "yes", "是": return ValueReading.Status(status: .consistent, firm: true)
        case "false", "no", "否": return ValueReading.Status(status: .inconsistent, firm: true)
        default: break
        }
        return ValueReading.status(text, overlay: overlay)
    }

    // MARK: - Other vocabularies

    func differenceKind(_ text: String) -> DifferenceKind {
        let normalized = NormalizedText(text)
        if let kind = differenceKinds[normalized.fullString] { return kind }
        return ValueReading.differenceKind(text, overlay: overlay) ?? .unknown(text)
    }

    func operation(_ text: String) -> RepairOperation {
        let normalized = NormalizedText(text)
        if let operation = operations[normalized.fullString] { return operation }
        return ValueReading.operation(text, overlay: overlay) ?? .unknown(text)
    }

    /// A repair sheet's "executed" flag, a real TRUE/FALSE cell: TRUE ran (and nothing says it
    /// failed), FALSE did not run.
    static let executedFlags: [String: RepairState] = ["true": .succeeded, "false": .notExecuted]

    func repairState(_ text: String) -> RepairState {
        let normalized = NormalizedText(text)
        if let state = repairStates[normalized.fullString] { return state }
        if let state = ValueVocabulary.executedFlags[normalized.fullString] { return state }
        return ValueReading.repairState(text, overlay: overlay) ?? .unknown(text)
    }

    /// Whether an object exists, from `Exists` / `Missing`, `Yes` / `No`, `存在` / `不存在`, `√` / `×`…
    func existence(_ text: String) -> ObjectExistence {
        let normalized = NormalizedText(text)
        if let value = existence[normalized.fullString] { return value }
        // Check marks and crosses are punctuation to the normaliser: look at the text itself.
        let trimmed = text.trimmedSpaces
        if ValueVocabulary.checkMarks.contains(trimmed) { return .exists }
        if ValueVocabulary.crosses.contains(trimmed) { return .missing }
        return ValueReading.existence(text, overlay: overlay) ?? .unknown(text)
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


    /// Object comparison (DRS "object does not exist in the destination"), schema-diff tools
    /// (Liquibase "missing", Redgate "only in source"), and spreadsheet habit (Y/N, √/×, 是/否, 有/无).
    static let existenceTexts: [(ObjectExistence, [String])] = [
        (.exists, ["exists", "exist", "existing", "present", "yes", "y", "true", "found", "available",
                   "存在", "已存在", "是", "有", "在"]),
        (.missing, ["missing", "absent", "not exist", "not exists", "does not exist", "not present", "not found", "none", "no", "n",
                    "false", "lacking", "不存在", "否", "无", "缺失", "缺少", "未找到", "没有", "不在"]),
    ]
    /// Words saying a side has the row or object, read inside longer texts (`源有目无`).
    static let presenceWords: Set<String> = ["有", "在", "yes", "y", "present", "found"]
    static let checkMarks: Set<String> = ["√", "✓", "✔", "☑"]
    static let crosses: Set<String> = ["×", "✗", "✘", "☒", "x", "X"]
}
