/// RFC 4180 fields: quoted only when they hold `,` `"` CR or LF, with `"` doubled.
public enum CSVEncoding {
    @inline(__always)
    public static func needsQuotes(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { return true }
        return false
    }

    public static func writeField(_ bytes: UnsafeRawBufferPointer, to sink: ByteSink) {
        guard needsQuotes(bytes) else {
            sink.write(bytes)
            return
        }
        sink.write(byte: 0x22)
        var start = 0
        for index in 0..<bytes.count where bytes[index] == 0x22 {
            sink.write(UnsafeRawBufferPointer(rebasing: bytes[start...index]))
            sink.write(byte: 0x22)
            start = index + 1
        }
        sink.write(UnsafeRawBufferPointer(rebasing: bytes[start...]))
        sink.write(byte: 0x22)
    }

    public static func writeField(_ text: String, to sink: ByteSink) {
        var text = text
        text.withUTF8 { writeField(UnsafeRawBufferPointer($0), to: sink) }
    }

    /// One record: fields separated by commas, ended by LF.
    public static func writeRecord(_ fields: [String], to sink: ByteSink) {
        for (index, field) in fields.enumerated() {
            if index > 0 { sink.write(byte: 0x2C) }
            writeField(field, to: sink)
        }
        sink.write(byte: 0x0A)
    }
}

/// JSON string literals, escaped per RFC 8259 (control characters as `\uXXXX`, `/` left alone).
public enum JSONEncoding {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    public static func writeString(_ bytes: UnsafeRawBufferPointer, to sink: ByteSink) {
        sink.write(byte: 0x22)
        var start = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            sink.write(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
            sink.write(byte: 0x5C)
            switch byte {
            case 0x22, 0x5C: sink.write(byte: byte)
            case 0x0A: sink.write(byte: UInt8(ascii: "n"))
            case 0x0D: sink.write(byte: UInt8(ascii: "r"))
            case 0x09: sink.write(byte: UInt8(ascii: "t"))
            default:
                sink.write(byte: UInt8(ascii: "u"))
                sink.write(byte: UInt8(ascii: "0"))
                sink.write(byte: UInt8(ascii: "0"))
                sink.write(byte: hex[Int(byte >> 4)])
                sink.write(byte: hex[Int(byte & 0xF)])
            }
            start = index + 1
        }
        sink.write(UnsafeRawBufferPointer(rebasing: bytes[start...]))
        sink.write(byte: 0x22)
    }

    public static func writeString(_ text: String, to sink: ByteSink) {
        var text = text
        text.withUTF8 { writeString(UnsafeRawBufferPointer($0), to: sink) }
    }

    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u00" + format2Hex(scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func format2Hex(_ value: UInt32) -> String {
        String(decoding: [hex[Int(value >> 4)], hex[Int(value & 0xF)]], as: UTF8.self)
    }
}

/// Text inside a GitHub Markdown table cell: `|` escaped, line breaks as `<br>`.
public enum MarkdownEncoding {
    public static func cell(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for character in text.unicodeScalars {
            switch character {
            case "|": out += "\\|"
            case "\\": out += "\\\\"
            case "\r": out += "<br>"
            case "\n": if !previousWasCR { out += "<br>" }
            default: out.unicodeScalars.append(character)
            }
            previousWasCR = character == "\r"
        }
        return out
    }
}
