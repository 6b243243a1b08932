import DRSReport

/// The words of an HTML page around the report's own text, in the report's language.
struct HTMLLabels: Sendable {
    let lang: String
    let title: String
    let verdict: String
    let verdicts: [StatusCategory: String]
    let report: String
    let key: String
    let value: String
    let compareType: String
    let language: String
    let sections: String
    let section: String
    let sheets: String
    let records: String
    let databases: String
    let database: String
    let table: String
    let tables: String
    let bar: String
    let rowDifference: String
    let databaseStatus: String
    let largest: String
    let sourceRows: String
    let targetRows: String
    let difference: String
    let status: String
    let uncomparable: String
    let reason: String
    let location: String
    let objectTypes: String
    let objectType: String
    let source: String
    let target: String
    let objects: String
    let valueDifferences: String
    let repair: String
    let name: String
    let count: String
    let notes: String
    let allRecords: String
    let filter: String
    let none: String
    let row: String
    let extra: String
    let generatedBy: String
    /// "Showing 500 of 12,000 records: every inconsistent or incomplete one first, then the rest in report order; 11,500 left out."
    let shownOf: @Sendable (Int, Int, Int) -> String
    /// "Showing the first 1,000 of 1,234."
    let firstOf: @Sendable (Int, Int) -> String
    /// The banner's line when some section was cut.
    let cutBanner: @Sendable (Int, Int, Int) -> String

    static func forLanguage(_ language: ReportLanguage?) -> HTMLLabels {
        language == .chinese ? chinese : english
    }

    static let english = HTMLLabels(
        lang: "en", title: "DRS comparison report", verdict: "Verdict",
        verdicts: [.consistent: "consistent", .inconsistent: "inconsistent", .incomplete: "incomplete"],
        report: "Report", key: "key", value: "value", compareType: "compare type (recognised)", language: "language (recognised)",
        sections: "Sections", section: "section", sheets: "sheets", records: "records",
        databases: "Databases", database: "database", table: "table", tables: "tables", bar: "tables by result",
        rowDifference: "row difference", databaseStatus: "database status",
        largest: "Largest row differences", sourceRows: "source rows", targetRows: "destination rows", difference: "difference", status: "status",
        uncomparable: "Tables that could not be compared", reason: "reason", location: "where",
        objectTypes: "Object types", objectType: "object type", source: "source", target: "destination", objects: "objects listed",
        valueDifferences: "Value differences", repair: "Repair", name: "name", count: "count", notes: "Notes",
        allRecords: "Records", filter: "Filter rows (words, any column)", none: "none", row: "row", extra: "extra",
        generatedBy: "Made by drsdiff from",
        shownOf: { shown, total, left in
            "Showing \(grouped(shown)) of \(grouped(total)) records: every inconsistent or incomplete one first, then the rest, in report order. "
                + "\(grouped(left)) left out (drsdiff report has them all)."
        },
        firstOf: { shown, total in "Showing the first \(grouped(shown)) of \(grouped(total)), in report order." },
        cutBanner: { sections, left, limit in
            "This page shows at most \(grouped(limit)) records per section: it leaves out \(grouped(left)) records of \(sections) section\(sections == 1 ? "" : "s"). The counts above cover every record."
        })

    static let chinese = HTMLLabels(
        lang: "zh-CN", title: "DRS 对比报告", verdict: "结论",
        verdicts: [.consistent: "一致", .inconsistent: "不一致", .incomplete: "未完成"],
        report: "报告", key: "项目", value: "值", compareType: "对比类型（识别）", language: "语言（识别）",
        sections: "分区", section: "分区", sheets: "工作表", records: "记录数",
        databases: "数据库", database: "数据库", table: "表", tables: "表数", bar: "按结果统计的表",
        rowDifference: "行数差异", databaseStatus: "数据库状态",
        largest: "行数差异最大的表", sourceRows: "源库行数", targetRows: "目标库行数", difference: "差异", status: "状态",
        uncomparable: "无法对比的表", reason: "原因", location: "位置",
        objectTypes: "对象类型", objectType: "对象类型", source: "源库", target: "目标库", objects: "列出的对象",
        valueDifferences: "内容差异", repair: "修复", name: "名称", count: "数量", notes: "备注",
        allRecords: "记录", filter: "筛选行（任意列中的词）", none: "无", row: "行", extra: "其他",
        generatedBy: "由 drsdiff 生成，来源",
        shownOf: { shown, total, left in
            "显示 \(grouped(total)) 条记录中的 \(grouped(shown)) 条：先列出所有不一致或未完成的记录，其余按报告顺序。未显示 \(grouped(left)) 条（drsdiff report 输出全部记录）。"
        },
        firstOf: { shown, total in "按报告顺序显示 \(grouped(total)) 条中的前 \(grouped(shown)) 条。" },
        cutBanner: { sections, left, limit in
            "本页每个分区最多显示 \(grouped(limit)) 条记录：\(sections) 个分区共省略 \(grouped(left)) 条。上方的统计包含全部记录。"
        })

    static func grouped(_ number: Int) -> String {
        var digits = String(number.magnitude)
        var position = digits.count - 3
        while position > 0 {
            digits.insert(",", at: digits.index(digits.startIndex, offsetBy: position))
            position -= 3
        }
        return (number < 0 ? "-" : "") + digits
    }
}
