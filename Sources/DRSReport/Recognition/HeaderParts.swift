/// One part of a header: a Latin word, a CJK segment or a telling symbol, with what the lexicon
/// says it means (nil: a word drsdiff does not know).
struct HeaderPart: Sendable, Hashable {
    let text: String
    let lexeme: Lexeme?
    /// Inside brackets: `Amount (src)`, `行数（目标）`.
    let bracketed: Bool
    /// A word without meaning of its own (`of`, `的`) or a unit (`(rows)`, `（秒）`).
    let filler: Bool

    var known: Bool { lexeme != nil || filler }
    var senses: Set<Sense> { lexeme?.senses ?? [] }
    var weakSenses: Set<Sense> { lexeme?.weak ?? [] }
    var allSenses: Set<Sense> { senses.union(weakSenses) }
}

/// A header split into parts. Normalisation first (full-width forms to half-width, lower case),
/// then words: `camelCase`, `PKValue`, `snake_case`, `dotted.names` and Latin/CJK boundaries
/// split; CJK runs segmented against the lexicon (the segmentation that leaves the fewest
/// unknown characters, then the fewest parts: `表名称` is 表 + 名称); multi-word idioms (`primary
/// key`, `out of sync`) read first. Brackets keep their words (`Amount (src)` has a side) but a
/// bracket holding only units (`(rows)`, `(%)`, `（秒）`) adds nothing but `%`.
struct HeaderParts: Sendable, Hashable {
    let parts: [HeaderPart]

    /// `overlay`: words a workbook taught (``WordOverlay``), read before the lexicon's.
    init(_ header: String, overlay: WordOverlay = WordOverlay()) {
        var parts: [HeaderPart] = []
        for group in HeaderParts.groups(header) {
            var groupParts: [HeaderPart] = []
            var latin: [String] = []
            func flushLatin() {
                groupParts += HeaderParts.readLatin(latin, bracketed: group.bracketed, overlay: overlay)
                latin.removeAll()
            }
            for token in group.tokens {
                switch token {
                case .latin(let word): latin.append(word)
                case .cjk(let run):
                    flushLatin()
                    groupParts += HeaderParts.segment(run, bracketed: group.bracketed, overlay: overlay)
                case .symbol(let symbol):
                    flushLatin()
                    groupParts.append(HeaderParts.readSymbol(symbol, bracketed: group.bracketed))
                }
            }
            flushLatin()
            if group.bracketed, groupParts.allSatisfy({ $0.filler || $0.text == "%" }) {
                parts += groupParts.filter { $0.text == "%" }
            } else if group.bracketed {
                // A side in brackets qualifies the header: "Key (From)", "Count (to)" name a side.
                parts += groupParts.map { part in
                    guard let lexeme = part.lexeme else { return part }
                    let sides = lexeme.weak.intersection([.source, .target])
                    guard sides.count == 1 else { return part }
                    return HeaderPart(text: part.text, lexeme: Lexeme(senses: lexeme.senses.union(sides), weak: lexeme.weak.subtracting(sides)),
                                      bracketed: true, filler: false)
                }
            } else {
                parts += groupParts
            }
        }
        self.parts = parts
    }

    /// Parts that say something: neither fillers nor units.
    var meaningful: [HeaderPart] { parts.filter { !$0.filler } }
    var isEmpty: Bool { meaningful.isEmpty }
    var unknownWords: [String] { parts.filter { !$0.known }.map(\.text) }

    /// `origin=source row total=total` — how the header was read, for `inspect`.
    var description: String {
        meaningful.map { part in
            guard let lexeme = part.lexeme else { return part.text + "=?" }
            let senses = lexeme.senses.sorted().map(\.rawValue) + lexeme.weak.sorted().map { "(\($0.rawValue))" }
            return part.text + "=" + (senses.isEmpty ? "-" : senses.joined(separator: "+"))
        }.joined(separator: " ")
    }

    // MARK: - Tokens

    private enum Token {
        case latin(String)
        case cjk([Unicode.Scalar])
        case symbol(Unicode.Scalar)
    }

    private struct Group {
        var tokens: [Token] = []
        var bracketed: Bool
    }

    /// Tokens in runs outside and inside brackets.
    private static func groups(_ header: String) -> [Group] {
        var groups: [Group] = [Group(bracketed: false)]
        var depth = 0
        var word: [Unicode.Scalar] = []
        var run: [Unicode.Scalar] = []
        func flush() {
            if !word.isEmpty {
                for piece in splitCase(word) { groups[groups.count - 1].tokens.append(.latin(piece)) }
                word.removeAll()
            }
            if !run.isEmpty {
                groups[groups.count - 1].tokens.append(.cjk(run))
                run.removeAll()
            }
        }
        func open(bracketed: Bool) {
            flush()
            if groups[groups.count - 1].tokens.isEmpty { groups[groups.count - 1].bracketed = bracketed } else { groups.append(Group(bracketed: bracketed)) }
        }
        for original in header.unicodeScalars {
            let scalar = NormalizedText.halfWidth(original)
            if NormalizedText.opening(scalar) {
                depth += 1
                if depth == 1 { open(bracketed: true) }
                continue
            }
            if NormalizedText.closing(scalar) {
                if depth > 0 {
                    depth -= 1
                    if depth == 0 { open(bracketed: false) }
                }
                continue
            }
            if NormalizedText.isCJK(scalar) {
                if !word.isEmpty { flush() }
                run.append(scalar)
            } else if NormalizedText.isWordCharacter(scalar) {
                if !run.isEmpty { flush() }
                word.append(scalar)
            } else {
                flush()
                if HeaderParts.symbols.contains(scalar) { groups[groups.count - 1].tokens.append(.symbol(scalar)) }
            }
        }
        flush()
        return groups.filter { !$0.tokens.isEmpty }
    }

    private static let symbols: Set<Unicode.Scalar> = ["%", "#", "∆", "@", "&", "?"]

    /// Lower-cased words of a Latin run: `SrcRowCnt` → src row cnt, `PKValue` → pk value.
    private static func splitCase(_ scalars: [Unicode.Scalar]) -> [String] {
        var pieces: [[Unicode.Scalar]] = [[]]
        for (index, scalar) in scalars.enumerated() {
            if index > 0, !pieces[pieces.count - 1].isEmpty {
                let previous = scalars[index - 1]
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                let lowerToUpper = (isLower(previous) || isDigit(previous)) && isUpper(scalar)
                let acronymEnd = isUpper(previous) && isUpper(scalar) && next.map(isLower) == true
                if lowerToUpper || acronymEnd { pieces.append([]) }
            }
            pieces[pieces.count - 1].append(scalar)
        }
        return pieces.filter { !$0.isEmpty }.map { String(String.UnicodeScalarView($0)).lowercased() }
    }

    private static func isUpper(_ s: Unicode.Scalar) -> Bool { s.isASCII ? (0x41...0x5A).contains(s.value) : s.properties.isUppercase }
    private static func isLower(_ s: Unicode.Scalar) -> Bool { s.isASCII ? (0x61...0x7A).contains(s.value) : s.properties.isLowercase }
    private static func isDigit(_ s: Unicode.Scalar) -> Bool { (0x30...0x39).contains(s.value) }

    // MARK: - Reading

    private static func readLatin(_ words: [String], bracketed: Bool, overlay: WordOverlay) -> [HeaderPart] {
        var parts: [HeaderPart] = []
        var index = 0
        next: while index < words.count {
            for (phrase, lexeme) in Lexicon.latinPhrases where index + phrase.count <= words.count {
                if Array(words[index..<index + phrase.count]) == phrase {
                    parts.append(HeaderPart(text: phrase.joined(separator: " "), lexeme: lexeme, bracketed: bracketed, filler: false))
                    index += phrase.count
                    continue next
                }
            }
            let word = words[index]
            index += 1
            if let lexeme = overlay.lexemes[word] {
                parts.append(HeaderPart(text: word, lexeme: lexeme, bracketed: bracketed, filler: false))
            } else if word.unicodeScalars.allSatisfy(isDigit) {
                parts.append(HeaderPart(text: word, lexeme: nil, bracketed: bracketed, filler: true))
            } else if bracketed, Lexicon.latinUnits.contains(word) {
                parts.append(HeaderPart(text: word, lexeme: Lexicon.latinWord(word), bracketed: true, filler: true))
            } else if Lexicon.latinFillers.contains(word) {
                parts.append(HeaderPart(text: word, lexeme: nil, bracketed: bracketed, filler: true))
            } else {
                parts.append(HeaderPart(text: word, lexeme: Lexicon.latinWord(word), bracketed: bracketed, filler: false))
            }
        }
        return parts
    }

    private static func readSymbol(_ symbol: Unicode.Scalar, bracketed: Bool) -> HeaderPart {
        let text = String(symbol)
        if symbol == "@" || symbol == "&" { return HeaderPart(text: text, lexeme: nil, bracketed: bracketed, filler: true) }
        return HeaderPart(text: text, lexeme: Lexicon.latin[text], bracketed: bracketed, filler: bracketed && symbol == "#")
    }

    /// The CJK run as lexicon segments: fewest unknown characters first, then fewest parts.
    private static func segment(_ run: [Unicode.Scalar], bracketed: Bool, overlay: WordOverlay) -> [HeaderPart] {
        let count = run.count
        // best[i]: cost of segmenting run[i...] and the length of its first part (0: one unknown character).
        var cost = [(unknown: Int, parts: Int)](repeating: (0, 0), count: count + 1)
        var step = [Int](repeating: 0, count: count + 1)
        func text(_ start: Int, _ length: Int) -> String { String(String.UnicodeScalarView(run[start..<start + length])) }
        for start in stride(from: count - 1, through: 0, by: -1) {
            var best = (unknown: cost[start + 1].unknown + 1, parts: cost[start + 1].parts + 1)
            var bestLength = 0
            for length in 1...min(max(Lexicon.longestCJK, overlay.longest), count - start) {
                let piece = text(start, length)
                guard overlay.lexemes[piece] != nil || Lexicon.cjk[piece] != nil || Lexicon.cjkFillers.contains(piece) || (bracketed && Lexicon.cjkUnits.contains(piece)) else { continue }
                let candidate = (unknown: cost[start + length].unknown, parts: cost[start + length].parts + 1)
                if candidate.unknown < best.unknown || (candidate.unknown == best.unknown && candidate.parts < best.parts) {
                    best = candidate
                    bestLength = length
                }
            }
            cost[start] = best
            step[start] = bestLength
        }
        var parts: [HeaderPart] = []
        var unknown: [Unicode.Scalar] = []
        var position = 0
        func flushUnknown() {
            if !unknown.isEmpty {
                parts.append(HeaderPart(text: String(String.UnicodeScalarView(unknown)), lexeme: nil, bracketed: bracketed, filler: false))
                unknown.removeAll()
            }
        }
        while position < count {
            let length = step[position]
            if length == 0 {
                unknown.append(run[position])
                position += 1
                continue
            }
            flushUnknown()
            let piece = text(position, length)
            if let lexeme = overlay.lexemes[piece] {
                parts.append(HeaderPart(text: piece, lexeme: lexeme, bracketed: bracketed, filler: false))
            } else if bracketed, Lexicon.cjkUnits.contains(piece) {
                parts.append(HeaderPart(text: piece, lexeme: Lexicon.cjk[piece], bracketed: true, filler: true))
            } else if Lexicon.cjkFillers.contains(piece), Lexicon.cjk[piece] == nil {
                parts.append(HeaderPart(text: piece, lexeme: nil, bracketed: bracketed, filler: true))
            } else {
                parts.append(HeaderPart(text: piece, lexeme: Lexicon.cjk[piece], bracketed: bracketed, filler: false))
            }
            position += length
        }
        flushUnknown()
        return parts
    }
}

/// Words one workbook teaches, read before the lexicon's: a side word found where a parallel
/// header has a known side (`落地库名` beside `来源库名`: 落地 is the target).
struct WordOverlay: Sendable, Hashable {
    private(set) var lexemes: [String: Lexeme] = [:]
    /// Why each word was learned.
    private(set) var reasons: [String: String] = [:]
    /// Longest word, in characters (how far CJK segmentation looks ahead).
    private(set) var longest = 0

    var isEmpty: Bool { lexemes.isEmpty }

    mutating func add(_ word: String, _ lexeme: Lexeme, reason: String) {
        lexemes[word] = lexeme
        reasons[word] = reason
        longest = max(longest, word.unicodeScalars.count)
    }
}
