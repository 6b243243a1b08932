import Testing
import XLSXFixtures
@testable import XLSXReader

@Suite struct StreamingTests {
    /// 4,000 wide rows make a sheet of several inflate chunks; rows straddle chunk boundaries.
    @Test func rowsAcrossChunkBoundaries() throws {
        let cells = (0..<12).map { "<c t=\"inlineStr\"><is><t>cell \($0) padding padding padding</t></is></c>" }.joined()
        let rows = (1...4000).map { "<row r=\"\($0)\"><c><v>\($0)</v></c>\(cells)</row>" }.joined()
        let texts = try readTexts(.sheetData(rows))
        #expect(texts.count == 4000)
        #expect(texts.allSatisfy { $0.count == 13 })
        #expect(texts.enumerated().allSatisfy { index, row in row[0] == String(index + 1) && row[12] == "cell 11 padding padding padding" })
    }

    @Test func errorsInsideTheRowCallbackPropagateAndStopTheInflater() throws {
        struct Stop: Error {}
        let rows = (1...20_000).map { "<row r=\"\($0)\"><c><v>\($0)</v></c></row>" }.joined()
        try withWorkbook(WorkbookFixture.sheetData(rows).zip().bytes()) { workbook in
            var seen = 0
            #expect(throws: Stop.self) {
                try workbook.forEachRow(in: workbook.sheets[0]) { _ in
                    seen += 1
                    if seen == 10 { throw Stop() }
                }
            }
            #expect(seen == 10)
            // The workbook stays usable after an abandoned read.
            var count = 0
            try workbook.forEachRow(in: workbook.sheets[0]) { _ in count += 1 }
            #expect(count == 20_000)
        }
    }

    @Test func damageFoundByTheInflaterSurfacesInTheParser() throws {
        let rows = (1...20_000).map { "<row r=\"\($0)\"><c><v>\($0)</v></c></row>" }.joined()
        var zip = ZipWriter()
        for var entry in WorkbookFixture.sheetData(rows).zip().entries {
            if entry.name.contains("sheet1") { entry.crcOverride = 1 }
            zip.add(entry)
        }
        #expect(failureKind(zip.bytes()) == .checksumMismatch)
    }

    @Test func abandonedReaderEndsItsThread() throws {
        let rows = (1...50_000).map { "<row r=\"\($0)\"><c><v>\($0)</v></c></row>" }.joined()
        try withWorkbook(WorkbookFixture.sheetData(rows).zip().bytes()) { workbook in
            for _ in 0..<20 {
                let reader = try workbook.rows(in: workbook.sheets[0])
                #expect(try reader.next()?.index == 0)
                // Dropped here while its producer waits on a full queue.
            }
            let reader = try workbook.rows(in: workbook.sheets[0])
            var count = 0
            while try reader.next() != nil { count += 1 }
            #expect(count == 50_000)
        }
    }

    /// Every way a read can end (finished, abandoned after one row as recognition does, stopped by
    /// the caller's error, failed on damaged XML, head only) must end its threads: a thread still
    /// running or waiting for a consumer that is gone holds the workbook, so it would outlive it.
    @Test func noReadLeavesAThreadBehind() throws {
        let rows = (1...50_000).map { "<row r=\"\($0)\"><c><v>\($0)</v></c></row>" }.joined()
        var fixture = WorkbookFixture.sheetData(rows)
        fixture.sheets.append(("Broken", "<worksheet><sheetData>" + rows + "<row><c></row></sheetData></worksheet>"))
        let file = TemporaryFile(fixture.zip().bytes())
        defer { file.remove() }
        weak var released: Workbook?
        do {
            struct Stop: Error {}
            let workbook = try Workbook(path: file.path)
            released = workbook
            let abandoned = try workbook.rows(in: workbook.sheets[0])
            #expect(try abandoned.next()?.index == 0)
            let finished = try workbook.rows(in: workbook.sheets[0])
            while try finished.next() != nil {}
            let failed = try workbook.rows(in: workbook.sheets[1])
            #expect(throws: XLSXError.self) { while try failed.next() != nil {} }
            #expect(throws: Stop.self) { try workbook.forEachRow(in: workbook.sheets[0]) { _ in throw Stop() } }
            #expect(throws: XLSXError.self) { try workbook.forEachRow(in: workbook.sheets[1]) { _ in } }
            #expect(try workbook.declaredDimension(of: workbook.sheets[0]) == nil)
        }
        #expect(released == nil, "a reading thread outlived its reader")
    }

    /// The inflater thread stops when its stream is dropped while the ring of chunks is full.
    @Test func abandonedInflaterEndsItsThread() throws {
        let rows = (1...100_000).map { "<row r=\"\($0)\"><c><v>\($0)</v></c></row>" }.joined()
        let file = TemporaryFile(WorkbookFixture.sheetData(rows).zip().bytes())
        defer { file.remove() }
        weak var released: ZipArchive?
        do {
            let archive = try ZipArchive(path: file.path, limits: ReaderLimits())
            released = archive
            let stream = try PrefetchingStream(archive.stream(try #require(archive.entry(named: "xl/worksheets/sheet1.xml"))))
            #expect(try stream.next()?.isEmpty == false)
        }
        #expect(released == nil, "the inflater thread outlived its stream")
    }

    @Test func readersOfTwoSheetsInterleave() throws {
        var fixture = WorkbookFixture()
        let main = WorkbookFixture.mainNamespace
        for name in ["A", "B"] {
            let rows = (1...5_000).map { "<row r=\"\($0)\"><c t=\"inlineStr\"><is><t>\(name)\($0)</t></is></c></row>" }.joined()
            fixture.sheets.append((name, "<worksheet xmlns=\"\(main)\"><sheetData>\(rows)</sheetData></worksheet>"))
        }
        try withWorkbook(fixture.zip().bytes()) { workbook in
            let first = try workbook.rows(in: workbook.sheets[0])
            let second = try workbook.rows(in: workbook.sheets[1])
            for index in 1...5_000 {
                #expect(try first.next()?.texts == ["A\(index)"])
                #expect(try second.next()?.texts == ["B\(index)"])
            }
            #expect(try first.next() == nil && second.next() == nil)
        }
    }
}
