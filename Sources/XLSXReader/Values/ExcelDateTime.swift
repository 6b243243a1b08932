/// A calendar date, a time of day, or both, as a cell's number format presents a serial.
/// Never tied to a time zone: Excel stores wall-clock values.
public struct ExcelDateTime: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        case date, time, dateTime
    }

    public let kind: Kind
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int
    public let millisecond: Int

    public init(kind: Kind, year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, millisecond: Int = 0) {
        self.kind = kind
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.millisecond = millisecond
    }

    /// `YYYY-MM-DD`, `HH:MM:SS` or `YYYY-MM-DD HH:MM:SS`, with `.fff` only when milliseconds are non-zero.
    public var description: String {
        var bytes = ByteBuffer(capacity: 32)
        defer { bytes.release() }
        appendText(to: &bytes)
        return bytes.string
    }

    /// ISO 8601 with a `T` between date and time, for JSON.
    public var iso8601: String {
        var text = description
        if kind == .dateTime, let space = text.firstIndex(of: " ") {
            text.replaceSubrange(space...space, with: "T")
        }
        return text
    }

    func appendText(to bytes: inout ByteBuffer) {
        if kind != .time {
            appendDigits(year, width: 4, to: &bytes)
            bytes.append(UInt8(ascii: "-"))
            appendDigits(month, width: 2, to: &bytes)
            bytes.append(UInt8(ascii: "-"))
            appendDigits(day, width: 2, to: &bytes)
        }
        if kind == .dateTime { bytes.append(UInt8(ascii: " ")) }
        if kind != .date {
            appendDigits(hour, width: 2, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            appendDigits(minute, width: 2, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            appendDigits(second, width: 2, to: &bytes)
            if millisecond != 0 {
                bytes.append(UInt8(ascii: "."))
                appendDigits(millisecond, width: 3, to: &bytes)
            }
        }
    }
}

/// A length of time shown through an elapsed-time format (`[h]:mm:ss`): `255:10:10`.
public struct ExcelDuration: Sendable, Hashable, CustomStringConvertible {
    public let milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    /// `H:MM:SS` with total hours, `-` before negatives, `.fff` only when milliseconds are non-zero.
    public var description: String {
        var bytes = ByteBuffer(capacity: 32)
        defer { bytes.release() }
        appendText(to: &bytes)
        return bytes.string
    }

    func appendText(to bytes: inout ByteBuffer) {
        var total = milliseconds
        if total < 0 {
            bytes.append(UInt8(ascii: "-"))
            total = -total
        }
        let millis = Int(total % 1000)
        let seconds = total / 1000
        appendDigits(Int(seconds / 3600), width: 1, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(Int(seconds / 60 % 60), width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(Int(seconds % 60), width: 2, to: &bytes)
        if millis != 0 {
            bytes.append(UInt8(ascii: "."))
            appendDigits(millis, width: 3, to: &bytes)
        }
    }
}

@inline(__always)
func appendDigits(_ value: Int, width: Int, to bytes: inout ByteBuffer) {
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var rest = value
    withUnsafeMutableBytes(of: &digits) { buffer in
        repeat {
            buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            count += 1
        } while rest > 0 && count < 20
        while count < width && count < 20 {
            buffer[count] = UInt8(ascii: "0")
            count += 1
        }
        for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
    }
}

/// Which epoch serial day numbers count from.
public enum DateSystem: String, Sendable, Hashable, Codable {
    /// Day 1 is 1900-01-01, with Lotus 1-2-3's fictitious 1900-02-29 as day 60.
    case excel1900
    /// Day 0 is 1904-01-01 (old Mac Excel; `<workbookPr date1904="1">`).
    case excel1904

    private static let millisecondsPerDay: Int64 = 86_400_000

    /// The wall-clock value of a serial under a date/time format of the given kind, or nil when the
    /// serial is negative or after 9999-12-31 (such values are written as plain numbers).
    public func dateTime(fromSerial serial: Double, kind: ExcelDateTime.Kind) -> ExcelDateTime? {
        guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
        let milliseconds = (serial * Double(DateSystem.millisecondsPerDay)).rounded(.toNearestOrAwayFromZero)
        let total = Int64(milliseconds)
        var days = total / DateSystem.millisecondsPerDay
        let timeOfDay = total % DateSystem.millisecondsPerDay
        // Days since 1970-01-01 for the civil calendar conversion.
        let civilDays: Int64
        switch self {
        case .excel1904:
            civilDays = days - 24_107
        case .excel1900:
            if days == 60 {
                // Excel's 1900-02-29 never existed; read it as the day before, as calamine and openpyxl do.
                days = 59
                civilDays = days - 25_568
            } else if days < 60 {
                civilDays = days - 25_568
            } else {
                civilDays = days - 25_569
            }
        }
        let (year, month, day) = civilFromDays(civilDays)
        guard year <= 9999 else { return nil }
        let seconds = Int(timeOfDay / 1000)
        return ExcelDateTime(
            kind: kind, year: year, month: month, day: day,
            hour: seconds / 3600, minute: seconds / 60 % 60, second: seconds % 60,
            millisecond: Int(timeOfDay % 1000))
    }

    /// The duration a serial (in days) stands for under an elapsed-time format.
    public func duration(fromSerial serial: Double) -> ExcelDuration? {
        guard serial.isFinite, abs(serial) < 1e11 else { return nil }
        let milliseconds = (serial * Double(DateSystem.millisecondsPerDay)).rounded(.toNearestOrAwayFromZero)
        return ExcelDuration(milliseconds: Int64(milliseconds))
    }
}

/// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
func civilFromDays(_ daysSinceEpoch: Int64) -> (year: Int, month: Int, day: Int) {
    let z = daysSinceEpoch + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthPrime = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
    let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (Int(year), Int(month), Int(day))
}
