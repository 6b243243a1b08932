import DRSFakeService
import Foundation
import Testing

@testable import DRSClient

/// The end-of-central-directory check that keeps a body cut short from being committed.
@Suite struct ZipEndCheckTests {
    func problem(_ bytes: Data) -> String? {
        ZipEndCheck.problem(size: Int64(bytes.count)) { offset, count in
            let start = Int(offset)
            return bytes.subdata(in: start..<min(start + count, bytes.count))
        }
    }

    @Test func aWholeWorkbookPasses() {
        #expect(problem(FakeWorkbook.objectComparison()) == nil)
    }

    @Test func everyCutIsNoticed() {
        let workbook = FakeWorkbook.objectComparison()
        for length in stride(from: 0, to: workbook.count, by: 7) {
            #expect(problem(workbook.prefix(length)) != nil, "cut at \(length) of \(workbook.count)")
        }
        #expect(problem(workbook.dropLast()) != nil)
    }

    @Test func aCommentAfterTheEndRecordIsAllowed() {
        var workbook = FakeWorkbook.objectComparison()
        let comment = Data("made by a test".utf8)
        workbook[workbook.count - 2] = UInt8(comment.count)
        workbook.append(comment)
        #expect(problem(workbook) == nil)
    }

    @Test func anEndRecordPointingElsewhereIsNoticed() {
        var workbook = FakeWorkbook.objectComparison()
        // The central directory's offset, moved by one byte.
        workbook[workbook.count - 6] &+= 1
        #expect(problem(workbook) != nil)
    }
}
