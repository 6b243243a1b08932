/// Text that came from the service (error codes and messages, X-Request-Id, export and compare
/// job statuses, times), made safe to print: a terminal must never receive an escape sequence, a
/// carriage return that overwrites the line, or a bidirectional override that reorders it, from a
/// server. Every control and format character becomes U+FFFD, and very long values are cut.
enum ServiceText {
    /// Longer service strings are cut to this many characters (an error message is a sentence).
    static let maximumLength = 1000
    static let replacement: Character = "\u{FFFD}"

    /// What an error's text keeps until secrets have been redacted from it (see
    /// ``ServiceDiagnostics``): far more than is shown, so that a secret is never cut in two
    /// before redaction; only a bound on memory.
    static let keptLength = 64 << 10

    static func printable(_ text: String, limit: Int = maximumLength) -> String {
        var result = ""
        var count = 0
        for character in text {
            guard count < limit else {
                result.append("…")
                break
            }
            result.append(isPrintable(character) ? character : replacement)
            count += 1
        }
        return result
    }

    /// False for a character holding any control (C0, DEL, C1) or format character (bidirectional
    /// controls, zero-width characters, the BOM), which reorder or hide what a terminal shows.
    static func isPrintable(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator:
                return false
            default:
                return true
            }
        }
    }

    /// `text` cut to ``maximumLength`` characters; the last step before showing it, after redaction.
    static func shortened(_ text: String) -> String {
        guard text.count > maximumLength else { return text }
        return String(text.prefix(maximumLength)) + "…"
    }
}
