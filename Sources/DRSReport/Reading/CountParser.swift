import XLSXReader

/// Reads whole-number counts however a report spells them: a number cell, or text such as
/// `929`, `929.0`, `4.339028215E9` (Java's `Double.toString`, as POI writes it), `1,234` or
/// `1 234`. Text is parsed exactly, digit by digit, so counts above 2^53 keep every digit.
enum CountParser {
    static func count(_ value: CellValue) -> Int64? {
        switch value {
        case .number(let number):
            guard number.rounded() == number, abs(number) < 9.2e18 else { return nil }
            return Int64(number)
        case .text(let text):
            return count(text: text)
        default:
            return nil
        }
    }

    static func count(text: String) -> Int64? {
        var digits: [UInt8] = []
        var negative = false
        var fractionDigits = 0
        var exponent = 0
        var exponentNegative = false
        var state = 0 // 0 sign, 1 integer part, 2 fraction, 3 exponent sign, 4 exponent digits
        var sawDigit = false
        for scalar in text.unicodeScalars {
            let scalar = NormalizedText.halfWidth(scalar)
            switch scalar {
            case " ", "\u{A0}", "\u{2009}", "\u{202F}", ",", "_", "'":
                // Group separators inside the integer part; spaces around the number.
                if state > 2 { return nil }
                continue
            case "+", "-", "\u{2212}":
                if state == 0 && !sawDigit {
                    negative = scalar != "+"
                    state = 1
                } else if state == 3 {
                    exponentNegative = scalar != "+"
                    state = 4
                } else {
                    return nil
                }
            case "0"..."9":
                let digit = UInt8(scalar.value - 0x30)
                sawDigit = true
                switch state {
                case 0, 1: state = 1; digits.append(digit)
                case 2: digits.append(digit); fractionDigits += 1
                case 3, 4:
                    state = 4
                    exponent = exponent * 10 + Int(digit)
                    if exponent > 40 { return nil }
                default: return nil
                }
            case ".":
                guard state <= 1 else { return nil }
                state = 2
            case "e", "E":
                guard sawDigit, state <= 2 else { return nil }
                state = 3
            default:
                return nil
            }
        }
        guard sawDigit, state != 3 else { return nil }
        let scale = (exponentNegative ? -exponent : exponent) - fractionDigits
        // Digits beyond the decimal point must be zeros: a count is a whole number.
        var whole = digits
        if scale < 0 {
            let drop = -scale
            guard drop <= whole.count else { return whole.allSatisfy { $0 == 0 } ? 0 : nil }
            guard whole.suffix(drop).allSatisfy({ $0 == 0 }) else { return nil }
            whole.removeLast(drop)
        } else if scale > 0 {
            whole.append(contentsOf: repeatElement(0, count: scale))
        }
        var result: Int64 = 0
        for digit in whole {
            let (times, overflow) = result.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(digit))
            guard !overflow, !overflow2 else { return nil }
            result = sum
        }
        return negative ? -result : result
    }

    /// A sampling ratio in percent: `10` or `0.5` as shown, `5%` as 5.
    static func percent(_ value: CellValue) -> Double? {
        switch value {
        case .number(let number): return number.isFinite ? number : nil
        case .text(let text):
            var trimmed = Substring(text)
            while trimmed.first?.isWhitespace == true { trimmed = trimmed.dropFirst() }
            while trimmed.last?.isWhitespace == true { trimmed = trimmed.dropLast() }
            if trimmed.hasSuffix("%") || trimmed.hasSuffix("％") { trimmed = trimmed.dropLast() }
            while trimmed.last?.isWhitespace == true { trimmed = trimmed.dropLast() }
            return Double(trimmed).flatMap { $0.isFinite ? $0 : nil }
        default:
            return nil
        }
    }
}
