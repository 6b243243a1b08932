import DRSReport
import XLSXReader

/// RFC 4180 fields: quoted only when they hold `,` `"` CR or LF, with `"` doubled.
package enum CSVEncoding {
    @inline(__always)
    package static func needsQuotes(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { return true }
        return false
    }

    package static func appendField(_ bytes: UnsafeRawBufferPointer, to buffer: inout ByteBuffer) {
        guard needsQuotes(bytes) else {
            buffer.append(bytes)
            return
        }
        buffer.append(0x22)
        for byte in bytes {
            if byte == 0x22 { buffer.append(byte) }
            buffer.append(byte)
        }
        buffer.append(0x22)
    }

    /// Whether a spreadsheet would run the field as a formula: it begins with `=`, `+`, `-` or
    /// `@`, or with a tab or carriage return (which Excel skips before looking for those).
    @inline(__always)
    package static func runsAsFormula(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let first = bytes.first else { return false }
        return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
            || first == 0x09 || first == 0x0D
    }

    /// A text field for a spreadsheet (`--excel-safe`): one that would run as a formula gets a
    /// leading `'`, which the spreadsheet takes as "this is text" and does not show.
    package static func appendExcelSafeField(_ bytes: UnsafeRawBufferPointer, to buffer: inout ByteBuffer) {
        guard runsAsFormula(bytes) else {
            appendField(bytes, to: &buffer)
            return
        }
        var prefixed = ByteBuffer(capacity: bytes.count + 1)
        defer { prefixed.release() }
        prefixed.append(UInt8(ascii: "'"))
        prefixed.append(bytes)
        appendField(prefixed.bytes, to: &buffer)
    }

    /// One record: fields separated by commas, ended by LF.
    package static func writeRecord(_ fields: [String], to sink: ByteSink) {
        sink.write { buffer in
            for (index, field) in fields.enumerated() {
                if index > 0 { buffer.append(0x2C) }
                var field = field
                field.withUTF8 { appendField(UnsafeRawBufferPointer($0), to: &buffer) }
            }
            buffer.append(0x0A)
        }
    }
}

/// JSON string literals, escaped per RFC 8259 (control characters as `\u00XX`, `/` left alone).
package enum JSONEncoding {
    package static func appendString(_ bytes: UnsafeRawBufferPointer, to buffer: inout ByteBuffer) {
        let hex: StaticString = "0123456789abcdef"
        buffer.append(0x22)
        for byte in bytes {
            switch byte {
            case 0x22: buffer.append("\\\"")
            case 0x5C: buffer.append("\\\\")
            case 0x0A: buffer.append("\\n")
            case 0x0D: buffer.append("\\r")
            case 0x09: buffer.append("\\t")
            case 0..<0x20:
                buffer.append("\\u00")
                buffer.append(hex.utf8Start[Int(byte >> 4)])
                buffer.append(hex.utf8Start[Int(byte & 0xF)])
            default: buffer.append(byte)
            }
        }
        buffer.append(0x22)
    }

    package static func writeString(_ text: String, to sink: ByteSink) {
        var text = text
        text.withUTF8 { bytes in sink.write { appendString(UnsafeRawBufferPointer(bytes), to: &$0) } }
    }

    /// `text` as a JSON string literal, quotes included.
    package static func quoted(_ text: String) -> String {
        encoded(text, appendString)
    }
}

/// Text inside a GitHub Markdown table cell: `|` and `\` escaped, line breaks (LF, CR or CRLF)
/// as `<br>`, and control and format characters shown as visible marks (``TerminalText``): a
/// Markdown file is read in terminals as often as it is rendered.
package enum MarkdownEncoding {
    package static func appendCell(_ bytes: UnsafeRawBufferPointer, to buffer: inout ByteBuffer) {
        // Printable ASCII and line breaks need no look at their characters: the common case.
        guard bytes.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x0D }) else {
            let visible = TerminalText.visible(String(decoding: bytes, as: UTF8.self), keepingLineBreaks: true)
            var text = visible
            text.withUTF8 { appendEscaped(UnsafeRawBufferPointer($0), to: &buffer) }
            return
        }
        appendEscaped(bytes, to: &buffer)
    }

    private static func appendEscaped(_ bytes: UnsafeRawBufferPointer, to buffer: inout ByteBuffer) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "|"): buffer.append("\\|")
            case UInt8(ascii: "\\"): buffer.append("\\\\")
            case 0x0D:
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                buffer.append("<br>")
            case 0x0A: buffer.append("<br>")
            default: buffer.append(byte)
            }
            index += 1
        }
    }

    package static func cell(_ text: String) -> String {
        encoded(text, appendCell)
    }

    /// Text on a Markdown line outside a table (a heading, the headline): visible marks for
    /// control and format characters, line breaks as spaces.
    package static func inline(_ text: String) -> String {
        TerminalText.visible(text.replacingOccurrences(ofLineBreaksWith: " "))
    }
}

/// Text as HTML element content or a double-quoted attribute value: `&`, `<`, `>`, `"` and `'` as
/// character references, so no cell can open a tag or leave an attribute; control characters
/// that HTML forbids (all but tab, LF and CR) as U+FFFD.
package enum HTMLEncoding {
    package static func appendText(_ bytes: UnsafeRawBufferPointer, to buffer: inout ByteBuffer) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): buffer.append("&amp;")
            case UInt8(ascii: "<"): buffer.append("&lt;")
            case UInt8(ascii: ">"): buffer.append("&gt;")
            case UInt8(ascii: "\""): buffer.append("&quot;")
            case UInt8(ascii: "'"): buffer.append("&#39;")
            case 0x09, 0x0A, 0x0D: buffer.append(byte)
            case 0..<0x20, 0x7F: buffer.append("\u{FFFD}")
            default: buffer.append(byte)
            }
        }
    }

    /// `text` as HTML, its bidirectional controls and other format characters (U+202E, zero-width
    /// spaces, C1 controls) shown as marks, as on a terminal: a browser reorders or hides text on
    /// them too, so a cell holding `U+202E exe.live` would read as `evil.exe`.
    package static func text(_ text: String) -> String {
        encoded(formatCharactersShown(text), appendText)
    }

    private static func formatCharactersShown(_ text: String) -> String {
        // Below U+0080 `appendText` decides (character references, U+FFFD for C0 controls).
        let hidden = { (scalar: Unicode.Scalar) in scalar.value >= 0x80 && !TerminalText.isSafe(scalar) }
        guard text.unicodeScalars.contains(where: hidden) else { return text }
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if hidden(scalar) { shown.append(contentsOf: TerminalText.mark(for: scalar).unicodeScalars) } else { shown.append(scalar) }
        }
        return String(shown)
    }
}

/// Runs one of the byte encoders above over a `String`, for the small texts of summaries and listings.
private func encoded(_ text: String, _ encode: (UnsafeRawBufferPointer, inout ByteBuffer) -> Void) -> String {
    var buffer = ByteBuffer(capacity: text.utf8.count + 16)
    defer { buffer.release() }
    var text = text
    text.withUTF8 { encode(UnsafeRawBufferPointer($0), &buffer) }
    return buffer.string
}

extension ByteBuffer {
    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// A whole number in decimal, without building a `String`.
    mutating func appendInteger(_ value: Int64) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var count = 0
            repeat {
                digits[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            append(UnsafeRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(digits)[(20 - count)...]))
        }
    }
}
