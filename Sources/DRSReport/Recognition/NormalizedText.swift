/// Text reduced to what matters for matching a header, a metadata key or a status by meaning.
///
/// Full-width forms become half-width (`（）：ＡＢ１` → `():AB1`), letters are lower-cased,
/// `camelCase` and `snake_case` are split into words, punctuation becomes a space, runs of spaces
/// collapse, and spaces next to CJK characters disappear (`源库 表名` → `源库表名`). Bracketed parts
/// such as `(%)`, `（秒）` or `(rows)` are units: they are kept aside in ``units`` and left out of
/// ``core``, which is what matching looks at first.
struct NormalizedText: Sendable, Hashable {
    /// The whole text, brackets replaced by spaces.
    let full: [Unicode.Scalar]
    /// The text without its bracketed parts; equal to `full` when there are none.
    let core: [Unicode.Scalar]
    /// The bracketed parts, normalized, plus `%` when the text holds a percent sign anywhere.
    let units: [String]

    init(_ text: String) {
        var full: [Unicode.Scalar] = []
        var core: [Unicode.Scalar] = []
        var units: [String] = []
        var unit: [Unicode.Scalar] = []
        var depth = 0
        var previous: Unicode.Scalar?
        for original in text.unicodeScalars {
            let scalar = NormalizedText.halfWidth(original)
            if NormalizedText.opening(scalar) {
                depth += 1
                NormalizedText.appendSpace(to: &full)
                previous = nil
                continue
            }
            if NormalizedText.closing(scalar) {
                if depth > 0 {
                    depth -= 1
                    if depth == 0 {
                        let text = String(String.UnicodeScalarView(NormalizedText.trimmed(unit)))
                        if !text.isEmpty { units.append(text) }
                        unit.removeAll()
                    }
                }
                NormalizedText.appendSpace(to: &full)
                previous = nil
                continue
            }
            if scalar == "%" && !units.contains("%") { units.append("%") }
            let split = previous.map { NormalizedText.isLowerOrDigit($0) && NormalizedText.isUpper(scalar) } ?? false
            previous = scalar
            if split {
                NormalizedText.appendSpace(to: &full)
                if depth == 0 { NormalizedText.appendSpace(to: &core) } else { NormalizedText.appendSpace(to: &unit) }
            }
            let mapped = NormalizedText.mapped(scalar)
            for piece in mapped {
                if piece == " " {
                    NormalizedText.appendSpace(to: &full)
                    if depth == 0 { NormalizedText.appendSpace(to: &core) } else { NormalizedText.appendSpace(to: &unit) }
                } else {
                    NormalizedText.append(piece, to: &full)
                    if depth == 0 { NormalizedText.append(piece, to: &core) } else { NormalizedText.append(piece, to: &unit) }
                }
            }
        }
        self.full = NormalizedText.trimmed(full)
        let trimmedCore = NormalizedText.trimmed(core)
        self.core = trimmedCore.isEmpty ? self.full : trimmedCore
        self.units = units
    }

    /// The core as a string, for exact comparisons and messages.
    var coreString: String { String(String.UnicodeScalarView(core)) }
    var fullString: String { String(String.UnicodeScalarView(full)) }

    /// A normalized phrase as a string, as vocabulary entries are stored.
    static func key(_ text: String) -> String { NormalizedText(text).coreString }

    // MARK: - Character classes

    static func halfWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)!
        case 0x3000: return " "
        case 0x3001: return ","      // 、
        case 0x3002: return "."      // 。
        case 0x2018, 0x2019: return "'"
        case 0x201C, 0x201D: return "\""
        default: return scalar
        }
    }

    static func opening(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "(", "[", "{", "<", "\u{3010}", "\u{3014}", "\u{300A}", "\u{300C}", "\u{300E}", "\u{3008}": return true
        default: return false
        }
    }

    static func closing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ")", "]", "}", ">", "\u{3011}", "\u{3015}", "\u{300B}", "\u{300D}", "\u{300F}", "\u{3009}": return true
        default: return false
        }
    }

    /// CJK ideographs, kana and hangul: scripts written without spaces between words.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FDF, 0x3040...0x30FF, 0x3100...0x312F, 0x31A0...0x31FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }

    /// Letters and digits of space-separated scripts: the characters a word boundary separates.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        return !isCJK(scalar) && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
    }

    private static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x41...0x5A).contains(scalar.value) : scalar.properties.isUppercase
    }

    private static func isLowerOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x61...0x7A).contains(scalar.value) || (0x30...0x39).contains(scalar.value) : scalar.properties.isLowercase
    }

    /// The scalar lower-cased, or a space for punctuation, symbols and separators.
    private static func mapped(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if scalar.isASCII {
            let value = scalar.value
            if (0x41...0x5A).contains(value) { return [Unicode.Scalar(value + 0x20)!] }
            if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) { return [scalar] }
            return [" "]
        }
        if isCJK(scalar) { return [scalar] }
        if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            return Array(scalar.properties.lowercaseMapping.unicodeScalars)
        }
        return [" "]
    }

    private static func appendSpace(to scalars: inout [Unicode.Scalar]) {
        guard let last = scalars.last, last != " ", !isCJK(last) else { return }
        scalars.append(" ")
    }

    private static func append(_ scalar: Unicode.Scalar, to scalars: inout [Unicode.Scalar]) {
        // No space survives beside a CJK character: "源库 表名" and "源库表名" read the same.
        if isCJK(scalar), scalars.last == " " { scalars.removeLast() }
        scalars.append(scalar)
    }

    private static func trimmed(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var slice = scalars[...]
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return Array(slice)
    }
}
