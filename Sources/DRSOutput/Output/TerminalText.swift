/// Text from a report (or a file name, or an error naming either) made safe to show on a
/// terminal: control characters (C0, DEL, C1), bidirectional controls and other format characters
/// (zero-width characters, the BOM, soft hyphens) are shown as visible marks instead of acting on
/// the terminal. A cell holding `ESC ] 0;title BEL` or `ESC [31m` then reads as `␛]0;title␇`
/// and `␛[31m`: it cannot retitle the window, recolour or hide lines, or reorder what a DBA reads.
/// C0 controls become their Control Pictures (U+2400 block); every other one `<U+XXXX>`.
/// CSV, JSON and NDJSON never go through here: they stay byte-faithful (JSON escapes by grammar).
package enum TerminalText {
    /// `text` with every unsafe character shown; line breaks (LF, CR, CRLF) are kept when
    /// `keepingLineBreaks` (messages of several lines), else shown like the rest.
    package static func visible(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { !isSafe($0, keepingLineBreaks: keepingLineBreaks) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isSafe(scalar, keepingLineBreaks: keepingLineBreaks) {
                out.append(scalar)
            } else {
                out.append(contentsOf: mark(for: scalar).unicodeScalars)
            }
        }
        return String(out)
    }

    /// Whether a scalar shows as itself and does nothing else: not a control (tab included: it
    /// moves columns), not a format character, not a line or paragraph separator.
    package static func isSafe(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool = false) -> Bool {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return true }
        if keepingLineBreaks && (value == 0x0A || value == 0x0D) { return true }
        if value < 0xA0 { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator:
            return false
        default:
            return true
        }
    }

    /// The visible stand-in: a Control Picture for C0 and DEL, `<U+XXXX>` otherwise.
    package static func mark(for scalar: Unicode.Scalar) -> String {
        let value = scalar.value
        if value < 0x20 { return String(Unicode.Scalar(0x2400 + value)!) }
        if value == 0x7F { return "\u{2421}" }
        let hex = String(value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }
}
