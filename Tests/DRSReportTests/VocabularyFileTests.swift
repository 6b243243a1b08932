import Testing
import Foundation
@testable import DRSReport

struct VocabularyFileTests {
    private func vocabulary(_ json: String) throws -> Vocabulary {
        var vocabulary = Vocabulary.standard
        try vocabulary.load(json: Array(json.utf8), source: "test.json")
        return vocabulary
    }

    /// Found by FuzzVocabularyFile: a high surrogate escape followed by another escape that is no
    /// low surrogate overflowed (a trap); each now stands on its own.
    @Test func escapesThatAreNoSurrogatePair() throws {
        let vocabulary = try vocabulary(#"{"schema": "drsdiff.vocabulary/v1", "columns": {"message": ["\ud83d\u0041bc", "\ud83d\ude00 ok", "\udc00x"]}}"#)
        #expect(vocabulary.columnCandidates("\u{FFFD}Abc").first?.concept == .message)
        #expect(vocabulary.columnCandidates("😀 ok").first?.concept == .message)
        #expect(throws: VocabularyError.self) { try self.vocabulary(#"{"columns": {"message": ["\ud83d\u00"]}}"#) }
    }

    @Test func phrasesPatternsAndIgnoresExtendTheBuiltInWords() throws {
        let vocabulary = try vocabulary("""
            {"schema": "drsdiff.vocabulary/v1",
             "columns": {"source_rows": ["Quellzeilen", {"all": ["quelle|src", "datensätze"], "none": ["sql"]}],
                         "target_rows": "Zielzeilen",
                         "message": ["Shard Progress"]},
             "ignore": ["Remarks"],
             "metadata": {"region": ["Region", "区域"]},
             "sections": {"value_differences": ["Abweichungen"]},
             "values": {"status": {"consistent": ["OK"], "inconsistent": ["Abweichung"]},
                        "difference_kind": {"only_in_source": ["nur Quelle"]},
                        "operation": {"insert": ["INS"]}, "repair_state": {"failed": ["KO"]},
                        "object_type": {"SEQUENCE": ["Sequenz"]}}}
            """)
        #expect(vocabulary.columnCandidates("Quellzeilen").first?.concept == .sourceRows)
        #expect(vocabulary.columnCandidates("QUELLZEILEN").first?.exactPhrase == true)
        #expect(vocabulary.columnCandidates("Quelle Datensätze").first?.concept == .sourceRows)
        #expect(vocabulary.columnCandidates("Zielzeilen").first?.concept == .targetRows)
        // A phrase outranks the built-in key words; an ignored header matches nothing.
        #expect(vocabulary.columnCandidates("Shard Progress").first?.concept == .message)
        #expect(vocabulary.columnCandidates("Remarks").isEmpty)
        #expect(vocabulary.columnCandidates("Source Rows").first?.concept == .sourceRows)
        #expect(vocabulary.metadataName("区域") == "region")
        #expect(vocabulary.sectionHints(for: "Abweichungen 2").contains(.valueDifferences))
        #expect(vocabulary.values.status(text: "ok", objects: false) == .consistent)
        #expect(vocabulary.values.status(text: "Abweichung", objects: false) == .inconsistent)
        #expect(vocabulary.values.differenceKind("Nur Quelle") == .onlyInSource)
        #expect(vocabulary.values.operation("ins") == .insert)
        #expect(vocabulary.values.repairState("KO") == .failed)
        #expect(vocabulary.values.objectType("Sequenz") == .known("SEQUENCE"))
        #expect(vocabulary.files == ["test.json"])
    }

    /// Issue 7: a hand-written vocabulary whose phrases differ only by a side in brackets used to
    /// collide ("Amount (src)" and "Amount (tgt)" were one phrase, the brackets dropped as a unit).
    @Test func phrasesThatDifferOnlyByABracketedSideStayApart() throws {
        let vocabulary = try vocabulary("""
            {"columns": {"source_count": ["Menge (src)"], "target_count": ["Menge (tgt)"],
                         "source_rows": ["Zeilen（源）"], "target_rows": ["Zeilen（目标）"], "message": ["Hinweis (s)"],
                         "object_type": ["Art"]},
             "ignore": ["Notiz (src)"]}
            """)
        #expect(vocabulary.columnCandidates("Menge (src)").first?.concept == .sourceCount)
        #expect(vocabulary.columnCandidates("MENGE（tgt）").first?.concept == .targetCount)
        #expect(vocabulary.columnCandidates("Menge (tgt)").first?.exactPhrase == true)
        #expect(vocabulary.columnCandidates("Zeilen (目标)").first?.concept == .targetRows)
        // A unit or a note in brackets still finds its phrase; a side in brackets does not, and two
        // phrases that differ only in brackets say nothing of the bare text.
        #expect(vocabulary.columnCandidates("Hinweis").first?.concept == .message)
        #expect(vocabulary.columnCandidates("Art (Text)").first?.concept == .objectType)
        #expect(vocabulary.columnCandidates("Art (src)").first?.exactPhrase != true)
        #expect(vocabulary.columnCandidates("Menge").first?.exactPhrase != true)
        #expect(vocabulary.isIgnored("Notiz (src)") && !vocabulary.isIgnored("Notiz (tgt)"))

        let path = try FixtureWorkbook.write([.init(name: "Übersicht", rows: [
            ["Art", "Menge (src)", "Menge (tgt)", "Ergebnis"],
            ["TABLE", 12, 11, "Inconsistent"],
            ["VIEW", 3, 3, "Consistent"],
        ])])
        let section = try #require(try ReportWorkbook(path: path, vocabulary: vocabulary).report.sections.first)
        #expect(section.kind == .objectSummary)
        #expect(section.columns.map { $0.concept?.rawValue ?? "-" } == ["object_type", "source_count", "target_count", "status"])
    }

    /// A suggested phrase outranks every reading when confirmed: it must never name a concept
    /// another column of the sheet holds, or one the sheet's kind does not have.
    @Test func suggestionsNeverTakeAnotherColumnsConcept() throws {
        let path = try FixtureWorkbook.write([.init(name: "Repair SQL", rows: [
            ["Database", "Table", "Operation", "Repair SQL", "SQL State", "Change Request"],
            ["shop", "orders", "UPDATE", "UPDATE `shop`.`orders` SET a = 1 WHERE id = 1;", "SUCCESS", "CR-1"],
            ["shop", "refunds", "DELETE", "DELETE FROM `shop`.`refunds` WHERE id = 2;", "FAILED", "CR-2"],
        ])])
        let report = try ReportWorkbook(path: path).report
        let section = try #require(report.sections.first)
        let unmatched = try #require(section.columns.first { $0.header == "Change Request" })
        #expect(unmatched.concept == nil)
        guard case .object(let members) = VocabularySuggestion.document(for: report),
              case .object(let columns)? = members.first(where: { $0.0 == "columns" })?.1 else {
            Issue.record("no columns in the suggestion")
            return
        }
        let taken = Set(section.columns.compactMap { $0.concept?.rawValue })
        let expected = Set(SectionClassifier.profile(of: section.kind)!.weights.keys.map(\.rawValue))
        for (concept, headers) in columns {
            #expect(!taken.contains(concept) && expected.contains(concept), "\(concept): \(headers)")
        }
    }

    @Test func aVocabularyFileMakesAnUnknownLayoutReadable() throws {
        let path = try FixtureWorkbook.write([.init(name: "Ergebnis", rows: [
            ["Tabelle", "Quellzeilen", "Zielzeilen", "Ergebnis"],
            ["t1", 10, 12, "Abweichung"],
        ])])
        #expect(try ReportWorkbook(path: path).report.sections.map(\.kind) == [.unknown])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vocabulary-\(UUID().uuidString).json")
        try Data("""
            {"columns": {"source_table": ["Tabelle"], "source_rows": ["Quellzeilen"], "target_rows": ["Zielzeilen"], "status": ["Ergebnis"]},
             "values": {"status": {"inconsistent": ["Abweichung"]}}}
            """.utf8).write(to: file)
        let report = try ReportWorkbook(path: path, vocabulary: Vocabulary(contentsOfFile: file.path))
        #expect(report.report.sections.map(\.kind) == [.tableRowCounts])
        #expect(try report.summary().verdict == .inconsistent)
    }

    @Test(arguments: [
        ("[1]", "expected a JSON object"),
        ("{\"colums\": {}}", "unknown key \"colums\""),
        ("{\"columns\": {\"rows\": [\"x\"]}}", "unknown column concept \"rows\""),
        ("{\"columns\": {\"source_rows\": [1]}}", "expected phrases"),
        ("{\"columns\": {\"source_rows\": [{\"any\": [\"x\"]}]}}", "a pattern has all, optional and none"),
        ("{\"values\": {\"status\": {\"fine\": [\"OK\"]}}}", "unknown name \"fine\""),
        ("{\"sections\": {\"unknown\": [\"x\"]}}", "unknown section kind"),
        ("{\"schema\": \"v2\"}", "\"schema\" must be"),
        ("{\"columns\": ", "not valid JSON: line 1"),
    ])
    func mistakesAreExplained(_ json: String, _ message: String) {
        do {
            _ = try vocabulary(json)
            Issue.record("accepted \(json)")
        } catch let error as VocabularyError {
            #expect(error.description.contains(message), "\(error)")
            #expect(error.description.hasPrefix("vocabulary file test.json: "))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aMissingFileIsAVocabularyError() {
        #expect(throws: VocabularyError.self) { try Vocabulary(contentsOfFile: "/nonexistent/vocabulary.json") }
    }

    @Test func theDocumentedExampleLoads() throws {
        let path = Repository.path("docs/vocabulary.example.json")
        let vocabulary = try Vocabulary(contentsOfFile: path)
        #expect(vocabulary.files == [path])
    }
}
