import DRSReport
import Foundation
import Testing
import XLSXReader
@testable import DRSOutput

/// ``TableWriter`` in process: the goldens `convert` is held to, every format's framing, and
/// `excelSafe` CSV for a spreadsheet.
@Suite struct TableWriterTests {
    static func csv(_ path: String, sheet name: String, options: TableWriter.Options = TableWriter.Options()) throws -> String {
        let workbook = try Workbook(path: path)
        let sheet = try #require(workbook.sheets.first { $0.name == name })
        return try Samples.written { try TableWriter.write(sheet, of: workbook, as: .csv, to: $0, options: options) }
    }

    /// Each golden of samples/xlsx/expected/<workbook>/<sheet>.csv, written in process.
    static let goldens: [[String]] = {
        let root = Samples.path("samples/xlsx/expected")
        let books = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
        return books.flatMap { book in
            ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + book)) ?? []).sorted()
                .filter { $0.hasSuffix(".csv") }.map { [book, String($0.dropLast(4))] }
        }
    }()

    @Test func thereAreGoldens() { #expect(TableWriterTests.goldens.count >= 8) }

    @Test(arguments: goldens)
    func csvMatchesTheGolden(_ golden: [String]) throws {
        let expected = try String(contentsOfFile: Samples.path("samples/xlsx/expected/\(golden[0])/\(golden[1]).csv"), encoding: .utf8)
        #expect(try TableWriterTests.csv(Samples.path("samples/xlsx/\(golden[0]).xlsx"), sheet: golden[1]) == expected)
    }

    @Test func everyFormatFramesTheSameRows() throws {
        let workbook = try Workbook(path: Samples.path("samples/xlsx/openpyxl_normal.xlsx"))
        let sheet = workbook.sheets[0]
        var outputs: [TableFormat: String] = [:]
        for format in TableFormat.allCases {
            outputs[format] = try Samples.written { try TableWriter.write(sheet, of: workbook, as: format, to: $0) }
        }
        let ndjsonLines = try #require(outputs[.ndjson]).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(!ndjsonLines.isEmpty)
        for line in ndjsonLines { #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [Any]) }
        let jsonText = try #require(outputs[.json])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(jsonText.utf8)) as? [[Any]])
        #expect(json.count == ndjsonLines.count)
        let markdown = try #require(outputs[.markdown]).split(separator: "\n")
        #expect(markdown.count == ndjsonLines.count + 1, "the header's separator line")
        #expect(markdown[1].allSatisfy { "| -".contains($0) })
    }

    @Test func excelSafeCSVPrefixesCellsASpreadsheetWouldRun() throws {
        let path = TerminalSafetyTests.hostile
        let plain = try TableWriterTests.csv(path, sheet: "Details <script>")
        let safe = try TableWriterTests.csv(path, sheet: "Details <script>", options: TableWriter.Options(excelSafe: true))
        for cell in [#""=HYPERLINK(""http://x.invalid"",""click"")""#, "+1+1", "-2+3", #""@SUM(1,2)""#, "\t=1+1"] {
            #expect(plain.contains("," + cell + ","), "\(cell) is written as it is without --excel-safe")
        }
        for cell in [#""'=HYPERLINK(""http://x.invalid"",""click"")""#, "'+1+1", "'-2+3", #""'@SUM(1,2)""#, "'\t=1+1"] {
            #expect(safe.contains("," + cell + ","), "\(cell) is not prefixed")
        }
        // Numbers are numbers: a negative count is not text to protect.
        #expect(!safe.contains("'-") || safe.components(separatedBy: "'-").count == 3, "only the two text cells starting with - are prefixed")
        // Nothing else changes.
        #expect(safe.replacingOccurrences(of: "'", with: "").count == plain.replacingOccurrences(of: "'", with: "").count)
    }

    @Test func aByteOrderMarkMeansExcelSafeUnlessToldOtherwise() {
        #expect(TableWriter.Options(byteOrderMark: true).excelSafe)
        #expect(!TableWriter.Options(byteOrderMark: true, excelSafe: false).excelSafe)
        #expect(!TableWriter.Options().excelSafe)
        #expect(TableWriter.Options(excelSafe: true).excelSafe)
    }

    @Test func formulaLeadingFieldsAreRecognised() {
        func runs(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { CSVEncoding.runsAsFormula(UnsafeRawBufferPointer($0)) }
        }
        #expect(["=1", "+1", "-1", "@x", "\t=1", "\r=1"].allSatisfy(runs))
        #expect(!["", "1", "a=b", " =1", "'=1", "表"].contains(where: runs))
    }
}
