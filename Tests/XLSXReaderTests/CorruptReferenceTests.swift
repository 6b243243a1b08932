import Testing
@testable import XLSXReader

/// References that would lose or misplace data: an error naming the file, part and cell by
/// default (through both APIs alike), the reading described by `CorruptReference` when lenient.
@Suite struct CorruptReferenceTests {
    private let lenient = ReaderLimits(lenient: true)

    /// The strict error, checked for its kind, part and place.
    private func strictError(_ fixture: WorkbookFixture, at place: String) throws -> XLSXError {
        let error = try #require(failure(fixture.zip().bytes()))
        #expect(error.kind == .corruptReference, "\(error)")
        #expect(error.part == "xl/worksheets/sheet1.xml")
        #expect(error.location == place)
        #expect(error.file != nil)
        #expect(error.hint?.contains("--lenient") == true)
        return error
    }

    /// What a lenient read of the first sheet took past.
    private func lenientNotes(_ fixture: WorkbookFixture) throws -> SheetReadNotes {
        try withWorkbook(fixture.zip().bytes(), limits: lenient) { workbook in
            try workbook.forEachRow(in: workbook.sheets[0]) { _ in }
        }
    }

    @Test func sharedStringPastTheTable() throws {
        let fixture = WorkbookFixture.sheetData(#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>7</v></c><c r="C1" t="s"><v>9</v></c></row>"#,
                                                sharedStrings: ["<t>x</t>"])
        let error = try strictError(fixture, at: "cell B1")
        #expect(error.message.contains("shared string 7") && error.message.contains("1 strings"), "\(error)")
        #expect(try readTexts(fixture, limits: lenient) == [["x"]])
        let notes = try lenientNotes(fixture)
        #expect(notes.count(of: .sharedString) == 2)
        #expect(notes.firstPlace(of: .sharedString) == "cell B1")
        #expect(notes.sentences == ["2 cells refer past the end of the shared-string table and were read as empty (the first: cell B1)"])
    }

    @Test func sharedStringReferenceThatIsNoIndex() throws {
        let fixture = WorkbookFixture.sheetData(#"<row r="1"><c r="A1" t="s"><v>zero</v></c><c r="B1" t="s"><v>0</v></c></row>"#, sharedStrings: ["<t>x</t>"])
        let error = try strictError(fixture, at: "cell A1")
        #expect(error.message.contains("\"zero\" is not an index"), "\(error)")
        #expect(try readTexts(fixture, limits: lenient) == [["", "x"]])
    }

    @Test func sharedStringsWithoutATable() throws {
        _ = try strictError(.sheetData(#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#), at: "cell A1")
    }

    @Test func emptySharedStringReferenceIsAnEmptyCell() throws {
        #expect(try readTexts(.sheetData(#"<row r="1"><c r="A1" t="s"><v/></c><c r="B1" t="s"><v> </v></c><c r="C1"><v>1</v></c></row>"#)) == [["", "", "1"]])
    }

    @Test func stylePastTheTable() throws {
        // Style 0 is a date format: a cell read leniently must not borrow it.
        let fixture = WorkbookFixture.sheetData(#"<row r="1"><c r="A1" s="0"><v>44197</v></c><c r="B1" s="3"><v>44197</v></c></row>"#,
                                                styles: styles([(14, nil)]))
        let error = try strictError(fixture, at: "cell B1")
        #expect(error.message.contains("style 3") && error.message.contains("1 entries"), "\(error)")
        #expect(try readTexts(fixture, limits: lenient) == [["2021-01-01", "44197"]])
        #expect(try lenientNotes(fixture).count(of: .style) == 1)
    }

    @Test func styleThatIsNoIndex() throws {
        let fixture = WorkbookFixture.sheetData(#"<row r="1"><c r="A1" s="x"><v>44197</v></c></row>"#, styles: styles([(14, nil)]))
        #expect(try strictError(fixture, at: "cell A1").message.contains("\"x\" is not an index"))
        #expect(try readTexts(fixture, limits: lenient) == [["44197"]])
    }

    @Test func defaultStyleNeedsNoTable() throws {
        #expect(try readTexts(.sheetData(#"<row r="1"><c r="A1" s="0"><v>1</v></c><c r="B1" s=""><v>2</v></c></row>"#)) == [["1", "2"]])
        _ = try strictError(.sheetData(#"<row r="1"><c r="A1" s="1"><v>1</v></c></row>"#), at: "cell A1")
    }

    @Test func cellGivenTwice() throws {
        let fixture = WorkbookFixture.sheetData(#"<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c><c r="B1"><v>3</v></c></row>"#)
        #expect(try strictError(fixture, at: "cell B1").message.contains("appears twice in row 1"))
        #expect(try readTexts(fixture, limits: lenient) == [["2", "3"]])
        #expect(try lenientNotes(fixture).count(of: .duplicateCell) == 1)
    }

    @Test func rowsOutOfOrder() throws {
        let fixture = WorkbookFixture.sheetData(#"<row r="5"><c><v>1</v></c></row><row r="3"><c><v>2</v></c></row><row r="4"><c><v>3</v></c></row>"#)
        #expect(try strictError(fixture, at: "row 3").message.contains("row 3 comes after row 5"))
        let indices = try withWorkbook(fixture.zip().bytes(), limits: lenient) { workbook in
            var indices: [Int] = []
            let reader = try workbook.rows(in: workbook.sheets[0])
            while let row = try reader.next() { indices.append(row.index) }
            #expect(reader.notes.count(of: .rowOrder) == 2)
            #expect(reader.notes.firstPlace(of: .rowOrder) == "row 3")
            return indices
        }
        #expect(indices == [4, 2, 3])
    }

    /// A cell naming an earlier row than its own is the same loss: it would go out of place.
    @Test func cellReferenceBackIntoAnEarlierRow() throws {
        _ = try strictError(.sheetData(#"<row r="2"><c r="A2"><v>1</v></c><c r="A1"><v>2</v></c></row>"#), at: "row 1")
    }

    @Test func emptyRowsDoNotCount() throws {
        #expect(try readTexts(.sheetData(#"<row r="5"/><row r="3"><c><v>1</v></c></row><row r="3"/>"#)) == [[], [], ["1"]])
    }

    /// Recognition reads a sheet's first rows, then the whole sheet: each reference is counted once.
    @Test func theWorkbookKeepsTheMostAnyReadMet() throws {
        let rows = (1...3_000).map { #"<row r="\#($0)"><c t="s"><v>\#($0 % 2 == 0 ? 99 : 0)</v></c></row>"# }.joined()
        try withWorkbook(WorkbookFixture.sheetData(rows, sharedStrings: ["<t>x</t>"]).zip().bytes(), limits: lenient) { workbook in
            let partial = try workbook.rows(in: workbook.sheets[0])
            for _ in 0..<10 { _ = try partial.next() }
            let whole = try workbook.forEachRow(in: workbook.sheets[0]) { _ in }
            #expect(whole.count(of: .sharedString) == 1_500)
            let again = try workbook.rows(in: workbook.sheets[0])
            while try again.next() != nil {}
            #expect(again.notes == whole)
            #expect(workbook.readNotes == [0: whole])
        }
    }

    /// `sheets` shows the declared dimension: reading a sheet's head never looks at its cells.
    @Test func theHeadIsReadWithoutTheCells() throws {
        var fixture = WorkbookFixture()
        fixture.sheets = [("S", "<worksheet><dimension ref=\"A1:B1\"/><sheetData><row r=\"1\"><c t=\"s\"><v>3</v></c></row></sheetData></worksheet>")]
        let dimension = try withWorkbook(fixture.zip().bytes()) { workbook in try workbook.declaredDimension(of: workbook.sheets[0]) }
        #expect(dimension == "A1:B1")
    }

    @Test func strictReadsLeaveNoNotes() throws {
        try withWorkbook(WorkbookFixture.sheetData(#"<row r="1"><c t="s"><v>4</v></c></row>"#).zip().bytes()) { workbook in
            #expect(throws: XLSXError.self) { try workbook.forEachRow(in: workbook.sheets[0]) { _ in } }
            #expect(workbook.readNotes.isEmpty)
        }
    }
}
