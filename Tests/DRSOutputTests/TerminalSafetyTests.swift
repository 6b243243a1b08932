import DRSReport
import Foundation
import Testing
import XLSXReader
@testable import DRSOutput

/// Text a terminal shows must not drive it: Markdown, text and table output show control, bidi
/// and format characters as visible marks; CSV, JSON and NDJSON keep every byte (JSON escapes
/// controls by its grammar). The hostile sample holds the escapes (`ESC ] 0;… BEL`, `ESC [31m`,
/// `ESC [2K`, CR, U+202E, zero-width characters) and formula-leading cells.
@Suite struct TerminalSafetyTests {
    static let hostile = Samples.path("samples/hostile/hostile_en-us.xlsx")

    /// The scalars that act on a terminal instead of showing (line breaks aside, where a format keeps them).
    static func unsafe(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { $0 != "\n" && !TerminalText.isSafe($0) }
    }

    @Test func controlAndFormatCharactersBecomeVisibleMarks() {
        #expect(TerminalText.visible("\u{1B}]0;title\u{07}") == "\u{241B}]0;title\u{2407}")
        #expect(TerminalText.visible("\u{1B}[31mred\u{1B}[0m") == "\u{241B}[31mred\u{241B}[0m")
        #expect(TerminalText.visible("a\u{202E}b\u{200B}c\u{FEFF}d\u{AD}e\u{7F}\u{85}") == "a<U+202E>b<U+200B>c<U+FEFF>d<U+00AD>e\u{2421}<U+0085>")
        #expect(TerminalText.visible("tab\there\r\nnext") == "tab\u{2409}here\u{240D}\u{240A}next")
        #expect(TerminalText.visible("line\r\nnext", keepingLineBreaks: true) == "line\r\nnext")
        // Everything else shows as itself: CJK, accents, emoji, punctuation.
        let plain = "订单表 café 😀 a|b\\c <x> = + - @"
        #expect(TerminalText.visible(plain) == plain)
    }

    @Test func markdownCellsAndTextTablesShowMarks() {
        let hostile = "\u{1B}]0;PWNED\u{07}x\u{1B}[2K\rhidden\u{202E}txt"
        #expect(TerminalSafetyTests.unsafe(in: MarkdownEncoding.cell(hostile)).isEmpty)
        #expect(MarkdownEncoding.cell(hostile).contains("<br>hidden"), "a CR still breaks the cell's line")
        var table = TextTable(["name"])
        table.add([hostile])
        #expect(TerminalSafetyTests.unsafe(in: table.text()).isEmpty)
        #expect(TerminalSafetyTests.unsafe(in: table.markdown).isEmpty)
        #expect(MarkdownEncoding.inline("title\u{1B}[8m\nnext") == "title\u{241B}[8m next")
    }

    @Test(arguments: [SummaryWriter.Format.markdown, .text])
    func theHostileSummaryReachesNoTerminalRaw(_ format: SummaryWriter.Format) throws {
        let file = try ReportWorkbook(path: TerminalSafetyTests.hostile)
        let summary = try file.summary(top: 50)
        let output = try Samples.written { try SummaryWriter.write(summary, as: format, to: $0) }
        #expect(TerminalSafetyTests.unsafe(in: output).isEmpty, "\(TerminalSafetyTests.unsafe(in: output).map { String($0.value, radix: 16) })")
        #expect(output.contains("\u{241B}]0;PWNED-TITLE\u{2407}retitled"), "the escape is shown, not dropped")
        #expect(output.contains("<U+202E>evil.exe<U+202C>"))
    }

    @Test func theHostileReportStaysByteFaithfulInJSONAndCSV() throws {
        let file = try ReportWorkbook(path: TerminalSafetyTests.hostile)
        let json = try Samples.written { try ReportWriter.writeJSON(file, ReportWriter.Selection(sections: file.report.sections), to: $0) }
        #expect(json.contains(#"\u001b]0;PWNED-TITLE\u0007retitled"#))
        #expect(json.contains("\u{202E}evil.exe\u{202C}"), "JSON escapes controls only; other characters are kept as they are")
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
        #expect(parsed is [String: Any])
        let section = try #require(file.report.sections.first { $0.kind == .tableRowCounts })
        let csv = try Samples.written { try ReportWriter.writeCSV(file, section: section, to: $0) }
        #expect(csv.contains("\u{1B}]0;PWNED-TITLE\u{07}retitled"))
        #expect(csv.contains("=HYPERLINK(") && !csv.contains("'=HYPERLINK("), "report CSV is not made for a spreadsheet: no prefix")
    }

    @Test func convertMarkdownShowsMarks() throws {
        let workbook = try Workbook(path: TerminalSafetyTests.hostile)
        for sheet in workbook.sheets {
            let markdown = try Samples.written { try TableWriter.write(sheet, of: workbook, as: .markdown, to: $0) }
            #expect(TerminalSafetyTests.unsafe(in: markdown).isEmpty, "\(sheet.name)")
        }
    }
}
