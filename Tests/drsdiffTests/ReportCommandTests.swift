import DRSFakeService
import Foundation
import TestPacing
import Testing
import XLSXFixtures

@Suite(.heavy) struct ReportCommandTests {
    @Test func standardInputReadsLikeAFile() throws {
        let path = ReportCLI.sample("contents_zh-cn")
        let fromFile = try ReportCLI.run(["report", path, "--format", "ndjson"])
        let fromPipe = try ReportCLI.run(["report", "-", "--format", "ndjson"], stdin: try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(fromPipe.status == 0, "\(fromPipe.stderr)")
        let fileLines = fromFile.output.split(separator: "\n")
        let pipeLines = fromPipe.output.split(separator: "\n")
        #expect(fileLines.dropFirst() == pipeLines.dropFirst())
        #expect(pipeLines.first?.contains("\"file\":\"<stdin>\"") == true)
    }

    @Test func outputGoesToTheFileNamedByDashO() throws {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("drsdiff-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: target) }
        let result = try ReportCLI.run(["report", ReportCLI.sample("lines_en-us"), "--format", "csv", "--section", "cannot_compare", "-o", target])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let csv = try String(contentsOfFile: target, encoding: .utf8)
        #expect(csv.hasPrefix("sheet,row,source_database,source_table,target_database,target_table,source_rows,target_rows,difference,status,status_code,status_text,row_filter,message,row_result,row_result_code,row_result_text,extra\n"))
        #expect(csv.contains("Cannot Be Compared,2,shop,invoices,shop,invoices,,,,target_table_missing,12,The destination table does not exist,"))
    }

    @Test func csvWithoutASectionWritesTheMainOneAndSaysSo() throws {
        let result = try ReportCLI.run(["report", ReportCLI.sample("random_en-us"), "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("sheet,row,source_database,source_table,target_database,target_table,source_rows,target_rows,difference,sampling_ratio,"))
        #expect(result.stderr.contains("drsdiff: note: CSV holds one section: writing sampling (\"Sampling Results\")"))
    }

    @Test func sectionsAreChosenByKind() throws {
        let result = try ReportCLI.run(["report", ReportCLI.sample("lines_zh-cn"), "--format", "ndjson", "--section", "table-row-counts"])
        let kinds = Set(result.output.split(separator: "\n").dropFirst().compactMap { line in
            line.range(of: #""kind":"[a-z_]+""#, options: .regularExpression).map { String(line[$0]) }
        })
        #expect(kinds == ["\"kind\":\"table_row_counts\""])
        let missing = try ReportCLI.run(["report", ReportCLI.sample("lines_zh-cn"), "--section", "repair_statements"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("the report has no repair_statements section; it has: database_summary, table_row_counts, cannot_compare"))
        let unknown = try ReportCLI.run(["report", ReportCLI.sample("lines_zh-cn"), "--section", "tables"])
        #expect(unknown.status == 64)
        let twoForCSV = try ReportCLI.run(["report", ReportCLI.sample("lines_zh-cn"), "--format", "csv", "--section", "cannot_compare", "--section", "database_summary"])
        #expect(twoForCSV.status == 64)
    }

    @Test func onlyInconsistentKeepsOnlyInconsistentRecords() throws {
        let summary = try ReportCLI.run(["summary", ReportCLI.sample("lines_en-us"), "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: summary.stdout) as! [String: Any]
        let inconsistent = (document["sections"] as! [[String: Any]]).map { $0["inconsistent"] as! Int }.reduce(0, +)
        let result = try ReportCLI.run(["report", ReportCLI.sample("lines_en-us"), "--format", "ndjson", "--only-inconsistent"])
        let lines = result.output.split(separator: "\n").dropFirst()
        #expect(lines.count == inconsistent)
        #expect(lines.allSatisfy { !$0.contains("\"value\":\"consistent\"") || $0.contains("\"kind\":\"database_summary\"") })
    }

    @Test(arguments: ReportCLI.readerSamples)
    func workbooksThatAreNotReportsAreExplainedAndWrittenAsTables(_ path: String) throws {
        let inspect = try ReportCLI.run(["inspect", path])
        #expect(inspect.status == 0, "\(inspect.stderr)")
        let unrecognised = inspect.output.components(separatedBy: ": not recognised\n").count - 1
        #expect(inspect.output.components(separatedBy: "\n  why: ").count > 1)
        let report = try ReportCLI.run(["report", path, "--format", "json"])
        #expect(report.status == 0, "\(report.stderr)")
        let notes = report.stderr.components(separatedBy: "was not recognised as part of a DRS comparison report: written as a generic table").count - 1
        #expect(notes == unrecognised, "\(path)")
        #expect(report.output.components(separatedBy: "{\"kind\":\"unknown\",\"confidence\"").count - 1 == unrecognised)
        let csv = try ReportCLI.run(["report", path, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(try ReportCLI.run(["summary", path, "--format", "text"]).status == 0)
    }

    @Test func aWorkbookWithNothingOfAReportSaysSo() throws {
        let path = ReportCLI.path("samples/xlsx/xlsxwriter_1904.xlsx")
        let inspect = try ReportCLI.run(["inspect", path])
        #expect(inspect.output.contains("sections: none recognised"))
        #expect(inspect.output.contains("no sheet was recognised as a section of a DRS comparison report: every sheet is written as a generic table"))
        let csv = try ReportCLI.run(["report", path, "--format", "csv"])
        let convert = try ReportCLI.run(["convert", path, "--format", "csv"])
        #expect(csv.status == 0 && csv.stdout == convert.stdout)
        let summary = try ReportCLI.run(["summary", path, "--format", "text"])
        #expect(summary.output.contains("no comparison results found"))
    }

    @Test func vocabularyFilesExtendRecognitionAndMistakesAreUsageErrors() throws {
        let workbook = FakeWorkbook.workbook(sheetName: "Ergebnis", rows: [
            [.text("Tabelle"), .text("Quellzeilen"), .text("Zielzeilen"), .text("Ergebnis")],
            [.text("t1"), .number(10), .number(12), .text("Abweichung")],
        ])
        let path = try ReportCLI.temporaryFile(workbook, suffix: ".xlsx")
        let vocabulary = try ReportCLI.temporaryFile(Data("""
            {"columns": {"source_table": ["Tabelle"], "source_rows": ["Quellzeilen"], "target_rows": ["Zielzeilen"], "status": ["Ergebnis"]},
             "values": {"status": {"inconsistent": ["Abweichung"]}}}
            """.utf8), suffix: ".json")
        let without = try ReportCLI.run(["check", path])
        #expect(without.status == 2)
        let with = try ReportCLI.run(["check", path, "--vocabulary", vocabulary])
        #expect(with.status == 1, "\(with.stderr)")
        let inspect = try ReportCLI.run(["inspect", path, "--vocabulary", vocabulary])
        #expect(inspect.output.contains("vocabulary file phrase"))
        let broken = try ReportCLI.temporaryFile(Data(#"{"columns": {"rowz": ["x"]}}"#.utf8), suffix: ".json")
        for command in ["summary", "report", "inspect", "check"] {
            let result = try ReportCLI.run([command, path, "--vocabulary", broken])
            #expect(result.status == 64, "\(command)")
            #expect(result.stderr.contains("unknown column concept \"rowz\""), "\(command): \(result.stderr)")
        }
    }

    @Test func inspectJSONDescribesEverySheet() throws {
        let result = try ReportCLI.run(["inspect", ReportCLI.sample("lines_zh-cn"), "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: result.stdout) as! [String: Any]
        #expect(document["schema"] as? String == "drsdiff.inspect/v1")
        let sheets = document["sheets"] as! [[String: Any]]
        #expect(sheets.map { $0["kind"] as! String } == ["database_summary", "table_row_counts", "table_row_counts", "cannot_compare"])
        #expect(sheets[2]["continues"] as? String == "表级对比结果")
    }
}

/// Every command that reads cells fails on a corrupt reference (exit 18, file, part and cell named)
/// and reads past it with `--lenient`, saying so on stderr.
@Suite(.heavy) struct CorruptReferenceCommandTests {
    static let book = StoredZip.workbook([("Data", #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="7"><v>1</v></c></row>"#)], sharedStrings: ["name"])

    /// A row-count report (so `diff` takes it) whose data row uses a style past the table.
    static let report: [UInt8] = {
        let header = ["Source Database", "Source Table", "Target Database", "Target Table", "Source Rows", "Target Rows", "Difference", "Result"]
        let cells = header.enumerated().map { #"<c r="\#(String(UnicodeScalar(UInt8(65 + $0))))1" t="inlineStr"><is><t>\#($1)</t></is></c>"# }.joined()
        let row = #"<c r="A2" t="inlineStr"><is><t>shop</t></is></c><c r="B2" t="inlineStr"><is><t>orders</t></is></c>"#
            + #"<c r="C2" t="inlineStr"><is><t>shop</t></is></c><c r="D2" t="inlineStr"><is><t>orders</t></is></c>"#
            + #"<c r="E2" s="7"><v>10</v></c><c r="F2"><v>9</v></c><c r="G2"><v>1</v></c><c r="H2" t="inlineStr"><is><t>Inconsistent</t></is></c>"#
        return StoredZip.workbook([("Table Results", #"<row r="1">\#(cells)</row><row r="2">\#(row)</row>"#)])
    }()

    @Test(arguments: [["convert"], ["report", "--format", "ndjson"], ["summary"], ["inspect"], ["check"]])
    func strictByDefaultLenientOnRequest(_ command: [String]) throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try writeFile(Self.book, named: "corrupt.xlsx", in: directory)
        let arguments = [command[0], path] + command.dropFirst()

        let strict = try BinaryRunner.run(arguments)
        #expect(strict.status == 18, "\(strict.stderr)")
        #expect(strict.stdout.isEmpty)
        #expect(strict.stderr.contains("corrupt.xlsx: xl/worksheets/sheet1.xml: cell B1: cell B1 uses style 7, past the end of the styles table"), "\(strict.stderr)")

        let lenient = try BinaryRunner.run(arguments + ["--lenient"])
        #expect(lenient.status == (command[0] == "check" ? 2 : 0), "\(lenient.stderr)")
        #expect(!lenient.stdout.isEmpty || command[0] == "check")
        #expect(lenient.stderr.contains("drsdiff: note: sheet \"Data\": 1 cell uses a style past the end of the styles table and was read unformatted (the first: cell B1)\n"),
                "\(lenient.stderr)")
    }

    /// Commands that read several reports say which file each note is about.
    @Test(arguments: [["diff"], ["check"], ["summary"]])
    func severalFilesNameTheFileOfEachNote(_ command: [String]) throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try writeFile(Self.report, named: "first.xlsx", in: directory)
        let second = try writeFile(Self.report, named: "second.xlsx", in: directory)
        let strict = try BinaryRunner.run(command + [first, second])
        #expect(strict.stderr.contains("cell E2 uses style 7"), "\(strict.stderr)")
        #expect(strict.status == 18, "\(strict.stderr)")
        let lenient = try BinaryRunner.run(command + [first, second, "--lenient"])
        for name in ["first.xlsx", "second.xlsx"] {
            #expect(lenient.stderr.contains("drsdiff: note: \(name): sheet \"Table Results\": 1 cell uses a style"), "\(lenient.stderr)")
        }
    }

    @Test func sheetsReadsNoCellsAndHasNoLenientFlag() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try writeFile(Self.book, named: "corrupt.xlsx", in: directory)
        #expect(try BinaryRunner.run(["sheets", path]).status == 0)
        #expect(try BinaryRunner.run(["sheets", path, "--lenient"]).status == 64)
    }
}
