import DRSFakeService
import Foundation
import TestPacing
import Testing

/// Teaching drsdiff a new wording: `inspect` explains what it inferred, `--suggest-vocabulary`
/// writes it down, and the file, confirmed as written, makes `report` read every column by phrase.
@Suite(.heavy) struct VocabularySuggestionTests {
    /// A row-count sheet in invented wording: one header drsdiff knows, the others German.
    static let workbook: Data = {
        let header: [FakeWorkbook.Cell] = ["Source Table", "Quellzeilen", "Zielzeilen", "Abweichung", "Ergebnis", "Bemerkung", "Reviewer"]
            .map { .text($0) }
        let rows: [(String, Int, Int, String, String, String)] = [
            ("orders", 10, 10, "OK", "-", "Li"), ("items", 10, 7, "NG", "drei Zeilen fehlen im Ziel", "Wang"),
            ("users", 5, 5, "OK", "-", "Zhao"), ("payments", 8, 9, "NG", "eine Zeile zu viel im Ziel", "Li"),
            ("refunds", 4, 4, "OK", "-", "Wang"), ("events", 7, 7, "OK", "-", "Zhao"),
        ]
        return FakeWorkbook.workbook(sheetName: "Prüfung", rows: [header] + rows.map { table, source, target, result, note, reviewer in
            [.text(table), .number(source), .number(target), .number(source - target), .text(result), .text(note), .text(reviewer)]
        })
    }()

    private static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    }

    private static func columns(_ report: [String: Any]) -> [[String: Any]] {
        ((report["sections"] as! [[String: Any]])[0]["columns"] as! [[String: Any]])
    }

    @Test func inspectExplainsEveryInferredDecision() throws {
        let path = try ReportCLI.temporaryFile(VocabularySuggestionTests.workbook, suffix: ".xlsx")
        let result = try ReportCLI.run(["inspect", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.output.contains("  inferred:\n"))
        #expect(result.output.contains("D difference: header: abweichung=?; values: 6 of 6 sampled cells filled: all whole numbers"), "\(result.output)")
        #expect(result.output.contains("equals source_rows − target_rows on 6 of 6 sampled rows"))
        #expect(result.output.contains("E \"OK\" → consistent: found on 4 sampled rows where the counts agree"), "\(result.output)")
        #expect(result.output.contains("E \"NG\" → inconsistent: found on 2 where they differ"))
        #expect(result.output.contains("F \"Bemerkung\": message"))
    }

    @Test func reportMarksInferredColumnsAndWords() throws {
        let path = try ReportCLI.temporaryFile(VocabularySuggestionTests.workbook, suffix: ".xlsx")
        let report = try VocabularySuggestionTests.json(try ReportCLI.run(["report", path, "--format", "json"]).output)
        let columns = VocabularySuggestionTests.columns(report)
        #expect(columns[4]["concept"] as? String == "status" && columns[4]["inferred"] as? Bool == true)
        #expect((columns[4]["learned"] as? [[String: Any]])?.map { $0["text"] as! String } == ["OK", "NG"])
        let records = (report["sections"] as! [[String: Any]])[0]["records"] as! [[String: Any]]
        let status = records[1]["status"] as! [String: Any]
        #expect(status["value"] as? String == "inconsistent" && status["text"] as? String == "NG" && status["inferred"] as? Bool == true)
    }

    /// Every column it suggests is then read by phrase; "Bemerkung" (a guess at message below what
    /// recognition accepts) is named in the notes only, neither mapped nor ignored, and stays in `extra`.
    @Test func theSuggestedVocabularyConfirmedAsWrittenMapsEverySuggestedColumn() throws {
        let path = try ReportCLI.temporaryFile(VocabularySuggestionTests.workbook, suffix: ".xlsx")
        let vocabulary = path + ".vocabulary.json"
        let suggested = try ReportCLI.run(["inspect", path, "--suggest-vocabulary", "-o", vocabulary])
        #expect(suggested.status == 0, "\(suggested.stderr)")
        #expect(suggested.stdout.isEmpty)
        #expect(suggested.stderr.contains("drsdiff: note: suggested"))
        let file = try VocabularySuggestionTests.json(String(contentsOfFile: vocabulary, encoding: .utf8))
        #expect(file["schema"] as? String == "drsdiff.vocabulary/v1")
        let columns = file["columns"] as! [String: [String]]
        #expect(columns == ["source_rows": ["Quellzeilen"], "target_rows": ["Zielzeilen"], "difference": ["Abweichung"],
                            "status": ["Ergebnis"]])
        #expect(file["ignore"] as? [String] == ["Reviewer"])
        #expect((file["values"] as? [String: [String: [String]]])?["status"] == ["consistent": ["OK"], "inconsistent": ["NG"]])
        let notes = (file["notes"] as? [String]) ?? []
        #expect(notes.contains { $0.contains("\"Quellzeilen\": source_rows, inferred") })
        #expect(notes.contains { $0.contains("\"Bemerkung\": unmatched; its best candidate message (0.30) is weaker than recognition accepts (0.45): not suggested") },
                "\(notes)")

        let taught = try ReportCLI.run(["report", path, "--vocabulary", vocabulary, "--format", "json"])
        #expect(taught.status == 0, "\(taught.stderr)")
        let report = try VocabularySuggestionTests.json(taught.output)
        for column in VocabularySuggestionTests.columns(report) {
            let header = column["header"] as! String
            if header == "Reviewer" || header == "Bemerkung" {
                #expect(column["concept"] is NSNull)
            } else if header != "Source Table" {
                #expect(column["via"] as? String == "vocabulary file phrase", "\(column)")
                #expect(column["inferred"] == nil, "\(column)")
            }
        }
        let records = (report["sections"] as! [[String: Any]])[0]["records"] as! [[String: Any]]
        let status = records[1]["status"] as! [String: Any]
        #expect(status["value"] as? String == "inconsistent" && status["inferred"] == nil)
        #expect(records[1]["message"] is NSNull)
        let extra = (records[1]["extra"] as? [[String: Any]]) ?? []
        #expect(extra.contains { $0["header"] as? String == "Bemerkung" && $0["value"] as? String == "drei Zeilen fehlen im Ziel" }, "\(extra)")
    }

    @Test func theSuggestionOptionWritesJSONOnly() throws {
        let result = try ReportCLI.run(["inspect", ReportCLI.sample("lines_en-us"), "--suggest-vocabulary", "--format", "text"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--format does not apply"))
    }
}
