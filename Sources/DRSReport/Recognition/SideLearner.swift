/// Learns a workbook's own side words from its headers. Reports name both sides in headers that
/// differ only by the side: `来源库名` / `落地库名`, `Rows (left)` / `Rows (right)`. Where one header of
/// such a pair names a side drsdiff knows and the other has an unknown word in its place, that
/// word is the other side. Where a header is an unknown word and an entity (`落地定义`) and the same
/// header row has the entity for one side only (`源端DDL`), the word is the missing side. A word
/// needs its votes, over the whole workbook, to agree; it is then read as that side everywhere,
/// headers and cells alike (`落地表不存在` is the destination table missing).
enum SideLearner {
    static func learn(from headers: [[String]], vocabulary: Vocabulary) -> WordOverlay {
        var votes: [String: (source: Int, target: Int, example: String)] = [:]
        for row in headers {
            for (word, side, example) in completions(row, vocabulary: vocabulary) {
                var vote = votes[word] ?? (0, 0, "")
                if side == .source { vote.source += 1 } else { vote.target += 1 }
                if vote.example.isEmpty { vote.example = example }
                votes[word] = vote
            }
            let units = row.map(self.units)
            for i in units.indices {
                for j in units.indices where j != i {
                    guard let (known, unknown, side) = pair(units[i], units[j]) else { continue }
                    var vote = votes[unknown] ?? (0, 0, "")
                    if side == .source { vote.target += 1 } else { vote.source += 1 }
                    if vote.example.isEmpty {
                        vote.example = "\"\(unknown)\" stands where \"\(known)\" (\(side.rawValue)) stands in \"\(row[j])\" / \"\(row[i])\""
                    }
                    votes[unknown] = vote
                }
            }
        }
        var overlay = WordOverlay()
        for (word, vote) in votes.sorted(by: { $0.key < $1.key }) where (vote.source == 0) != (vote.target == 0) {
            let side: Sense = vote.source > 0 ? .source : .target
            overlay.add(word, Lexeme(senses: [side], weak: []), reason: vote.example + ": read as the \(side.rawValue) side")
        }
        return overlay
    }

    /// Votes from headers that are one unknown word and an entity: the side the row lacks.
    private static func completions(_ row: [String], vocabulary: Vocabulary) -> [(String, Sense, String)] {
        let first = row.map { vocabulary.columnCandidates($0).first }
        let best = first.map { $0?.concept }
        var out: [(String, Sense, String)] = []
        // A header read by a vocabulary file's phrase still teaches its side word: the file confirms
        // the header, and cells ("落地表不存在") need the word as much as it did.
        for (position, header) in row.enumerated() where first[position]?.exactPhrase ?? true {
            let unknown = HeaderParts(header).parts.filter { !$0.known }
            guard unknown.count == 1 else { continue }
            let word = unknown[0].text
            let cjk = word.unicodeScalars.allSatisfy(NormalizedText.isCJK)
            func reading(as side: Sense) -> ColumnConcept? {
                let replacement = side == .source ? (cjk ? "源" : " source ") : (cjk ? "目标" : " target ")
                guard let text = replacingFirst(word, in: header.lowercased(), with: replacement) else { return nil }
                return vocabulary.columnCandidates(text).first?.concept
            }
            guard let asSource = reading(as: .source), let asTarget = reading(as: .target), asSource != asTarget else { continue }
            let others = Set(best.enumerated().compactMap { $0.offset == position ? nil : $0.element })
            let side: Sense
            let counterpart: ColumnConcept
            switch (others.contains(asSource), others.contains(asTarget)) {
            case (true, false): side = .target; counterpart = asSource
            case (false, true): side = .source; counterpart = asTarget
            default: continue
            }
            let partner = row.enumerated().first { $0.offset != position && best[$0.offset] == counterpart }?.element ?? ""
            out.append((word, side, "\"\(header)\" would be \(side == .target ? asTarget.rawValue : asSource.rawValue), the side "
                        + "\"\(partner)\" (\(counterpart.rawValue)) leaves open"))
        }
        return out
    }

    private static func replacingFirst(_ word: String, in text: String, with replacement: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        let target = Array(word.unicodeScalars)
        guard !target.isEmpty, scalars.count >= target.count else { return nil }
        for start in 0...(scalars.count - target.count) where Array(scalars[start..<start + target.count]) == target {
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars[..<start])
            out.append(contentsOf: replacement.unicodeScalars)
            out.append(contentsOf: scalars[(start + target.count)...])
            return String(out)
        }
        return nil
    }

    /// A header as units: lower-cased Latin words and single CJK characters.
    private static func units(_ header: String) -> [String] {
        var units: [String] = []
        var word = ""
        for original in header.unicodeScalars {
            let scalar = NormalizedText.halfWidth(original)
            if NormalizedText.isCJK(scalar) {
                if !word.isEmpty { units.append(word.lowercased()); word = "" }
                units.append(String(scalar))
            } else if NormalizedText.isWordCharacter(scalar) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                units.append(word.lowercased())
                word = ""
            }
        }
        if !word.isEmpty { units.append(word.lowercased()) }
        return units
    }

    /// For two headers equal but for one stretch, the stretch of `a` naming a known side and the
    /// stretch of `b` drsdiff does not know at all; nil otherwise.
    private static func pair(_ a: [String], _ b: [String]) -> (known: String, unknown: String, side: Sense)? {
        var prefix = 0
        while prefix < min(a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(a.count, b.count) - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<(a.count - suffix)])
        let y = Array(b[prefix..<(b.count - suffix)])
        guard !x.isEmpty, !y.isEmpty, x.count <= 4, y.count <= 4, prefix + suffix > 0 else { return nil }
        // The unknown stretch must read back as one word: one Latin word, or a run of CJK characters.
        let cjk = y.allSatisfy { $0.unicodeScalars.allSatisfy(NormalizedText.isCJK) }
        guard cjk || y.count == 1 else { return nil }
        // What the two headers share must be something a side qualifies: a table, rows, a key…
        let shared = HeaderParts(join(Array(a[..<prefix]) + Array(a[(a.count - suffix)...]))).meaningful
        guard shared.contains(where: { !$0.senses.isEmpty && !$0.senses.isDisjoint(with: entities) }) else { return nil }
        let known = HeaderParts(join(x)).meaningful
        let unknown = HeaderParts(join(y)).meaningful
        guard unknown.allSatisfy({ !$0.known }), let side = side(of: known) else { return nil }
        return (join(x), join(y), side)
    }

    private static let entities: Set<Sense> = [.database, .table, .row, .count, .value, .content, .definition, .key, .sql, .select, .object]

    private static func side(of parts: [HeaderPart]) -> Sense? {
        let senses = parts.reduce(into: Set<Sense>()) { $0.formUnion($1.senses.union($1.weakSenses)) }
        switch (senses.contains(.source), senses.contains(.target)) {
        case (true, false): return .source
        case (false, true): return .target
        default: return nil
        }
    }

    private static func join(_ units: [String]) -> String {
        var text = ""
        for unit in units {
            let cjk = unit.unicodeScalars.first.map(NormalizedText.isCJK) ?? false
            if !text.isEmpty, !cjk, !(text.unicodeScalars.last.map(NormalizedText.isCJK) ?? false) { text += " " }
            text += unit
        }
        return text
    }
}
