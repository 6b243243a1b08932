import DRSReport

/// How a kind's fields spread over CSV columns: one column per field, with `_code` and `_text`
/// beside a status and `_text` beside other interpreted words.
enum FieldColumns {
    static func names(_ fields: [any AnyField]) -> [String] {
        fields.flatMap { field -> [String] in
            switch field.type {
            case .status: return [field.key, field.key + "_code", field.key + "_text"]
            case .objectType, .differenceKind, .repairOperation, .repairState, .existence: return [field.key, field.key + "_text"]
            case .text, .count, .percent, .texts: return [field.key]
            }
        }
    }

    /// The CSV texts of one field's value, as many as ``names(_:)`` gives it columns.
    static func append(_ value: (any FieldValue)?, as type: FieldType, to texts: inout [String]) {
        switch type {
        case .text: texts.append(value as? String ?? "")
        case .count: texts.append((value as? Int64).map { String($0) } ?? "")
        case .percent: texts.append((value as? Double).map(JSONWriter.format) ?? "")
        case .texts: texts.append((value as? [String])?.joined(separator: "\t") ?? "")
        case .status:
            let status = value as? any AnyInterpreted
            texts += [status?.name ?? "", status?.code.map { String($0) } ?? "", status?.text ?? ""]
        case .objectType, .differenceKind, .repairOperation, .repairState, .existence:
            let reading = value as? any AnyInterpreted
            texts += [reading?.name ?? "", reading?.text ?? ""]
        }
    }
}
