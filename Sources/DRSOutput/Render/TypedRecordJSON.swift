import DRSReport
import XLSXReader

/// Writes a typed ``ReportRecord`` as `drsdiff.report/v1` writes records (``JSONRecordEncoder``
/// writes them from cell bytes; a diff holds typed records): every field, `null` when empty,
/// statuses as `{"value","code","text"}`, other words as `{"value","text"}` (`"inferred": true`
/// on a word learned from the rows), then `extra`.
enum TypedRecordJSON {
    static func append(_ record: ReportRecord, to buffer: inout ByteBuffer) {
        let body = record.body
        buffer.append("{\"kind\":")
        string(record.kind.rawValue, &buffer)
        buffer.append(",\"sheet\":")
        string(body.sheet, &buffer)
        buffer.append(",\"row\":")
        buffer.appendInteger(Int64(body.row))
        for (position, field) in type(of: body).fields.enumerated() {
            buffer.append(0x2C)
            string(field.key, &buffer)
            buffer.append(0x3A)
            let value = body[position]
            switch field.type {
            case .text: string(value as? String, &buffer)
            case .count: if let count = value as? Int64 { buffer.appendInteger(count) } else { buffer.append("null") }
            case .percent: buffer.append((value as? Double).map(JSONWriter.format) ?? "null")
            case .status, .objectType, .differenceKind, .repairOperation, .repairState, .existence:
                guard let reading = value as? any AnyInterpreted else { buffer.append("null"); continue }
                buffer.append("{\"value\":")
                string(reading.name, &buffer)
                if field.type == .status {
                    buffer.append(",\"code\":")
                    if let code = reading.code { buffer.appendInteger(Int64(code)) } else { buffer.append("null") }
                }
                buffer.append(",\"text\":")
                string(reading.text, &buffer)
                if reading.inferred { buffer.append(",\"inferred\":true") }
                buffer.append(0x7D)
            case .texts:
                buffer.append(0x5B)
                for (index, text) in (value as? [String] ?? []).enumerated() {
                    if index > 0 { buffer.append(0x2C) }
                    string(text, &buffer)
                }
                buffer.append(0x5D)
            }
        }
        if type(of: body).keepsExtraCells {
            buffer.append(",\"extra\":[")
            for (index, extra) in body.extra.enumerated() {
                if index > 0 { buffer.append(0x2C) }
                buffer.append("{\"column\":")
                string(extra.column, &buffer)
                buffer.append(",\"header\":")
                string(extra.header, &buffer)
                buffer.append(",\"value\":")
                string(extra.value, &buffer)
                buffer.append(0x7D)
            }
            buffer.append(0x5D)
        }
        buffer.append(0x7D)
    }

    /// `text` as a JSON string, or `null`.
    static func string(_ text: String?, _ buffer: inout ByteBuffer) {
        guard var text else {
            buffer.append("null")
            return
        }
        text.withUTF8 { JSONEncoding.appendString(UnsafeRawBufferPointer($0), to: &buffer) }
    }
}
