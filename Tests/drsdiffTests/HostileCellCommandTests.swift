import Foundation
import TestPacing
import Testing

/// Cells that would drive a terminal or run in a spreadsheet, through every format as users run
/// them: human formats and stderr show them as marks; CSV, JSON and NDJSON keep every byte;
/// `convert --bom` (and `--excel-safe`) protects the cells a spreadsheet would run.
@Suite(.heavy) struct HostileCellCommandTests {
    static let hostile = ReportCLI.path("samples/hostile/hostile_en-us.xlsx")

    /// Scalars that act on a terminal rather than show: C0 (line breaks aside), DEL, C1, bidi and other format characters.
    static func unsafe(_ text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            if scalar == "\n" { return false }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return true }
            switch scalar.properties.generalCategory {
            case .format, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }.map { String($0.value, radix: 16) }
    }

    @Test(arguments: [
        ["summary", "--format", "md"], ["summary", "--format", "text"], ["inspect"], ["inspect", "--format", "text"],
        ["convert", "--format", "md", "--sheet", "Details <script>"], ["check"],
    ])
    func humanFormatsAndMessagesShowMarks(_ arguments: [String]) throws {
        let result = try ReportCLI.run([arguments[0], HostileCellCommandTests.hostile] + arguments.dropFirst())
        #expect(result.status != 64, "\(result.stderr)")
        #expect(HostileCellCommandTests.unsafe(result.output).isEmpty, "stdout: \(HostileCellCommandTests.unsafe(result.output))")
        #expect(HostileCellCommandTests.unsafe(result.stderr).isEmpty, "stderr: \(HostileCellCommandTests.unsafe(result.stderr))")
        #expect((result.output + result.stderr).contains("\u{241B}"), "the escapes are shown, not dropped")
    }

    @Test(arguments: ["csv", "json", "ndjson"])
    func machineFormatsKeepEveryByte(_ format: String) throws {
        let result = try ReportCLI.run(["report", HostileCellCommandTests.hostile, "--format", format, "--section", "table_row_counts"])
        #expect(result.status == 0 || result.status == 2, "\(result.stderr)")
        if format == "csv" {
            #expect(result.output.contains("\u{1B}]0;PWNED-TITLE\u{07}retitled"))
            #expect(result.output.contains("\u{202E}evil.exe\u{202C}"))
        } else {
            #expect(result.output.contains(#"\u001b]0;PWNED-TITLE\u0007retitled"#))
            #expect(result.output.contains("\u{202E}evil.exe\u{202C}"))
        }
    }

    @Test func excelSafeCSVIsOnWithTheByteOrderMark() throws {
        let sheet = ["--sheet", "Details <script>"]
        let plain = try ReportCLI.run(["convert", HostileCellCommandTests.hostile] + sheet)
        let bom = try ReportCLI.run(["convert", HostileCellCommandTests.hostile, "--bom"] + sheet)
        let asked = try ReportCLI.run(["convert", HostileCellCommandTests.hostile, "--excel-safe"] + sheet)
        let refused = try ReportCLI.run(["convert", HostileCellCommandTests.hostile, "--bom", "--no-excel-safe"] + sheet)
        #expect([plain, bom, asked, refused].allSatisfy { $0.status == 0 })
        #expect(plain.output.contains(",+1+1,") && plain.output.contains(",-2+3,"))
        #expect(bom.output.hasPrefix("\u{FEFF}"))
        for protected in [bom.output, asked.output] {
            #expect(protected.contains(",'+1+1,") && protected.contains(",'-2+3,") && protected.contains(#","'@SUM(1,2)","#))
            #expect(protected.contains(#","'=HYPERLINK(""http://x.invalid"",""click"")","#))
            #expect(protected.contains(",'\t=1+1,"))
        }
        #expect(refused.output.contains(",+1+1,") && !refused.output.contains("'+1+1"))
        #expect(try ReportCLI.run(["convert", HostileCellCommandTests.hostile, "--excel-safe", "--format", "json"]).status == 64)
        let help = try ReportCLI.run(["convert", "--help"])
        #expect(help.output.contains("--excel-safe"))
    }
}
