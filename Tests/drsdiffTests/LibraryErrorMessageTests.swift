import DRSReport
import Foundation
import TestPacing
import Testing

/// A library user and a CLI user read the same sentence: each error's `localizedDescription`, as
/// `import DRSReport` gives it, is what `drsdiff` prints after `drsdiff: error: `.
@Suite(.heavy) struct LibraryErrorMessageTests {
    private static func libraryError(_ body: () throws -> Void) throws -> any Error {
        do {
            try body()
        } catch {
            return error
        }
        throw LibraryAcceptedInput()
    }

    private struct LibraryAcceptedInput: Error {}

    @Test(arguments: ["/nonexistent/drsdiff/missing.xlsx", BinaryRunner.path("docs/library.md")])
    func anUnreadableReport(_ path: String) throws {
        let error = try Self.libraryError { _ = try ReportWorkbook(path: path) }
        #expect(error is XLSXError)
        let result = try BinaryRunner.run(["summary", path])
        #expect(result.stderr == "drsdiff: error: " + error.localizedDescription + "\n")
        #expect(result.status != 0)
    }

    @Test func reportsOfTwoCompareTypes() throws {
        let (old, new) = (BinaryRunner.path("samples/reports/lines_en-us.xlsx"), BinaryRunner.path("samples/reports/contents_en-us.xlsx"))
        let error = try Self.libraryError { _ = try ReportDiff(old: ReportWorkbook(path: old), new: ReportWorkbook(path: new)) }
        #expect(error is DiffError)
        let result = try BinaryRunner.run(["diff", old, new])
        #expect(result.stderr == "drsdiff: error: " + error.localizedDescription + "\n")
        #expect(result.status != 0)
    }

    @Test func anUnusableVocabularyFile() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let vocabulary = directory + "/extra.json"
        try Data(#"{"schema": "drsdiff.vocabulary/v2"}"#.utf8).write(to: URL(fileURLWithPath: vocabulary))
        let error = try Self.libraryError { _ = try Vocabulary(contentsOfFile: vocabulary) }
        #expect(error is VocabularyError)
        let result = try BinaryRunner.run(["summary", "--vocabulary", vocabulary, BinaryRunner.path("samples/reports/lines_en-us.xlsx")])
        #expect(result.stderr == "drsdiff: error: " + error.localizedDescription + "\n")
        #expect(result.status != 0)
    }
}
