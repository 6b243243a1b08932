/// Numbers as text: the canonical spelling (what Python's `repr` gives, with integral values
/// below 2^53 as plain digits) and fast parsing of the spellings writers use.
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif
package enum NumberText {
    private static let exactIntegerLimit = 9_007_199_254_740_992.0  // 2^53

    /// `929`, `0.1`, `5e-05`, `4.89290024005183e+17`, `9007199254740994.0`.
    package static func canonical(_ value: Double) -> String {
        var bytes = ByteBuffer(capacity: 32)
        defer { bytes.release() }
        appendCanonical(value, to: &bytes)
        return bytes.string
    }

    static func appendCanonical(_ value: Double, to bytes: inout ByteBuffer) {
        let magnitude = abs(value)
        if value.isFinite, magnitude < 1e16, value == value.rounded(.towardZero) {
            var integer = Int64(value)
            if integer < 0 {
                bytes.append(UInt8(ascii: "-"))
                integer = -integer
            }
            appendDigits(Int(integer), width: 1, to: &bytes)
            // Above 2^53 repr keeps the positional form with ".0" until 1e16.
            if magnitude >= exactIntegerLimit { bytes.append(".0") }
            return
        }
        bytes.append(value.description)
    }

    /// True when `text` is a plain decimal that already is its own canonical spelling: at most 15
    /// significant digits (so no shorter decimal names the same double), no exponent, no
    /// redundant zeros, and within repr's positional range. Most cells pass and skip parsing.
    @inline(__always)
    static func isCanonical(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = text.count
        guard count > 0, count <= 17 else { return false }
        if text[0] == UInt8(ascii: "-") { index = 1 }
        let integerStart = index
        while index < count, text[index] &- 0x30 < 10 { index += 1 }
        let integerDigits = index - integerStart
        guard integerDigits > 0 else { return false }
        let leadingZero = text[integerStart] == 0x30
        if leadingZero && integerDigits > 1 { return false }
        if index == count {
            // "-0" must print as "0".
            return !(leadingZero && integerStart == 1) && integerDigits <= 15
        }
        guard text[index] == UInt8(ascii: "."), index + 1 < count else { return false }
        index += 1
        let fractionStart = index
        while index < count, text[index] &- 0x30 < 10 { index += 1 }
        guard index == count, text[count - 1] != 0x30 else { return false }
        if leadingZero {
            var zeros = 0
            var probe = fractionStart
            while probe < count, text[probe] == 0x30 { zeros += 1; probe += 1 }
            // Below 1e-4 repr switches to exponent form.
            if zeros >= 4 { return false }
            return count - fractionStart - zeros <= 15
        }
        return integerDigits + (count - fractionStart) <= 15
    }

    /// Parses a number as spreadsheets store it (`929`, `929.0`, `4.339028215E9`, ` 12 `); nil
    /// when the text is not a number.
    static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var start = 0
        var end = text.count
        while start < end, isXMLSpace(text[start]) { start += 1 }
        while end > start, isXMLSpace(text[end - 1]) { end -= 1 }
        guard start < end, end - start < 400 else { return nil }
        // Fast path: an integer of up to 15 digits is exact in a double.
        var index = start
        let negative = text[index] == UInt8(ascii: "-")
        if negative || text[index] == UInt8(ascii: "+") { index += 1 }
        if index < end, end - index <= 15 {
            var value: Int64 = 0
            var probe = index
            while probe < end, text[probe] &- 0x30 < 10 {
                value = value * 10 + Int64(text[probe] &- 0x30)
                probe += 1
            }
            if probe == end { return negative ? -Double(value) : Double(value) }
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: end - start + 1) { buffer -> Double? in
            for offset in 0..<(end - start) {
                let byte = text[start + offset]
                // strtod also reads hex, "inf" and "nan", which are not spreadsheet numbers.
                guard (byte &- 0x30 < 10) || byte == 0x2E || byte == 0x2B || byte == 0x2D || byte == 0x65 || byte == 0x45 else { return nil }
                buffer[offset] = CChar(bitPattern: byte)
            }
            buffer[end - start] = 0
            var stop: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &stop)
            guard stop == buffer.baseAddress! + (end - start), value.isFinite else { return nil }
            return value
        }
    }
}

/// ISO 8601 text of `t="d"` cells: `2021-03-04`, `2021-03-04T05:06:07.123`, `05:06:07`.
enum ISODateTime {
    static func parse(_ text: UnsafeBufferPointer<UInt8>, kind: ExcelDateTime.Kind?) -> ExcelDateTime? {
        let string = String(decoding: text, as: UTF8.self).trimmingSpaces()
        var rest = Substring(string)
        var date: (Int, Int, Int)?
        var time: (Int, Int, Int, Int)?
        func number(_ length: Int) -> Int? {
            guard rest.count >= length else { return nil }
            let digits = rest.prefix(length)
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            rest = rest.dropFirst(length)
            return Int(digits)
        }
        func take(_ character: Character) -> Bool {
            guard rest.first == character else { return false }
            rest = rest.dropFirst()
            return true
        }
        let hasDate = rest.count >= 10 && rest.dropFirst(4).first == "-"
        if hasDate {
            guard let year = number(4), take("-"), let month = number(2), take("-"), let day = number(2),
                  (1...12).contains(month), (1...31).contains(day) else { return nil }
            date = (year, month, day)
            _ = take("T") || take(" ")
        }
        if !rest.isEmpty, rest.count >= 5, rest.dropFirst(2).first == ":" {
            guard let hour = number(2), take(":"), let minute = number(2) else { return nil }
            var second = 0
            var millisecond = 0
            if take(":") {
                guard let parsed = number(2) else { return nil }
                second = parsed
                if take(".") {
                    var digits = ""
                    while let next = rest.first, next.isASCII, next.isNumber {
                        digits.append(next)
                        rest = rest.dropFirst()
                    }
                    millisecond = Int(((Double("0." + digits) ?? 0) * 1000).rounded())
                }
            }
            guard hour < 24, minute < 60, second < 60 else { return nil }
            time = (hour, minute, second, min(millisecond, 999))
        }
        // A zone suffix (Z, +08:00) is accepted and ignored: values are wall-clock.
        if take("Z") || rest.first == "+" || rest.first == "-" { rest = "" }
        guard rest.isEmpty, date != nil || time != nil else { return nil }
        let resolved: ExcelDateTime.Kind = kind ?? (date != nil && time != nil ? .dateTime : (date != nil ? .date : .time))
        let (year, month, day) = date ?? (1899, 12, 31)
        let (hour, minute, second, millisecond) = time ?? (0, 0, 0, 0)
        return ExcelDateTime(kind: resolved, year: year, month: month, day: day, hour: hour, minute: minute, second: second, millisecond: millisecond)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" || first == "\r" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
