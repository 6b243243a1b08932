import XLSXFixtures
#if canImport(Glibc)
import Glibc
#endif

/// A minimal but complete SpreadsheetML package around the given sheet XML, for cell-value tests.
struct WorkbookFixture {
    var sheets: [(name: String, xml: String)] = []
    var sharedStrings: String?
    var styles: String?
    var date1904 = false
    var workbookFolder = "xl"

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A one-sheet workbook whose `<sheetData>` holds `rows`.
    static func sheetData(_ rows: String, sharedStrings: [String]? = nil, styles: String? = nil, date1904: Bool = false) -> WorkbookFixture {
        var fixture = WorkbookFixture()
        fixture.sheets = [("Sheet1", "<worksheet xmlns=\"\(mainNamespace)\"><sheetData>\(rows)</sheetData></worksheet>")]
        if let sharedStrings {
            fixture.sharedStrings = "<sst xmlns=\"\(mainNamespace)\">" + sharedStrings.map { "<si>\($0)</si>" }.joined() + "</sst>"
        }
        fixture.styles = styles
        fixture.date1904 = date1904
        return fixture
    }

    func zip() -> ZipWriter {
        var zip = ZipWriter()
        let folder = workbookFolder.isEmpty ? "" : workbookFolder + "/"
        zip.add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        zip.add("_rels/.rels", """
            <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="\(folder)workbook.xml"/>\
            </Relationships>
            """)
        var sheetList = ""
        var relationships = ""
        for (index, sheet) in sheets.enumerated() {
            sheetList += "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
            relationships += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(WorkbookFixture.relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        if sharedStrings != nil {
            relationships += "<Relationship Id=\"rIdS\" Type=\"\(WorkbookFixture.relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        }
        if styles != nil {
            relationships += "<Relationship Id=\"rIdT\" Type=\"\(WorkbookFixture.relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        }
        zip.add(folder + "workbook.xml", """
            <?xml version="1.0"?><workbook xmlns="\(WorkbookFixture.mainNamespace)" xmlns:r="\(WorkbookFixture.relationshipNamespace)">\
            \(date1904 ? "<workbookPr date1904=\"1\"/>" : "")<sheets>\(sheetList)</sheets></workbook>
            """)
        zip.add(folder + "_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(relationships)</Relationships>")
        for (index, sheet) in sheets.enumerated() {
            zip.add(folder + "worksheets/sheet\(index + 1).xml", sheet.xml)
        }
        if let sharedStrings { zip.add(folder + "sharedStrings.xml", sharedStrings) }
        if let styles { zip.add(folder + "styles.xml", styles) }
        return zip
    }
}

/// A file in a fresh temporary directory, removed by the caller's `defer`.
struct TemporaryFile {
    let path: String

    init(_ bytes: [UInt8], name: String = "book.xlsx") {
        var template = "/tmp/drsdiff-test-XXXXXX".utf8CString
        let directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        path = directory + "/" + name
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        bytes.withUnsafeBytes { _ = write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }

    func remove() {
        unlink(path)
        rmdir(String(path[..<path.lastIndex(of: "/")!]))
    }
}
