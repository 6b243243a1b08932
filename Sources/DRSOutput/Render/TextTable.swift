import DRSReport
/// A small table rendered as GitHub Markdown or as aligned plain text.
public struct TextTable {
    public var headers: [String]
    /// Columns aligned right (numbers).
    public var numeric: Set<Int> = []
    public var rows: [[String]] = []

    public init(_ headers: [String], numeric: Set<Int> = []) {
        self.headers = headers
        self.numeric = numeric
    }

    public mutating func add(_ row: [String]) { rows.append(row) }

    public var markdown: String {
        var out = "| " + headers.map(MarkdownEncoding.cell).joined(separator: " | ") + " |\n"
        out += "|" + headers.indices.map { numeric.contains($0) ? "--:|" : "---|" }.joined() + "\n"
        for row in rows {
            out += "| " + row.map(MarkdownEncoding.cell).joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// Columns padded to their widest cell (CJK counts double), line breaks shown as ` / `,
    /// control and format characters as visible marks (``TerminalText``).
    public func text(indent: String = "  ") -> String {
        let cells = ([headers] + rows).map { $0.map(TextTable.oneLine) }
        let widths = headers.indices.map { column in cells.map { TextTable.width($0[column]) }.max() ?? 0 }
        var out = ""
        for row in cells {
            var line = indent
            for (column, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - TextTable.width(cell))
                let last = column == row.count - 1
                line += numeric.contains(column) ? padding + cell : cell + (last ? "" : padding)
                if !last { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    /// One line a terminal shows as it is: line breaks as ` / `, other controls as visible marks.
    static func oneLine(_ text: String) -> String {
        TerminalText.visible(text.replacingOccurrences(ofLineBreaksWith: " / "))
    }

    /// Terminal columns: East Asian wide characters take two.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let value = scalar.value
            let wide = (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
                || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
            return width + (wide ? 2 : 1)
        }
    }
}
