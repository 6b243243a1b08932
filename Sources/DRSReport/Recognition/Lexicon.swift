/// What a part of a header says: a side, an entity, a facet, or a word that marks a column as no
/// concept at all (a person, a time, a batch). Concepts are composed from senses in any order
/// (``ConceptRules``), so a lexicon of parts covers combinations nobody listed.
enum Sense: String, Sendable, Hashable, CaseIterable, Comparable {
    // Sides.
    case source, target
    // Entities.
    case database, table, object, row, count, total, value, content, definition, key, column, sql, select
    case operation, kind, name, filter, ratio, sampling
    // Facets.
    case message, error, difference, inconsistent, result, status, compare, finished, uncomparable, negation
    case repair, repaired, succeeded, failed, execution, exists
    // Words that make a header no concept: "Reviewer", "Start Time", "Engine Version", "Batch No.".
    case time, engine, person, progress, batch, identifier, ticket
    // What result and state cells say (``ValueReading``).
    case missing, empty, timeout, connection, waiting, running, canceled, consistent, both, only, surplus, large
    case insertion, update, deletion

    static func < (a: Sense, b: Sense) -> Bool { a.rawValue < b.rawValue }

    /// Senses of words that describe something no column concept is about.
    var isForeign: Bool {
        switch self {
        case .time, .engine, .person, .progress, .batch, .identifier, .ticket: return true
        default: return false
        }
    }
}

/// One lexicon entry: the senses a part has. A weak sense is a reading the part can take when a
/// concept needs it ("check" can stand for a result, "to" for the target side) but that is no
/// objection when it does not fit.
struct Lexeme: Sendable, Hashable {
    let senses: Set<Sense>
    let weak: Set<Sense>

    static let filler = Lexeme(senses: [], weak: [])
    /// A unit written after a count or ratio: dropped.
    static let unit = Lexeme(senses: [], weak: [])
}

/// The parts drsdiff knows, in en-us and zh-cn. Each group says where its words come from:
/// DRS's API field names and console wording (`drs-api.md`, `report-layout.md`), other migration
/// and comparison tools (AWS DMS data validation, Alibaba Cloud DTS data verification, Oracle
/// GoldenGate Veridata, Percona pt-table-checksum and pt-table-sync, TiDB sync-diff-inspector,
/// Debezium change events, Flyway and Liquibase, Redgate/SQL Server data compare, Oracle
/// DBMS_COMPARISON) and DBA usage (replication and high-availability roles, common abbreviations).
/// Latin words are matched whole, after plural endings are taken off; an entry ending in `*` is
/// a stem (`compar*`: compare, compared, comparison). CJK parts are found by longest match.
enum Lexicon {
    private static func entries(_ words: [String], _ senses: Set<Sense>, weak: Set<Sense> = []) -> [(String, Lexeme)] {
        words.map { ($0, Lexeme(senses: senses, weak: weak)) }
    }

    // MARK: - Latin words

    static let latinEntries: [(String, Lexeme)] = [
        // Sides. DRS: source/destination/target; DMS and DTS: source/target endpoint; MySQL
        // replication: master/slave, source/replica; Oracle Data Guard, PostgreSQL: primary/
        // standby; TiDB sync-diff-inspector: upstream/downstream; Liquibase: reference/target;
        // Debezium: before/after; DBMS_COMPARISON: local/remote; diff views: left/right, old/new.
        entries(["source", "src", "origin", "original", "orig", "upstream", "primary", "master", "old", "left", "reference",
                 "publisher", "producer", "legacy", "upcount"], [.source]),
        entries(["s", "from", "local", "before", "ref", "up", "main"], [], weak: [.source]),
        entries(["destination", "dest", "target", "tgt", "dst", "downstream", "replica", "standby", "secondary", "slave",
                 "new", "right", "subscriber", "consumer", "sink", "mirror", "downcount"], [.target]),
        entries(["t", "to", "remote", "after", "down", "copy"], [], weak: [.target]),

        // Entities. DRS field names (source_db_name, source_table_name, source_row_num…), DMS
        // table statistics (SchemaName, TableName, FullLoadRows), Oracle's table owner.
        // Abbreviations as scripts and narrow screens write them: sch, tbl, typ, fld, res, stat…
        entries(["database", "db", "schema", "sch", "instance", "catalog", "keyspace"], [.database]),
        entries(["namespace"], [], weak: [.database]),
        entries(["table", "tbl", "relation", "collection"], [.table]),
        entries(["tab"], [], weak: [.table]),
        entries(["object", "obj"], [.object]),
        entries(["row", "record", "line", "tuple", "upcount", "downcount"], [.row]),
        entries(["entry"], [], weak: [.row]),
        entries(["count", "cnt", "num", "qty", "quantity", "amount", "amt", "#"], [.count]),
        entries(["number", "nr", "size", "volume", "n"], [], weak: [.count, .identifier]),
        // "No." numbers a column; "No differences" negates.
        entries(["no"], [], weak: [.count, .identifier, .negation]),
        entries(["total", "sum"], [.total], weak: [.count]),
        entries(["all"], [], weak: [.total]),
        entries(["value", "val"], [.value]),
        entries(["content", "data"], [.content]),
        entries(["definition", "def", "ddl", "structure"], [.definition]),
        entries(["key", "pk", "uk", "rowkey"], [.key]),
        entries(["column", "col", "field", "fld", "attribute", "attr"], [.column]),
        entries(["sql", "statement", "stmt", "script"], [.sql]),
        entries(["query", "qry"], [.sql, .select]),
        entries(["select", "sel", "lookup", "fetch", "retrieve"], [.select]),
        entries(["operation", "op", "action", "act", "dml"], [.operation]),
        entries(["change", "changed"], [.update], weak: [.operation]),
        entries(["event"], [], weak: [.operation]),
        entries(["type", "typ", "kind", "category", "cat", "class", "sort"], [.kind]),
        entries(["name", "label"], [.name]),
        // Row filters: DRS compare_line_config_filter; SQL WHERE; pt-table-checksum --where.
        entries(["filter", "where", "predicate", "condition", "cond", "criteria", "criterion"], [.filter]),
        entries(["clause", "expression", "scope", "range", "config", "configuration"], [], weak: [.filter]),
        // Sampling: DRS random comparison and proportion_value; DTS sampling ratio.
        entries(["ratio", "rate", "percent", "percentage", "pct", "proportion", "fraction", "%"], [.ratio]),
        // "Applied?", "In Source?": a question asks for a result.
        entries(["?"], [], weak: [.result]),
        entries(["share"], [], weak: [.ratio]),
        entries(["sampl*", "smp", "random"], [.sampling]),

        // Facets. DRS: difference, result, status, message, additional info, remarks; DMS:
        // ValidationState, FAILURE_TYPE, DETAILS; Veridata: out-of-sync, compare status;
        // pt-table-checksum: DIFFS, ERRORS, SKIPPED; sync-diff-inspector: RESULT, DATA DIFF ROWS.
        entries(["message", "msg", "remark", "note", "info", "information", "detail", "description", "desc", "reason",
                 "comment", "diagnostic", "hint", "explanation", "cause", "why"], [.message]),
        entries(["additional", "extra"], [.message, .surplus]),
        entries(["error", "err", "errored", "exception"], [.error], weak: [.failed]),
        entries(["difference", "diff", "delta", "gap", "variance", "discrepancy", "deviation", "differ*", "δ", "∆"], [.difference]),
        entries(["offset"], [], weak: [.difference]),
        entries(["inconsistent", "mismatch*", "unequal", "unmatched", "oos"], [.inconsistent], weak: [.difference]),
        entries(["different"], [.inconsistent, .difference]),
        entries(["result", "res", "rslt", "outcome", "verdict", "conclusion", "finding", "judgement", "judgment"], [.result]),
        entries(["status", "stat", "state", "sts"], [.status]),
        entries(["compar*", "check*", "chk", "verif*", "validat*", "audit*", "reconcil*", "consisten*", "crc", "checksum"],
                [.compare], weak: [.result]),
        entries(["finish*", "complet*", "done", "ended"], [.finished]),
        entries(["uncompar*", "incompar*", "skip*", "excluded", "ignored"], [.uncomparable]),
        entries(["not", "non", "cannot", "unable", "without", "never", "un"], [.negation]),
        // Repair: DRS repair_sql_info, repair_sql_state; DTS 数据订正; Veridata repair/resync;
        // pt-table-sync; the past participle says the rows are done.
        entries(["repair", "fix", "fixes", "remediation", "remedy", "resync", "correction", "patch"], [.repair]),
        entries(["repaired", "fixed", "resynced", "corrected", "remediated", "patched"], [.repaired]),
        entries(["success", "successful", "succeeded", "ok"], [.succeeded]),
        entries(["fail*", "unsuccessful", "crash*", "broken", "reject*", "refus*", "declined", "denied"], [.failed]),
        entries(["execution", "exec", "execute", "executed", "run", "apply", "applied"], [.execution]),
        entries(["exist*", "present", "presence", "found", "available"], [.exists]),

        // What result, state and difference cells say. drs-api.md §3 status texts; DMS
        // ValidationState (Validated, Mismatched records, Pending records, Table error) and
        // FAILURE_TYPE (MISSING_SOURCE, MISSING_TARGET, RECORD_DIFF); Redgate (only in source,
        // identical, different); Liquibase (missing, unexpected, changed); Veridata (in sync, out
        // of sync); pt-table-sync and Debezium operations (INSERT/UPDATE/DELETE, c/u/d).
        entries(["missing", "absent", "lacking", "lost", "gone", "nonexistent", "unexpected"], [.missing]),
        entries(["empty", "blank"], [.empty]),
        entries(["timeout", "timeouts", "deadline"], [.timeout]),
        entries(["connect*", "conn", "unreachable", "network", "link", "reach*"], [.connection]),
        entries(["wait*", "pending", "queued", "scheduled"], [.waiting]),
        entries(["running", "ongoing", "comparing", "processing", "executing", "validating", "checking"], [.running]),
        entries(["cancel*", "stopped", "terminated", "killed", "aborted"], [.canceled]),
        // A header asking whether things agree ("Rows Equal?", "Count Match") holds a result.
        entries(["consistent", "identical", "match", "matched", "matches", "matching", "same", "equal", "equals", "agree", "agrees"],
                [.consistent], weak: [.result]),
        entries(["validated", "verified"], [.compare], weak: [.consistent]),
        entries(["both", "neither"], [.both]),
        entries(["only", "exclusively", "solely"], [.only]),
        entries(["surplus", "redundant", "superfluous"], [.surplus]),
        entries(["more"], [], weak: [.surplus]),
        entries(["million", "millions", "billion", "huge", "oversized"], [.large]),
        entries(["insert*", "ins", "add", "added", "adding"], [.insertion]),
        entries(["update*", "upd", "modif*"], [.update]),
        entries(["delete*", "del", "remov*", "purge*"], [.deletion]),
        entries(["c", "i"], [], weak: [.insertion]),
        entries(["u"], [], weak: [.update]),
        entries(["d"], [], weak: [.deletion]),

        // Words of columns that are no concept (kept unmatched, their cells in `extra`).
        entries(["time", "date", "timestamp", "ts", "duration", "elapsed", "took", "seconds", "sec", "ms", "datetime",
                 "started", "ended", "when"], [.time]),
        entries(["engine", "version", "platform", "vendor", "edition", "release"], [.engine]),
        entries(["by", "who", "owner", "reviewer", "operator", "checker", "auditor", "assignee", "user", "approver", "person",
                 "responsible", "signoff", "sign"], [.person]),
        entries(["progress"], [.progress]),
        entries(["batch", "shard", "chunk", "partition", "segment", "job", "task"], [.batch]),
        entries(["id", "uuid", "guid", "identifier", "ident"], [.identifier]),
        entries(["ticket", "issue", "jira", "incident", "evidence"], [.ticket]),
    ].flatMap { $0 }

    /// Words that carry no meaning of their own in a column title.
    static let latinFillers: Set<String> = [
        // Function words of a common English stop-word list.
        "the", "of", "in", "on", "at", "for", "a", "an", "is", "are", "be", "that", "which", "per", "with", "and", "or", "its",
        "was", "were", "been", "being", "do", "does", "did", "it", "this", "these", "those", "there", "has", "have", "had",
        "as", "so", "than", "any", "each", "where", "because", "yet", "still",
        "@", "&", "affected", "related", "involved", "corresponding", "respective", "need", "needs", "needing", "required",
        "requiring", "pending", "awaiting", "side", "end", "endpoint", "whether", "overall", "final", "current", "actual",
        // The migration a report checks is the context of every column, never a concept.
        "migration", "migrations",
    ]

    /// Multi-word parts read as one before single words: idioms whose words mean something else alone.
    static let latinPhrases: [([String], Lexeme)] = [
        (["primary", "key"], Lexeme(senses: [.key], weak: [])),
        (["unique", "key"], Lexeme(senses: [.key], weak: [])),
        (["out", "of", "sync"], Lexeme(senses: [.inconsistent], weak: [.difference])),
        (["in", "sync"], Lexeme(senses: [.consistent], weak: [.result])),
        (["row", "count"], Lexeme(senses: [.row, .count], weak: [])),
        (["record", "count"], Lexeme(senses: [.row, .count], weak: [])),
        (["can", "not"], Lexeme(senses: [.negation], weak: [])),
        (["timed", "out"], Lexeme(senses: [.timeout], weak: [])),
        (["time", "out"], Lexeme(senses: [.timeout], weak: [])),
        (["time", "limit"], Lexeme(senses: [.timeout], weak: [])),
        (["in", "progress"], Lexeme(senses: [.running], weak: [])),
        (["too", "large"], Lexeme(senses: [.large], weak: [])),
        (["too", "many"], Lexeme(senses: [.large], weak: [])),
        (["too", "long"], Lexeme(senses: [.timeout], weak: [])),
        (["too", "big"], Lexeme(senses: [.large], weak: [])),
        (["not", "found"], Lexeme(senses: [.missing], weak: [])),
    ]

    /// Units after a count, a ratio or a time: `(rows)`, `(#)`, `(s)`, `[count]`. Dropped inside brackets only.
    static let latinUnits: Set<String> = ["rows", "row", "records", "lines", "items", "s", "ms", "sec", "secs", "seconds",
                                          "min", "mins", "h", "count", "pcs", "#", "x"]

    // MARK: - CJK parts (longest match)

    static let cjkEntries: [(String, Lexeme)] = [
        // Sides. DRS: 源库/目标库, 源端/目标端; DTS: 源实例/目标实例; DBA usage: 主库/备库 (primary/
        // standby), 从库 (replica), 上游/下游 (TiDB DM and sync-diff-inspector), 原/新, 目的端.
        entries(["源", "源端", "源侧", "原端", "上游", "旧", "源头", "来源"], [.source]),
        entries(["原"], [], weak: [.source]),
        // 前/后 (before/after, as 迁移前/迁移后: before and after the migration), like before/after.
        entries(["前"], [], weak: [.source]),
        entries(["后"], [], weak: [.target]),
        entries(["源库", "主库", "原库", "源数据库", "上游库"], [.source, .database]),
        entries(["源表", "原表"], [.source, .table]),
        entries(["目标", "目标端", "目标侧", "目的", "目的端", "下游", "新", "对端"], [.target]),
        entries(["备", "从", "目"], [], weak: [.target]),
        entries(["主"], [], weak: [.source]),
        entries(["目标库", "目的库", "备库", "从库", "目标数据库", "下游库", "新库"], [.target, .database]),
        entries(["目标表", "目的表", "新表"], [.target, .table]),

        // Entities. DRS: 库名, 表名, 行数, 对象类型, 对象名称, 主键, 列名, 查询源库的SQL, 修复SQL.
        entries(["库", "数据库", "实例", "模式", "库名", "数据库名"], [.database]),
        entries(["表", "数据表", "表名", "表格"], [.table]),
        entries(["对象"], [.object]),
        entries(["行", "记录", "数据行"], [.row]),
        entries(["条"], [], weak: [.row, .count]),
        entries(["行数", "条数", "记录数", "数据量", "数据条数", "数据行数", "行记录数"], [.row, .count]),
        entries(["总行数", "总条数", "总记录数"], [.total, .row, .count]),
        entries(["数", "数量", "个数", "数目", "计数"], [.count]),
        entries(["量"], [], weak: [.count]),
        entries(["总", "总数", "合计", "总计", "全部", "总量"], [.total], weak: [.count]),
        entries(["值", "取值", "数值"], [.value]),
        entries(["内容", "数据"], [.content]),
        entries(["定义", "结构", "表结构"], [.definition]),
        entries(["主键", "键", "唯一键", "主键值", "键值", "联合主键"], [.key]),
        entries(["列", "字段", "列名", "字段名", "属性"], [.column]),
        entries(["语句", "脚本"], [.sql]),
        entries(["查询", "取数", "检索"], [.select]),
        entries(["操作", "动作", "操作类型"], [.operation]),
        entries(["变更"], [.update], weak: [.operation]),
        entries(["类型", "种类", "类别", "分类", "类", "归类", "性质"], [.kind]),
        entries(["名称", "名", "名字"], [.name]),
        entries(["标识"], [], weak: [.name, .identifier]),
        entries(["过滤", "筛选", "条件", "过滤条件", "筛选条件"], [.filter]),
        entries(["范围", "配置", "限定", "表达式"], [], weak: [.filter]),
        entries(["比例", "比率", "占比", "百分比", "率", "比重"], [.ratio]),
        entries(["抽样", "采样", "抽查", "抽检", "抽取", "随机"], [.sampling]),

        // Facets. DRS: 差异, 差异值, 对比结果, 状态, 附加信息, 备注, 错误信息; DTS: 校验结果,
        // 不一致; DBA usage: 核对, 稽核, 比对, 差额, 偏差.
        entries(["信息", "备注", "说明", "原因", "描述", "附注", "提示", "详情", "附加信息", "详细信息", "消息", "注释",
                 "详细", "附加", "明细"], [.message]),
        entries(["错误", "出错", "报错", "异常"], [.error], weak: [.failed]),
        entries(["差异", "差值", "差", "相差", "差额", "偏差", "差别", "差数", "差距"], [.difference]),
        entries(["不一致", "有差异", "不相符", "不符", "不匹配", "存在差异"], [.inconsistent], weak: [.difference]),
        entries(["不同"], [.inconsistent, .difference]),
        entries(["结果", "结论", "判定"], [.result]),
        entries(["状态", "情况"], [.status]),
        entries(["对比", "比对", "比较", "校验", "核对", "稽核", "检查", "验证", "核验", "检验", "一致性", "审核", "复核",
                 // 对账 (reconciliation), as finance and data teams check two ledgers against each other.
                 "对账"],
                [.compare], weak: [.result]),
        entries(["完成", "已完成", "结束"], [.finished]),
        entries(["跳过", "忽略"], [.uncomparable]),
        entries(["未", "无法", "不可", "不能", "不", "非", "没有"], [.negation]),
        entries(["无"], [], weak: [.negation]),
        entries(["修复", "订正", "修正", "补偿", "纠正", "补数"], [.repair]),
        entries(["修改"], [.update], weak: [.repair]),
        entries(["已修复", "修复成功", "修复完成", "已订正", "已修正", "修好", "已补偿"], [.repaired]),
        entries(["成功"], [.succeeded]),
        entries(["成"], [], weak: [.succeeded]),
        entries(["败"], [], weak: [.failed]),
        entries(["失败", "未成功", "拒绝"], [.failed]),
        entries(["执行", "应用", "运行", "生效"], [.execution]),
        entries(["存在", "是否存在", "有无", "在否"], [.exists]),
        // "是否…" asks a yes/no question: the column holds a result.
        entries(["是否"], [], weak: [.result]),

        // What result, state and difference cells say (drs-api.md §3 texts; DTS; DBA usage).
        entries(["缺失", "缺少", "丢失", "遗漏", "无此", "找不到", "未找到"], [.missing]),
        entries(["为空", "空"], [.empty]),
        entries(["超时", "时间过长", "耗时过长", "时间太长"], [.timeout]),
        entries(["连接", "连不上", "网络"], [.connection]),
        entries(["等待", "排队", "等待中"], [.waiting]),
        entries(["待"], [], weak: [.waiting]),
        entries(["正在", "进行中", "对比中", "执行中", "运行中", "校验中", "处理中"], [.running]),
        entries(["取消", "已取消", "终止", "中止"], [.canceled]),
        entries(["一致", "相同", "相等", "匹配"], [.consistent], weak: [.result]),
        entries(["都", "均", "两端", "双方", "两边", "双端"], [.both]),
        entries(["仅", "只有", "只在", "仅在", "独有", "单边", "只"], [.only]),
        entries(["多", "多出", "多余", "冗余", "额外"], [.surplus]),
        entries(["亿", "过大", "太多", "超大"], [.large]),
        entries(["插入", "新增", "添加", "增加", "增"], [.insertion]),
        entries(["更新", "改"], [.update]),
        entries(["删除", "移除", "删", "去除"], [.deletion]),

        // Words of columns that are no concept.
        entries(["时间", "日期", "时刻", "耗时", "时长", "用时"], [.time]),
        entries(["引擎", "版本", "平台"], [.engine]),
        entries(["人", "负责人", "审核人", "核对人", "操作人", "处理人", "责任人", "经办人"], [.person]),
        entries(["进度"], [.progress]),
        entries(["批次", "分片", "分区", "任务", "作业"], [.batch]),
        entries(["编号", "号", "序号", "单号"], [.identifier]),
        entries(["工单"], [.ticket]),
    ].flatMap { $0 }

    static let cjkFillers: Set<String> = ["的", "之", "中", "里", "所", "在", "侧", "端", "方", "需", "应", "需要", "已",
                                          "总体", "整体", "最终", "报表", "列表", "代表", "迁移",
                                          "各", "其", "及", "和", "与"]

    /// Units after a count or a time: `（行）`, `(条)`, `（秒）`. Dropped inside brackets only.
    static let cjkUnits: Set<String> = ["行", "条", "个", "秒", "毫秒", "分钟", "次", "项", "张"]

    // MARK: - Lookup tables

    static let latin: [String: Lexeme] = Dictionary(latinEntries.filter { !$0.0.hasSuffix("*") }, uniquingKeysWith: merge)
    static let latinStems: [(String, Lexeme)] = latinEntries.filter { $0.0.hasSuffix("*") }
        .map { (String($0.0.dropLast()), $0.1) }.sorted { $0.0.count > $1.0.count }
    static let cjk: [String: Lexeme] = Dictionary(cjkEntries.map { (String($0.0.lowercased()), $0.1) }, uniquingKeysWith: merge)
    /// The longest CJK entry, in characters: how far a longest-match segmentation looks ahead.
    static let longestCJK: Int = (cjkEntries.map(\.0) + Array(cjkFillers)).map { $0.unicodeScalars.count }.max() ?? 1

    private static func merge(_ a: Lexeme, _ b: Lexeme) -> Lexeme {
        Lexeme(senses: a.senses.union(b.senses), weak: a.weak.union(b.weak).subtracting(a.senses.union(b.senses)))
    }

    /// The lexeme of a lower-cased Latin word: the word itself, without a plural ending, or a stem.
    static func latinWord(_ word: String) -> Lexeme? {
        if let lexeme = latin[word] { return lexeme }
        for singular in singulars(word) { if let lexeme = latin[singular] { return lexeme } }
        for (stem, lexeme) in latinStems where word.count >= stem.count && word.hasPrefix(stem) { return lexeme }
        return nil
    }

    /// `rows` → `row`, `notes` → `note`, `entries` → `entry`, `statuses` → `status`, `indexes` → `index`.
    static func singulars(_ word: String) -> [String] {
        guard word.count > 2, word.hasSuffix("s") else { return [] }
        var out: [String] = []
        if word.hasSuffix("ies") { out.append(String(word.dropLast(3)) + "y") }
        if !word.hasSuffix("ss") { out.append(String(word.dropLast())) }
        if word.hasSuffix("es") { out.append(String(word.dropLast(2))) }
        return out
    }
}
