import Foundation
import Testing
@testable import XLSXReader

/// `Workbook.onProgress`: one report per chunk of sheet XML handed to the parser, through both
/// read paths, ending at the part's whole size.
@Suite struct ProgressTests {
    private static let rows = (1...30_000).map { "<row r=\"\($0)\"><c t=\"inlineStr\"><is><t>row \($0) of a sheet several chunks long</t></is></c></row>" }.joined()

    @Test func reportsGrowOncePerChunkAndEndAtTheWholePart() throws {
        try withWorkbook(WorkbookFixture.sheetData(ProgressTests.rows).zip().bytes()) { workbook in
            let reports = Reports()
            workbook.onProgress = { progress in reports.add(progress) }
            var count = 0
            try workbook.forEachRow(in: workbook.sheets[0]) { _ in count += 1 }
            let viaView = reports.taken()
            let reader = try workbook.rows(in: workbook.sheets[0])
            while try reader.next() != nil {}
            let viaReader = reports.taken()

            for seen in [viaView, viaReader] {
                let total = seen.first?.totalBytes ?? 0
                #expect(total > 1 << 20)
                // One report per 256 KiB chunk, not per row.
                #expect(seen.count == Int((total + (1 << 18) - 1) >> 18))
                #expect(seen.allSatisfy { $0.sheet == workbook.sheets[0] && $0.totalBytes == total })
                #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.bytesRead < $1.bytesRead && $0.rows <= $1.rows })
                #expect(seen.last?.bytesRead == total)
                #expect((seen.last?.rows ?? 0) > count / 2 && (seen.last?.rows ?? 0) < count)
            }
            #expect(count == 30_000)
        }
    }

    @Test func nothingIsReportedWithoutAHandler() throws {
        // The handler is taken when a read starts: one set afterwards sees nothing of that read.
        try withWorkbook(WorkbookFixture.sheetData(ProgressTests.rows).zip().bytes()) { workbook in
            let reports = Reports()
            let reader = try workbook.rows(in: workbook.sheets[0])
            workbook.onProgress = { progress in reports.add(progress) }
            while try reader.next() != nil {}
            #expect(reports.taken().isEmpty)
        }
    }
}

/// Reports collected from the parsing thread.
private final class Reports: @unchecked Sendable {
    // @unchecked: `seen` is only touched under `lock`.
    private let lock = NSLock()
    private var seen: [SheetProgress] = []

    func add(_ progress: SheetProgress) { lock.withLock { seen.append(progress) } }

    /// The reports so far, leaving none.
    func taken() -> [SheetProgress] {
        lock.withLock {
            defer { seen.removeAll() }
            return seen
        }
    }
}
