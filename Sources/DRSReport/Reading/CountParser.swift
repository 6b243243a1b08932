import XLSXReader

/// Reads whole-number counts however a report spells them: a number cell, or text such as
/// `929`, `929.0`, `4.339028215E9` (Java's `Double.toString`, as POI writes it), `1,234` or
/// `1 234`. Text is parsed exactly, digit by digit, so counts above 2^53 keep every digit.
enum CountParser {
    static func count(_ value: CellValue) -> Int64? {
        switch value {
        case .number(let number): return count(number: number)
        case .text(let text): return count(text: text)
        default: return nil
        }
    }

    static func count(number: Double) -> Int64? {
        guard number.rounded() == number, abs(number) < 9.2e18 else { return nil }
        return Int64(number)
    }

    static func count(text: String) -> Int64? {
        var text = text
        return text.withUTF8 { count(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// The count a cell's UTF-8 text spells, without building a `String` for plain ASCII.
    static func count(utf8 bytes: UnsafeRawBufferPointer) -> Int64? {
        guard !bytes.isEmpty else { return nil }
        // Full-width digits and signs only occur in non-ASCII text: decode those scalars the slow way.
        if bytes.contains(where: { $0 >= 0x80 }) {
            return count(scalars: String(decoding: bytes, as: UTF8.self).unicodeScalars, length: bytes.count)
        }
        return count(scalars: bytes.lazy.map { Unicode.Scalar($0) }, length: bytes.count)
    }

    private static func count<Scalars: Sequence>(scalars: Scalars, length: Int) -> Int64? where Scalars.Element == Unicode.Scalar {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length + 1) { digits in
            var digitCount = 0
            var negative = false
            var fractionDigits = 0
            var exponent = 0
            var exponentNegative = false
            var state = 0 // 0 sign, 1 integer part, 2 fraction, 3 exponent sign, 4 exponent digits
            var sawDigit = false
            for scalar in scalars {
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
                    case 0, 1:
                        state = 1
                        digits[digitCount] = digit
                        digitCount += 1
                    case 2:
                        digits[digitCount] = digit
                        digitCount += 1
                        fractionDigits += 1
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
            var wholeDigits = digitCount
            var zerosToAppend = 0
            if scale < 0 {
                let drop = -scale
                guard drop <= digitCount else { return digits[..<digitCount].allSatisfy { $0 == 0 } ? 0 : nil }
                guard digits[(digitCount - drop)..<digitCount].allSatisfy({ $0 == 0 }) else { return nil }
                wholeDigits -= drop
            } else {
                zerosToAppend = scale
            }
            var result: Int64 = 0
            for index in 0..<(wholeDigits + zerosToAppend) {
                let digit = index < wholeDigits ? Int64(digits[index]) : 0
                let (times, overflow) = result.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(digit)
                guard !overflow, !overflow2 else { return nil }
                result = sum
            }
            return negative ? -result : result
        }
    }

    /// A sampling ratio in percent: `10` or `0.5` as shown, `5%` as 5.
    static func percent(_ value: CellValue) -> Double? {
        switch value {
        case .number(let number): return number.isFinite ? number : nil
        case .text(let text): return percent(text: text)
        default: return nil
        }
    }

    static func percent(text: String) -> Double? {
        var trimmed = Substring(text)
        while trimmed.first?.isWhitespace == true { trimmed = trimmed.dropFirst() }
        while trimmed.last?.isWhitespace == true { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix("%") || trimmed.hasSuffix("％") { trimmed = trimmed.dropLast() }
        while trimmed.last?.isWhitespace == true { trimmed = trimmed.dropLast() }
        return Double(trimmed).flatMap { $0.isFinite ? $0 : nil }
    }
}
