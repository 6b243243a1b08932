/// How a number format presents a number: as the number itself, or as a date, a time of day, both,
/// or an elapsed duration. Only this class matters to drsdiff: other formatting (decimals, percent,
/// thousands) is never applied, so the number survives exactly.
enum FormatClass: UInt8, Sendable {
    case number, date, time, dateTime, duration

    var dateTimeKind: ExcelDateTime.Kind? {
        switch self {
        case .date: return .date
        case .time: return .time
        case .dateTime: return .dateTime
        case .number, .duration: return nil
        }
    }

    static func builtIn(_ id: Int) -> FormatClass {
        switch id {
        case 14, 15, 16, 17: return .date
        case 18, 19, 20, 21, 45, 47: return .time
        case 22: return .dateTime
        case 46: return .duration
        default: return .number
        }
    }

    /// Classifies a custom format code by its first section: date and time tokens count only
    /// outside quoted text, `\` escapes, `_x`/`*x` pairs and `[...]` brackets; `[h]`, `[mm]`, `[ss]`
    /// make an elapsed-time format; `m`/`mm` right after an hour or right before a second is minutes.
    init(code: String) {
        let characters = Array(code.unicodeScalars)
        var tokens: [(letter: Character, length: Int)] = []
        var elapsed = false
        var index = 0
        func matches(_ word: String, at position: Int) -> Bool {
            let scalars = Array(word.unicodeScalars)
            guard position + scalars.count <= characters.count else { return false }
            for offset in 0..<scalars.count where Character(characters[position + offset]).lowercased() != Character(scalars[offset]).lowercased() {
                return false
            }
            return true
        }
        scan: while index < characters.count {
            let character = Character(characters[index])
            switch character {
            case ";":
                break scan
            case "\"":
                var end = index + 1
                while end < characters.count, characters[end] != "\"" { end += 1 }
                index = end + 1
                continue
            case "\\", "_", "*":
                index += 2
                continue
            case "[":
                var end = index + 1
                while end < characters.count, characters[end] != "]" { end += 1 }
                let inner = String(String.UnicodeScalarView(characters[(index + 1)..<min(end, characters.count)])).lowercased()
                if let first = inner.first, "hms".contains(first), inner.allSatisfy({ $0 == first }) { elapsed = true }
                index = end + 1
                continue
            default:
                break
            }
            if matches("general", at: index) {
                index += 7
                continue
            }
            let lower = Character(character.lowercased())
            if lower == "e", index + 1 < characters.count, characters[index + 1] == "+" || characters[index + 1] == "-" {
                index += 2
                continue
            }
            if matches("am/pm", at: index) {
                tokens.append(("a", 5))
                index += 5
                continue
            }
            if matches("a/p", at: index) {
                tokens.append(("a", 3))
                index += 3
                continue
            }
            if "ymdhseg".contains(lower) {
                var end = index
                while end < characters.count, Character(characters[end]).lowercased() == String(lower) { end += 1 }
                tokens.append((lower, end - index))
                index = end
                continue
            }
            index += 1
        }
        if elapsed {
            self = .duration
            return
        }
        var hasDate = false
        var hasTime = false
        for (position, token) in tokens.enumerated() {
            switch token.letter {
            case "y", "e", "d", "g": hasDate = true
            case "h", "s", "a": hasTime = true
            case "m":
                let previous = position > 0 ? tokens[position - 1].letter : " "
                let next = position + 1 < tokens.count ? tokens[position + 1].letter : " "
                if token.length <= 2 && (previous == "h" || next == "s") { hasTime = true } else { hasDate = true }
            default: break
            }
        }
        switch (hasDate, hasTime) {
        case (true, true): self = .dateTime
        case (true, false): self = .date
        case (false, true): self = .time
        case (false, false): self = .number
        }
    }
}

/// `styles.xml` reduced to what reading values needs: the format class of each `cellXfs` entry.
struct CellStyles {
    private let classes: [FormatClass]

    static let none = CellStyles(classes: [])

    init(classes: [FormatClass]) { self.classes = classes }

    /// Entries of `cellXfs`: a cell's `s` must be below this (0, the default style, always is).
    var count: Int { classes.count }

    /// The class of style `index` (a cell's `s`); an index past the table reads as General.
    @inline(__always)
    func formatClass(_ index: Int) -> FormatClass {
        index >= 0 && index < classes.count ? classes[index] : .number
    }

    static func read(part: String, from archive: ZipArchive) throws -> CellStyles {
        guard let entry = archive.entry(named: part) else { return .none }
        let bytes = try archive.stream(entry).readAll()
        var customCodes: [Int: String] = [:]
        var formatIDs: [Int] = []
        try ElementReader.read(bytes, part: entry.name) { element in
            switch element.name {
            case "numFmt" where element.parent == "numFmts":
                if let id = element["numFmtId"].flatMap({ Int($0) }) { customCodes[id] = element["formatCode"] ?? "" }
            case "xf" where element.parent == "cellXfs":
                formatIDs.append(element["numFmtId"].flatMap { Int($0) } ?? 0)
            default:
                break
            }
        }
        var cache: [Int: FormatClass] = [:]
        let classes = formatIDs.map { id -> FormatClass in
            if let known = cache[id] { return known }
            let formatClass = customCodes[id].map { FormatClass(code: $0) } ?? FormatClass.builtIn(id)
            cache[id] = formatClass
            return formatClass
        }
        return CellStyles(classes: classes)
    }
}
