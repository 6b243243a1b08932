/// A database object type as DRS's object comparison names it (`drs-api.md` §3). `code` is the
/// API's name (`TABLE`, `ROUTINE`…), also when the report shows the Chinese name (表, 存储过程和函数…);
/// types drsdiff does not know keep their text in `unknown`.
public enum ObjectType: Sendable, Hashable, InterpretedValue {
    case known(String)
    case unknown(String)

    /// The API codes, with their zh-cn names.
    static let catalogue: [(code: String, chinese: String)] = [
        ("DB", "数据库"), ("TABLE", "表"), ("VIEW", "视图"), ("EVENT", "事件"), ("ROUTINE", "存储过程和函数"),
        ("INDEX", "索引"), ("TRIGGER", "触发器"), ("SYNONYM", "同义词"), ("FUNCTION", "函数"), ("PROCEDURE", "存储过程"),
        ("TYPE", "自定义类型"), ("RULE", "规则"), ("DEFAULT_TYPE", "缺省值"), ("PLAN_GUIDE", "执行计划"),
        ("CONSTRAINT", "约束"), ("FILE_GROUP", "文件组"), ("PARTITION_FUNCTION", "分区函数"),
        ("PARTITION_SCHEME", "分区方案"), ("TABLE_COLLATION", "表的排序规则"), ("EXTENSIONS", "插件"),
    ]

    /// The API code, or `unknown`.
    public var name: String {
        switch self {
        case .known(let code): return code
        case .unknown: return "unknown"
        }
    }

    public static var fieldType: FieldType { .objectType }

    public static func decoded(name: String, text: String) -> ObjectType {
        catalogue.contains { $0.code == name } ? .known(name) : .unknown(text)
    }
}
