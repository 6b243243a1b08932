import DRSReport
import Foundation
import Testing

/// The error story of docs/library.md: what each entry point throws, reachable from
/// `import DRSReport` alone, and each error's `localizedDescription` its own sentence (the CLI's
/// message; drsdiffTests' LibraryErrorMessageTests compares the two), not Foundation's
/// "The operation could not be completed".
struct LibraryErrorTests {
    static let missing = "/nonexistent/drsdiff/missing.xlsx"
    /// A file that is not a ZIP archive.
    static let notAWorkbook = Repository.path("docs/library.md")

    @Test func openingAReportThrowsXLSXErrors() {
        for (path, kind) in [(Self.missing, XLSXError.Kind.fileNotReadable), (Self.notAWorkbook, .notAZip)] {
            do {
                _ = try ReportWorkbook(path: path)
                Issue.record("opened \(path)")
            } catch let error as XLSXError {
                #expect(error.kind == kind)
                #expect(error.file == path)
                #expect(error.localizedDescription == error.description)
                #expect(error.localizedDescription.hasPrefix(path + ": "))
                #expect((error as any Error).localizedDescription == error.description)
            } catch {
                Issue.record("not an XLSXError: \(error)")
            }
        }
    }

    @Test func openingAnyWorkbookThrowsXLSXErrors() {
        #expect(throws: XLSXError.self) { try Workbook(path: Self.missing) }
        #expect(throws: XLSXError.self) { try Workbook(path: Self.notAWorkbook, limits: ReaderLimits()) }
    }

    @Test func diffingReportsOfTwoCompareTypesThrowsADiffError() throws {
        let lines = try ReportWorkbook(path: Repository.reportSample("lines_en-us"))
        let contents = try ReportWorkbook(path: Repository.reportSample("contents_en-us"))
        do {
            _ = try ReportDiff(old: lines, new: contents)
            Issue.record("diffed lines against contents")
        } catch let error as DiffError {
            #expect(error.isUsageError)
            #expect(error.localizedDescription == error.description)
            #expect(error.localizedDescription == "cannot diff OLD lines_en-us.xlsx (lines) with NEW contents_en-us.xlsx (contents): both must be of the same compare type")
        } catch {
            Issue.record("not a DiffError: \(error)")
        }
    }

    @Test func loadingAVocabularyThrowsVocabularyErrors() {
        let cases: [(String, () throws -> Void)] = [
            ("vocabulary file /nonexistent/vocabulary.json: cannot open: No such file or directory",
             { _ = try Vocabulary(contentsOfFile: "/nonexistent/vocabulary.json") }),
            (#"vocabulary file extra.json: "schema" must be "drsdiff.vocabulary/v1""#,
             { var vocabulary = Vocabulary.standard; try vocabulary.load(json: Array(#"{"schema": 1}"#.utf8), source: "extra.json") }),
        ]
        for (message, load) in cases {
            do {
                try load()
                Issue.record("loaded: \(message)")
            } catch let error as VocabularyError {
                #expect(error.localizedDescription == message)
                #expect(error.description == message)
            } catch {
                Issue.record("not a VocabularyError: \(error)")
            }
        }
    }
}
