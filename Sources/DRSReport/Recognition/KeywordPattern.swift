/// One key word and its synonyms, in any language: `source | src | 源`.
///
/// Latin words match whole words only, with a plural `s`/`es` tolerated (`row` matches `Rows`);
/// a trailing `*` makes a prefix (`compar*` matches `Compare`, `Comparison`). CJK words match
/// anywhere, since CJK text has no spaces.
struct Term: Sendable, Hashable {
    struct Alternative: Sendable, Hashable {
        let scalars: [Unicode.Scalar]
        let prefix: Bool
    }

    let alternatives: [Alternative]

    init(_ words: [String]) {
        var alternatives: [Alternative] = []
        for word in words {
            let prefix = word.hasSuffix("*")
            let scalars = NormalizedText(prefix ? String(word.dropLast()) : word).full
            guard !scalars.isEmpty else { continue }
            alternatives.append(Alternative(scalars: scalars, prefix: prefix))
        }
        // Longest first, so the widest reading of a header counts.
        self.alternatives = alternatives.sorted { $0.scalars.count > $1.scalars.count }
    }

    /// Marks every occurrence in `text`; true when there was at least one.
    func mark(in text: [Unicode.Scalar], covered: inout [Bool]) -> Bool {
        var found = false
        for alternative in alternatives {
            var start = 0
            while let range = Term.find(alternative, in: text, from: start) {
                for index in range { covered[index] = true }
                found = true
                start = range.upperBound
            }
        }
        return found
    }

    func occurs(in text: [Unicode.Scalar]) -> Bool {
        alternatives.contains { Term.find($0, in: text, from: 0) != nil }
    }

    static func find(_ alternative: Alternative, in text: [Unicode.Scalar], from start: Int) -> Range<Int>? {
        let word = alternative.scalars
        guard !word.isEmpty, text.count >= word.count else { return nil }
        let wordStart = NormalizedText.isWordCharacter(word[0])
        let wordEnd = NormalizedText.isWordCharacter(word[word.count - 1])
        var index = start
        while index + word.count <= text.count {
            defer { index += 1 }
            guard text[index] == word[0] else { continue }
            var equal = true
            for offset in 1..<word.count where text[index + offset] != word[offset] {
                equal = false
                break
            }
            guard equal else { continue }
            if wordStart, index > 0, NormalizedText.isWordCharacter(text[index - 1]) { continue }
            var end = index + word.count
            if wordEnd, end < text.count, NormalizedText.isWordCharacter(text[end]) {
                if alternative.prefix {
                    while end < text.count, NormalizedText.isWordCharacter(text[end]) { end += 1 }
                } else if let plural = pluralEnd(text, at: end) {
                    end = plural
                } else {
                    continue
                }
            }
            return index..<end
        }
        return nil
    }

    /// The end of an `s` or `es` ending a word at `position`, if that is what follows.
    private static func pluralEnd(_ text: [Unicode.Scalar], at position: Int) -> Int? {
        func boundary(_ index: Int) -> Bool { index == text.count || !NormalizedText.isWordCharacter(text[index]) }
        if text[position] == "s", boundary(position + 1) { return position + 1 }
        if text[position] == "e", position + 1 < text.count, text[position + 1] == "s", boundary(position + 2) { return position + 2 }
        return nil
    }
}

/// A way of recognising one meaning in a short text: every required term present, no excluded
/// term present. How well it fits is the share of the text's characters the terms explain
/// (optional terms and filler words like "of" or "的" count as explained), so "Source Table Name"
/// fits `source + table (+ name)` fully while "Source Table Rows" fits it only in part and is
/// left to a pattern that also explains "rows".
struct KeywordPattern: Sendable, Hashable {
    let required: [Term]
    let optional: [Term]
    let excluded: [Term]

    init(_ required: [Term], optional: [Term] = [], excluded: [Term] = []) {
        self.required = required
        self.optional = optional
        self.excluded = excluded
    }

    struct Fit: Comparable, Sendable {
        /// Share of the text's non-space characters explained, 0…1.
        let score: Double
        /// Terms that matched: a tie goes to the more specific pattern.
        let terms: Int

        static func < (a: Fit, b: Fit) -> Bool { (a.score, a.terms) < (b.score, b.terms) }
    }

    func fit(_ text: [Unicode.Scalar]) -> Fit? {
        guard !text.isEmpty else { return nil }
        for term in excluded where term.occurs(in: text) { return nil }
        var covered = [Bool](repeating: false, count: text.count)
        var terms = 0
        for term in required {
            guard term.mark(in: text, covered: &covered) else { return nil }
            terms += 1
        }
        for term in optional where term.mark(in: text, covered: &covered) { terms += 1 }
        _ = KeywordPattern.fillers.mark(in: text, covered: &covered)
        var total = 0
        var explained = 0
        for (index, scalar) in text.enumerated() where scalar != " " {
            total += 1
            if covered[index] { explained += 1 }
        }
        guard total > 0 else { return nil }
        return Fit(score: Double(explained) / Double(total), terms: terms)
    }

    /// Words that carry no meaning of their own in a column title.
    static let fillers = Term(["the", "of", "in", "on", "at", "by", "for", "to", "a", "an", "is", "are", "be", "that", "which", "per", "的", "之"])
}
