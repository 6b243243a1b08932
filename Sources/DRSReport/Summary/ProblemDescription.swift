extension ReportRecord {
    /// One line saying what is wrong with this record, for `drsdiff check`; nil when nothing is
    /// (or when the record is one of many that are better counted per table: value differences
    /// and repair statements, see ``ReportSummary/valueDifferences`` and ``ReportSummary/repair``).
    ///
    /// `inconsistent: table shop.orders: source 1234 rows, destination 1230, difference 4: The comparison result is inconsistent (Table Details row 6)`
    public var problemDescription: String? {
        guard let category, category != .consistent else { return nil }
        let detail: String
        switch self {
        case .objectTypeSummary(let r):
            detail = "object type \(r.objectType?.value.name == "unknown" ? r.objectType?.text ?? "?" : r.objectType?.value.name ?? "?"): "
                + "source \(Self.number(r.sourceCount)), destination \(Self.number(r.targetCount))" + Self.because(r.status?.text)
        case .objectDifference(let r):
            detail = "object \(r.objectType?.text ?? "?") \(Self.name(r.sourceDatabase ?? r.targetDatabase, r.objectName))"
                + Self.because(r.status?.text, r.message)
        case .databaseSummary(let r):
            var counts: [String] = []
            if let inconsistent = r.tablesInconsistent, inconsistent > 0 { counts.append("\(inconsistent) inconsistent tables") }
            if let uncomparable = r.tablesUncomparable, uncomparable > 0 { counts.append("\(uncomparable) tables not comparable") }
            detail = "database \(r.sourceDatabase ?? r.targetDatabase ?? "?")" + Self.because(r.status?.text, counts.isEmpty ? nil : counts.joined(separator: ", "))
        case .tableRowCount(let r):
            detail = "table \(Self.name(r.sourceDatabase, r.sourceTable ?? r.targetTable)): source \(Self.number(r.sourceRows)) rows, "
                + "destination \(Self.number(r.targetRows)), difference \(Self.number(r.rowDifference))" + Self.because(r.status?.text, r.message)
        case .uncomparableTable(let r):
            detail = "table \(Self.name(r.sourceDatabase, r.sourceTable ?? r.targetTable)) could not be compared" + Self.because(r.status?.text, r.message)
        case .tableValues(let r):
            detail = Self.resultDetail(r)
        case .samplingResult(let r):
            detail = Self.resultDetail(r)
        case .repairProgress(let r):
            detail = "table \(Self.name(r.sourceDatabase, r.sourceTable ?? r.targetTable)): \(Self.number(r.failedRows)) failed and "
                + "\(Self.number(r.repairedRows)) repaired of \(Self.number(r.totalRows)) rows"
        case .valueDifference, .repairStatement, .generic:
            return nil
        }
        return "\(category.rawValue): \(detail.replacingOccurrences(ofLineBreaksWith: " / ")) (\(sheet) row \(row))"
    }

    private static func resultDetail<Fields: TableFields & RowCountFields & ResultFields>(_ r: Record<Fields>) -> String {
        var results: [String] = []
        if let row = r.rowResult { results.append("rows: " + row.text) }
        if let value = r.valueResult { results.append("values: " + value.text) }
        if let status = r.status { results.append(status.text) }
        if results.isEmpty, let difference = r.rowDifference { results.append("difference \(difference)") }
        return "table \(Self.name(r.sourceDatabase, r.sourceTable ?? r.targetTable))" + Self.because(results.joined(separator: ", "), r.message)
    }

    private static func name(_ database: String?, _ object: String?) -> String {
        [database, object].compactMap { $0 }.joined(separator: ".").nonEmpty ?? "?"
    }

    private static func number(_ value: Int64?) -> String { value.map { String($0) } ?? "?" }

    private static func because(_ parts: String?...) -> String {
        let texts = parts.compactMap { $0 }.filter { !$0.isEmpty }
        return texts.isEmpty ? "" : ": " + texts.joined(separator: ": ")
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}

extension String {
    /// Line breaks (LF, CR or CRLF) replaced, for texts that must stay on one line.
    package func replacingOccurrences(ofLineBreaksWith replacement: String) -> String {
        var out = ""
        var previousCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" { out += replacement }
            else if scalar == "\n" { if !previousCR { out += replacement } }
            else { out.unicodeScalars.append(scalar) }
            previousCR = scalar == "\r"
        }
        return out
    }
}
