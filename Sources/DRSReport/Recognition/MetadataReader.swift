import XLSXReader

/// Reads the rows above a table: "Key: value" in one cell, or the key in one cell (with or
/// without a colon) and the value in the next; a lone text without a separator is a title.
enum MetadataReader {
    static func read(_ rows: [Row], sheet: String, vocabulary: Vocabulary) -> (entries: [MetadataEntry], titles: [ReportTitle]) {
        var entries: [MetadataEntry] = []
        var titles: [ReportTitle] = []
        for row in rows {
            let cells = row.cells
            var position = 0
            while position < cells.count {
                let text = cells[position].value.text.trimmedSpaces
                let hasNext = position + 1 < cells.count
                if let (key, value) = split(text), !value.isEmpty || !hasNext {
                    entries.append(entry(key, value, sheet: sheet, row: row.index, vocabulary: vocabulary))
                    position += 1
                } else if hasNext, case .text = cells[position].value {
                    let key = split(text)?.key ?? text
                    entries.append(entry(key, cells[position + 1].value.text.trimmedSpaces, sheet: sheet, row: row.index, vocabulary: vocabulary))
                    position += 2
                } else {
                    if !text.isEmpty { titles.append(ReportTitle(sheet: sheet, row: row.index + 1, text: text)) }
                    position += 1
                }
            }
        }
        return (entries, titles)
    }

    private static func entry(_ key: String, _ value: String, sheet: String, row: Int, vocabulary: Vocabulary) -> MetadataEntry {
        MetadataEntry(key: key, value: value, name: vocabulary.metadataName(key), sheet: sheet, row: row + 1)
    }

    /// "Key: value" or "键：值" at the first colon, when there is a key before it.
    private static func split(_ text: String) -> (key: String, value: String)? {
        guard let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let key = String(text[..<colon]).trimmedSpaces
        guard !key.isEmpty, key.count <= 60 else { return nil }
        return (key, String(text[text.index(after: colon)...]).trimmedSpaces)
    }
}

extension String {
    /// Without leading and trailing spaces (ASCII, ideographic and no-break).
    var trimmedSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
