import Testing
@testable import XLSXReader

/// One test per row of the cell-value rules (xlsx-reading.md and the conformance README).
@Suite struct CellValueTests {
    @Test func sharedStringByIndex() throws {
        let rows = try readTexts(.sheetData(#"<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v/></c></row>"#,
                                            sharedStrings: ["<t>zero</t>", "<t>one</t>"]))
        #expect(rows == [["one"]])
    }

    @Test func sharedStringIndexOutOfRangeIsEmptyAndCounted() throws {
        try withWorkbook(WorkbookFixture.sheetData(#"<row r="1"><c r="A1" t="s"><v>7</v></c><c r="B1" t="s"><v>0</v></c></row>"#,
                                                   sharedStrings: ["<t>x</t>"]).zip().bytes()) { workbook in
            let reader = try workbook.rows(in: workbook.sheets[0])
            let row = try #require(try reader.next())
            #expect(row.texts == ["", "x"])
            // Known once the last row was read (the count arrives with the end of the sheet).
            #expect(try reader.next() == nil)
            #expect(reader.missingSharedStrings == 1)
        }
    }

    @Test func inlineStringWithRunsAndStrayValue() throws {
        let rows = try readTexts(.sheetData(#"<row r="1"><c r="A1" t="inlineStr"><v>ignored</v><is><r><t xml:space="preserve">Regular </t></r><r><rPr><b/></rPr><t>Bold</t></r></is></c><c r="B1" t="inlineStr"/></row>"#))
        #expect(rows == [["Regular Bold"]])
    }

    @Test func formulaStringIsDecodedButNotTrimmed() throws {
        let value = try firstValue(.sheetData(#"<row r="1"><c r="A1" t="str"><f>A2</f><v>  a_x000D_b  </v></c></row>"#))
        #expect(value == .text("  a\rb  "))
    }

    @Test func booleans() throws {
        let rows = try readTexts(.sheetData(#"<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="b"><v/></c></row>"#))
        #expect(rows == [["TRUE", "FALSE"]])
    }

    @Test func errorsKeepTheirText() throws {
        let value = try firstValue(.sheetData(#"<row r="1"><c r="A1" t="e"><v>#N/A</v></c></row>"#))
        #expect(value == .error("#N/A"))
    }

    @Test func isoDateCells() throws {
        let rows = try readTexts(.sheetData(#"<row r="1"><c r="A1" t="d"><v>2021-03-04T05:06:07.250</v></c><c r="B1" t="d"><v>2021-03-04</v></c><c r="C1" t="d"><v>05:06:07</v></c></row>"#))
        #expect(rows == [["2021-03-04 05:06:07.250", "2021-03-04", "05:06:07"]])
    }

    @Test(arguments: [
        ("929.0", "929"), ("4.339028215E9", "4339028215"), ("0.1", "0.1"), ("0.30000000000000004", "0.30000000000000004"),
        ("5E-05", "5e-05"), ("0.00005", "5e-05"), ("0.0001", "0.0001"), ("-0", "0"), ("-0.0", "0"), ("1e20", "1e+20"),
        ("9007199254740994", "9007199254740994.0"), ("489290024005183000", "4.89290024005183e+17"), ("12345678901234567890", "1.2345678901234567e+19"),
        ("007", "7"), (" 42 ", "42"), ("-12.50", "-12.5"), ("123456789012345", "123456789012345"),
    ])
    func numbersAreShortestRoundTrip(source: String, expected: String) throws {
        let rows = try readTexts(.sheetData("<row r=\"1\"><c r=\"A1\"><v>\(source)</v></c></row>"))
        #expect(rows == [[expected]])
    }

    @Test func emptyValueIsEmptyCell() throws {
        let rows = try readTexts(.sheetData(#"<row r="1"><c r="A1"><v></v></c><c r="B1" s="0"/><c r="C1"><v>1</v></c></row>"#))
        #expect(rows == [["", "", "1"]])
    }

    @Test func nonNumericValueIsKeptAsText() throws {
        let value = try firstValue(.sheetData(#"<row r="1"><c r="A1"><v>N/A</v></c></row>"#))
        #expect(value == .text("N/A"))
    }

    @Test func whitespaceIsTrimmedOnTheJoinedString() throws {
        let rows = try readTexts(.sheetData(
            #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>"#,
            sharedStrings: [
                "<t>  trimmed  </t>",
                #"<t xml:space="preserve">  kept  </t>"#,
                #"<r><t xml:space="preserve"> lead</t></r><r><t>trail </t></r>"#,
                "<t> \t\n</t>",
            ]))
        #expect(rows == [["trimmed", "  kept  ", " leadtrail"]])
    }

    @Test func phoneticRunsAreSkipped() throws {
        let rows = try readTexts(.sheetData(#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#,
                                            sharedStrings: [#"<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>"#]))
        #expect(rows == [["東京"]])
    }

    @Test func escapesAreDecodedAfterTrimming() throws {
        let rows = try readTexts(.sheetData(#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>"#,
                                            sharedStrings: ["<t>ABC_x000D_&#10;DEF</t>", "<t>_x005F_x000D_</t>", "<t>_x0020_x_x0020_</t>"]))
        #expect(rows == [["ABC\r\nDEF", "_x000D_", " x "]])
    }

    @Test func cdataAndCharacterReferences() throws {
        let rows = try readTexts(.sheetData(#"<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b]]>&amp;&#x4E2D;</t></is></c></row>"#))
        #expect(rows == [["a<b&中"]])
    }

    @Test func rowsAndCellsWithoutReferences() throws {
        let rows = try readTexts(.sheetData(#"<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>"#))
        #expect(rows == [["1", "2"], ["", "", "3", "4"], ["5"]])
    }

    @Test func sparseRowsKeepTheirPositions() throws {
        try withWorkbook(WorkbookFixture.sheetData(#"<row r="2"><c r="B2"><v>1</v></c></row><row r="5"><c r="A5"><v>2</v></c></row>"#).zip().bytes()) { workbook in
            let reader = try workbook.rows(in: workbook.sheets[0])
            let first = try #require(try reader.next())
            let second = try #require(try reader.next())
            #expect(first.index == 1 && first.cells.map(\.column) == [1])
            #expect(second.index == 4 && second[0] == .number(2))
            #expect(try reader.next() == nil)
        }
    }

    @Test func cellReferenceWinsOverRowReference() throws {
        let rows = try readTexts(.sheetData(#"<row r="1"><c r="A1"><v>1</v></c><c r="B3"><v>2</v></c></row>"#))
        #expect(rows == [["1"], [], ["", "2"]])
    }

    @Test func duplicateReferencesLetTheLaterCellWin() throws {
        let rows = try readTexts(.sheetData(#"<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c><c r="B1"><v>3</v></c></row>"#))
        #expect(rows == [["2", "3"]])
    }

    @Test func strictNamespaceAndAnyPrefix() throws {
        var fixture = WorkbookFixture()
        fixture.sheets = [("S", #"<x:worksheet xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>strict</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>"#)]
        #expect(try readTexts(fixture) == [["strict"]])
    }

    @Test func dimensionIsNotTrusted() throws {
        var fixture = WorkbookFixture()
        fixture.sheets = [("S", "<worksheet xmlns=\"\(WorkbookFixture.mainNamespace)\"><dimension ref=\"A1:XFD1048576\"/><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>")]
        try withWorkbook(fixture.zip().bytes()) { workbook in
            #expect(try workbook.declaredDimension(of: workbook.sheets[0]) == "A1:XFD1048576")
            let reader = try workbook.rows(in: workbook.sheets[0])
            #expect(try reader.next()?.texts == ["1"])
        }
    }

    @Test func referencesBeyondTheGridAreRejected() {
        #expect(failureKind(WorkbookFixture.sheetData(#"<row r="1"><c r="XFE1"><v>1</v></c></row>"#).zip().bytes()) == .limitExceeded)
        #expect(failureKind(WorkbookFixture.sheetData(#"<row r="1048577"><c><v>1</v></c></row>"#).zip().bytes()) == .limitExceeded)
        #expect(failureKind(WorkbookFixture.sheetData(#"<row r="1"><c r="A99999999999"><v>1</v></c></row>"#).zip().bytes()) == .malformedXML)
    }
}

@Suite struct DateTests {
    private func texts(_ values: [String], formats: [(id: Int, code: String?)], date1904: Bool = false) throws -> [String] {
        let cells = values.enumerated().map { index, value in "<c r=\"\(CellReference.columnName(index))1\" s=\"\(index)\"><v>\(value)</v></c>" }.joined()
        return try readTexts(.sheetData("<row r=\"1\">\(cells)</row>", styles: styles(formats), date1904: date1904)).first ?? []
    }

    @Test func builtInFormats() throws {
        #expect(try texts(["44197", "44197.5", "0.75", "44197.25", "10.6320601851852", "1.5"],
                          formats: [(14, nil), (22, nil), (21, nil), (20, nil), (46, nil), (2, nil)])
                == ["2021-01-01", "2021-01-01 12:00:00", "18:00:00", "06:00:00", "255:10:10", "1.5"])
    }

    @Test func customFormatsByTokens() throws {
        #expect(try texts(["42950", "42950", "42950.6111", "0.5", "42950", "42950"],
                          formats: [(164, #"dd"-"mm"-"yyyy" "hh:mm:ss"#), (165, "yyyy/mm/dd;@"), (166, "[$-409]h:mm AM/PM"),
                                    (167, "[mm]:ss"), (168, #""Day "0.00"#), (169, #"0.00\d"#)])
                == ["2017-08-03 00:00:00", "2017-08-03", "14:39:59.040", "12:00:00", "42950", "42950"])
    }

    @Test func lotusLeapDayAndEarlySerials() throws {
        #expect(try texts(["1", "59", "60", "61", "0"], formats: Array(repeating: (14, nil), count: 5))
                == ["1900-01-01", "1900-02-28", "1900-02-28", "1900-03-01", "1899-12-31"])
    }

    @Test func epoch1904() throws {
        #expect(try texts(["0", "1462"], formats: [(14, nil), (14, nil)], date1904: true) == ["1904-01-01", "1908-01-02"])
    }

    @Test func millisecondsAreRoundedBeforeSplitting() throws {
        #expect(try texts(["44197.999999999", "44197.0000115741"], formats: [(22, nil), (22, nil)])
                == ["2021-01-02 00:00:00", "2021-01-01 00:00:01"])
    }

    @Test func outOfRangeSerialsStayNumbers() throws {
        #expect(try texts(["-1", "2958466"], formats: [(14, nil), (14, nil)]) == ["-1", "2958466"])
    }

    @Test func typedDateValue() throws {
        let value = try firstValue(.sheetData(#"<row r="1"><c r="A1" s="0"><v>44197.5</v></c></row>"#, styles: styles([(22, nil)])))
        #expect(value == .dateTime(ExcelDateTime(kind: .dateTime, year: 2021, month: 1, day: 1, hour: 12)))
        if case .dateTime(let dateTime) = value { #expect(dateTime.iso8601 == "2021-01-01T12:00:00") }
    }
}
