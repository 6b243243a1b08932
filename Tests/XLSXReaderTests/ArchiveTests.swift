import Testing
import XLSXFixtures
@testable import XLSXReader

private let oneCell = WorkbookFixture.sheetData(#"<row r="1"><c r="A1" t="inlineStr"><is><t>ok</t></is></c></row>"#)

@Suite struct ArchiveTests {
    @Test func storedEntries() throws {
        var zip = ZipWriter()
        for entry in oneCell.zip().entries { zip.add(ZipWriter.Entry(name: entry.name, data: entry.data, deflate: false)) }
        #expect(failureKind(zip.bytes()) == nil)
        #expect(try withWorkbook(zip.bytes()) { try $0.rows(in: $0.sheets[0]).next()?.texts } == ["ok"])
    }

    @Test func dataDescriptors() throws {
        var zip = ZipWriter()
        for var entry in oneCell.zip().entries {
            entry.dataDescriptor = true
            zip.add(entry)
        }
        #expect(try withWorkbook(zip.bytes()) { try $0.rows(in: $0.sheets[0]).next()?.texts } == ["ok"])
    }

    @Test func zip64Records() throws {
        var zip = ZipWriter()
        for var entry in oneCell.zip().entries {
            entry.zip64 = true
            zip.add(entry)
        }
        #expect(try withWorkbook(zip.bytes()) { try $0.rows(in: $0.sheets[0]).next()?.texts } == ["ok"])
    }

    @Test func prependedDataIsSkipped() throws {
        var zip = oneCell.zip()
        zip.prefix = Array("#!/bin/sh self-extractor stub\n".utf8)
        #expect(try withWorkbook(zip.bytes()) { try $0.rows(in: $0.sheets[0]).next()?.texts } == ["ok"])
    }

    @Test func partNamesIgnoreCaseBackslashesAndMacJunk() throws {
        var zip = ZipWriter()
        zip.add("__MACOSX/xl/._workbook.xml", "junk that is not XML")
        for entry in oneCell.zip().entries {
            var renamed = entry
            if entry.name.hasPrefix("xl/worksheets") { renamed.name = "XL\\Worksheets\\Sheet1.XML" }
            zip.add(renamed)
        }
        #expect(try withWorkbook(zip.bytes()) { try $0.rows(in: $0.sheets[0]).next()?.texts } == ["ok"])
    }

    @Test func workbookOutsideXLFolder() throws {
        var fixture = oneCell
        fixture.workbookFolder = ""
        #expect(try withWorkbook(fixture.zip().bytes()) { try $0.rows(in: $0.sheets[0]).next()?.texts } == ["ok"])
    }

    @Test func crcMismatchIsNamed() throws {
        var zip = ZipWriter()
        for var entry in oneCell.zip().entries {
            if entry.name.contains("sheet1") { entry.crcOverride = 0xDEAD_BEEF }
            zip.add(entry)
        }
        let error = failure(zip.bytes())
        #expect(error?.kind == .checksumMismatch)
        #expect(error?.part == "xl/worksheets/sheet1.xml")
    }

    @Test func entryLargerThanDeclaredIsCorrupt() {
        var zip = ZipWriter()
        for var entry in oneCell.zip().entries {
            if entry.name.contains("sheet1") { entry.declaredSizeOverride = 10 }
            zip.add(entry)
        }
        #expect(failureKind(zip.bytes()) == .corruptArchive)
    }

    /// Every prefix of a valid file must end in a named error, never a crash or a silent success.
    @Test func truncationAtEveryOffsetFailsCleanly() {
        let bytes = oneCell.zip().bytes()
        for length in stride(from: 0, to: bytes.count, by: 7) {
            let kind = failureKind(Array(bytes[0..<length]))
            #expect(kind != nil, "prefix of \(length) bytes read without error")
        }
    }

    @Test func damagedDeflateDataFailsCleanly() throws {
        var bytes = oneCell.zip().bytes()
        // Flip bytes inside the sheet's deflated payload, right after its local header's name.
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        let nameStart = try #require(bytes.firstRange(of: name)).lowerBound
        for index in (nameStart + name.count + 4)..<(nameStart + name.count + 40) { bytes[index] ^= 0x5A }
        let kind = failureKind(bytes)
        #expect(kind == .corruptArchive || kind == .checksumMismatch || kind == .malformedXML)
    }

    @Test func tooManyEntries() {
        var limits = ReaderLimits()
        limits.maxEntries = 3
        #expect(failureKind(oneCell.zip().bytes(), limits: limits) == .limitExceeded)
    }
}

@Suite struct NotAWorkbookTests {
    @Test func encryptedWorkbook() throws {
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        bytes += "EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let error = try #require(failure(bytes))
        #expect(error.kind == .encryptedOrLegacy)
        #expect(error.message.contains("encrypted"))
    }

    @Test func legacyXLS() throws {
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        bytes += "Workbook".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let error = try #require(failure(bytes))
        #expect(error.kind == .encryptedOrLegacy && error.message.contains(".xls"))
    }

    @Test func htmlRenamed() throws {
        let error = try #require(failure(Array("<html><body><table><tr><td>1</td></tr></table></body></html>".utf8)))
        #expect(error.kind == .notAZip && error.message.contains("HTML"))
    }

    @Test func csvRenamed() throws {
        let error = try #require(failure(Array("id,name\n1,a\n".utf8)))
        #expect(error.kind == .notAZip && error.message.contains("CSV"))
    }

    @Test func emptyFile() {
        #expect(failureKind([]) == .notAZip)
    }

    @Test func binaryWorkbook() {
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", "<Types/>")
        zip.add("_rels/.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>"#)
        zip.add("xl/workbook.bin", "binary")
        #expect(failureKind(zip.bytes()) == .xlsb)
    }

    @Test func zipWithoutWorkbook() {
        var zip = ZipWriter()
        zip.add("readme.txt", "hello")
        #expect(failureKind(zip.bytes()) == .missingPart)
    }

    @Test func missingFile() {
        #expect(throws: XLSXError.self) { try Workbook(path: "/nonexistent/book.xlsx") }
    }

    @Test func unknownSheetListsTheSheets() throws {
        try withWorkbook(oneCell.zip().bytes()) { workbook in
            let error = #expect(throws: XLSXError.self) { try workbook.sheet(named: "Nope") }
            #expect(error?.kind == .unknownSheet)
            #expect(error?.message.contains("\"Sheet1\"") == true)
        }
    }
}

/// Hostile payloads end in their named error, quickly and in little memory.
@Suite struct HostileInputTests {
    @Test func billionLaughs() throws {
        let xml = """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>\
            <worksheet xmlns="\(WorkbookFixture.mainNamespace)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol4;</t></is></c></row></sheetData></worksheet>
            """
        var fixture = WorkbookFixture()
        fixture.sheets = [("S", xml)]
        let error = try #require(failure(fixture.zip().bytes()))
        #expect(error.kind == .unsafeXML)
        #expect(error.part == "xl/worksheets/sheet1.xml")
    }

    @Test func externalEntity() {
        let xml = #"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t></si></sst>"#
        var fixture = oneCell
        fixture.sharedStrings = xml
        #expect(failureKind(fixture.zip().bytes()) == .unsafeXML)
    }

    @Test func externalDTD() {
        var fixture = WorkbookFixture()
        fixture.sheets = [("S", #"<?xml version="1.0"?><!DOCTYPE worksheet SYSTEM "http://127.0.0.1:1/evil.dtd"><worksheet><sheetData/></worksheet>"#)]
        #expect(failureKind(fixture.zip().bytes()) == .unsafeXML)
    }

    @Test func undefinedEntityIsMalformed() {
        var fixture = WorkbookFixture()
        fixture.sheets = [("S", #"<worksheet><sheetData><row><c t="inlineStr"><is><t>&nope;</t></is></c></row></sheetData></worksheet>"#)]
        #expect(failureKind(fixture.zip().bytes()) == .malformedXML)
    }

    @Test func malformedXMLNamesPartAndLine() throws {
        var fixture = WorkbookFixture()
        fixture.sheets = [("S", "<worksheet>\n<sheetData>\n<row><c></row>\n</sheetData></worksheet>")]
        let error = failure(fixture.zip().bytes())
        #expect(error?.kind == .malformedXML)
        #expect(error?.part == "xl/worksheets/sheet1.xml")
        // libxml2 reports the mismatch where it notices it: the closing tag on line 3 or the next one.
        #expect(error?.location == "line 3" || error?.location == "line 4")
        #expect(error?.message.contains("tag mismatch") == true, "\(String(describing: error))")
    }

    /// 256 MiB of whitespace inside <sheetData>: valid XML, so only the ratio limit stops it.
    @Test func zipBombByRatio() throws {
        var zip = oneCell.zip()
        let bomb = [UInt8](repeating: 0x20, count: 256 << 20)
        zip.entries[zip.entries.firstIndex { $0.name.hasSuffix("sheet1.xml") }!] = ZipWriter.Entry(name: "xl/worksheets/sheet1.xml", data: Array("<worksheet><sheetData>".utf8) + bomb + Array("</sheetData></worksheet>".utf8))
        let error = failure(zip.bytes())
        #expect(error?.kind == .limitExceeded)
        #expect(error?.hint?.contains("maxCompressionRatio") == true)
    }

    /// The same bomb declaring a small size: the inflater stops at the declared size.
    @Test func zipBombUnderstatingItsSize() throws {
        var zip = oneCell.zip()
        let bomb = [UInt8](repeating: 0x20, count: 64 << 20)
        zip.entries[zip.entries.firstIndex { $0.name.hasSuffix("sheet1.xml") }!] = ZipWriter.Entry(name: "xl/worksheets/sheet1.xml", data: Array("<worksheet><sheetData>".utf8) + bomb + Array("</sheetData></worksheet>".utf8),
                                          declaredSizeOverride: 1 << 20)
        #expect(failureKind(zip.bytes()) == .corruptArchive)
    }

    @Test func totalInflatedBytesLimit() {
        var limits = ReaderLimits()
        limits.maxInflatedBytes = 200
        #expect(failureKind(oneCell.zip().bytes(), limits: limits) == .limitExceeded)
    }

    @Test func deepNestingIsRefusedByLibxml2() {
        var fixture = WorkbookFixture()
        fixture.sheets = [("S", String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000))]
        #expect(failureKind(fixture.zip().bytes()) == .malformedXML)
    }
}
