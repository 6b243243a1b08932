import DRSReport
import XLSXReader

/// A `drsdiff.report/v1` record as JSON, said once for every record `report` and `diff` write:
/// `{"kind","sheet","row"`, every field of the kind in table order (`null` when empty), statuses
/// as `{"value","code","text"}`, other words as `{"value","text"}` (`"inferred": true` on a word
/// learned from the rows), then `extra` for the kinds that keep extra cells.
///
/// Two front ends share this syntax: ``JSONRecordEncoder`` writes the row a reader just read
/// straight from its cell bytes (the fast path of `report`), and ``append(_:to:)`` a typed
/// ``ReportRecord`` (a diff's old and new records). The pieces below are the only places the
/// members are spelled.
enum RecordJSON {
    /// `{"kind":"table_row_counts","sheet":"Table Details","row":`: the record's opening, up to its row number.
    static func opening(kind: SectionKind, sheet: String) -> [UInt8] {
        Array("{\"kind\":\(JSONEncoding.quoted(kind.rawValue)),\"sheet\":\(JSONEncoding.quoted(sheet)),\"row\":".utf8)
    }

    /// `,"source_rows":`: a field's member name, with the comma before it.
    static func memberName(_ key: String) -> [UInt8] {
        Array(",\(JSONEncoding.quoted(key)):".utf8)
    }

    /// A word as the report read it: its stable name, the status code for statuses, its text.
    static func word(_ reading: any AnyInterpreted, isStatus: Bool) -> [UInt8] {
        var text = "{\"value\":" + JSONEncoding.quoted(reading.name)
        if isStatus { text += ",\"code\":" + (reading.code.map { String($0) } ?? "null") }
        text += ",\"text\":" + JSONEncoding.quoted(reading.text)
        if reading.inferred { text += ",\"inferred\":true" }
        return Array((text + "}").utf8)
    }

    /// `,"extra":[`: the opening of the extra cells.
    static let extraOpening: StaticString = ",\"extra\":["

    /// `{"column":"K","header":"Note","value":`: an extra cell's opening, up to its value.
    static func extraCellOpening(column: String, header: String) -> [UInt8] {
        Array(("{\"column\":" + JSONEncoding.quoted(column) + ",\"header\":" + JSONEncoding.quoted(header) + ",\"value\":").utf8)
    }

    /// A typed record, as ``JSONRecordEncoder`` writes the row it came from.
    static func append(_ record: ReportRecord, to buffer: inout ByteBuffer) {
        let body = record.body
        buffer.append(opening(kind: record.kind, sheet: body.sheet))
        buffer.appendInteger(Int64(body.row))
        for (position, field) in type(of: body).fields.enumerated() {
            buffer.append(memberName(field.key))
            appendValue(body[position], as: field.type, to: &buffer)
        }
        if type(of: body).keepsExtraCells {
            buffer.append(extraOpening)
            for (index, extra) in body.extra.enumerated() {
                if index > 0 { buffer.append(0x2C) }
                buffer.append(extraCellOpening(column: extra.column, header: extra.header))
                string(extra.value, &buffer)
                buffer.append(0x7D)
            }
            buffer.append(0x5D)
        }
        buffer.append(0x7D)
    }

    private static func appendValue(_ value: (any FieldValue)?, as type: FieldType, to buffer: inout ByteBuffer) {
        switch type {
        case .text: string(value as? String, &buffer)
        case .count: if let count = value as? Int64 { buffer.appendInteger(count) } else { buffer.append("null") }
        case .percent: buffer.append((value as? Double).map(JSONWriter.format) ?? "null")
        case .status, .objectType, .differenceKind, .repairOperation, .repairState, .existence:
            if let reading = value as? any AnyInterpreted { buffer.append(word(reading, isStatus: type == .status)) } else { buffer.append("null") }
        case .texts:
            buffer.append(0x5B)
            for (index, text) in (value as? [String] ?? []).enumerated() {
                if index > 0 { buffer.append(0x2C) }
                string(text, &buffer)
            }
            buffer.append(0x5D)
        }
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
