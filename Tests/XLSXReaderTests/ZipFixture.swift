import CDRSDiffZlib
#if canImport(Glibc)
import Glibc
#endif

/// Builds ZIP archives byte by byte, so tests can make exactly the damage or the feature they need:
/// stored or deflated entries, data descriptors, ZIP64 records, wrong CRCs, truncation.
struct ZipFixture {
    struct Entry {
        var name: String
        var data: [UInt8]
        var deflate = true
        var dataDescriptor = false
        var zip64 = false
        var crcOverride: UInt32?
        var declaredSizeOverride: Int64?
    }

    var entries: [Entry] = []
    var prefix: [UInt8] = []

    mutating func add(_ name: String, _ text: String, deflate: Bool = true) {
        entries.append(Entry(name: name, data: Array(text.utf8), deflate: deflate))
    }

    mutating func add(_ entry: Entry) { entries.append(entry) }

    func bytes() -> [UInt8] {
        var out = prefix
        var central: [UInt8] = []
        for entry in entries {
            let offset = out.count - prefix.count
            let payload = entry.deflate ? ZipFixture.deflate(entry.data) : entry.data
            let crc = entry.crcOverride ?? ZipFixture.crc(entry.data)
            let size = entry.declaredSizeOverride ?? Int64(entry.data.count)
            let name = Array(entry.name.utf8)
            let flags: UInt16 = entry.dataDescriptor ? 0x0008 : 0
            let method: UInt16 = entry.deflate ? 8 : 0
            // Local header
            out += le32(0x0403_4B50) + le16(entry.zip64 ? 45 : 20) + le16(flags) + le16(method) + le16(0) + le16(0x21)
            if entry.dataDescriptor {
                out += le32(0) + le32(0) + le32(0)
            } else if entry.zip64 {
                out += le32(crc) + le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF)
            } else {
                out += le32(crc) + le32(UInt32(payload.count)) + le32(UInt32(size))
            }
            let localExtra: [UInt8] = entry.zip64 && !entry.dataDescriptor ? le16(1) + le16(16) + le64(UInt64(size)) + le64(UInt64(payload.count)) : []
            out += le16(UInt16(name.count)) + le16(UInt16(localExtra.count)) + name + localExtra
            out += payload
            if entry.dataDescriptor {
                out += le32(0x0807_4B50) + le32(crc) + le32(UInt32(payload.count)) + le32(UInt32(size))
            }
            // Central directory header
            let centralExtra: [UInt8] = entry.zip64 ? le16(1) + le16(24) + le64(UInt64(size)) + le64(UInt64(payload.count)) + le64(UInt64(offset)) : []
            central += le32(0x0201_4B50) + le16(45) + le16(entry.zip64 ? 45 : 20) + le16(flags) + le16(method) + le16(0) + le16(0x21)
            central += le32(crc)
            central += entry.zip64 ? le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) : le32(UInt32(payload.count)) + le32(UInt32(size))
            central += le16(UInt16(name.count)) + le16(UInt16(centralExtra.count)) + le16(0) + le16(0) + le16(0) + le32(0)
            central += entry.zip64 ? le32(0xFFFF_FFFF) : le32(UInt32(offset))
            central += name + centralExtra
        }
        let centralOffset = out.count - prefix.count
        out += central
        if entries.contains(where: \.zip64) {
            let recordOffset = out.count - prefix.count
            out += le32(0x0606_4B50) + le64(44) + le16(45) + le16(45) + le32(0) + le32(0)
            out += le64(UInt64(entries.count)) + le64(UInt64(entries.count)) + le64(UInt64(central.count)) + le64(UInt64(centralOffset))
            out += le32(0x0706_4B50) + le32(0) + le64(UInt64(recordOffset)) + le32(1)
            out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(0xFFFF) + le16(0xFFFF) + le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) + le16(0)
        } else {
            out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
            out += le32(UInt32(central.count)) + le32(UInt32(centralOffset)) + le16(0)
        }
        return out
    }

    static func crc(_ data: [UInt8]) -> UInt32 {
        UInt32(data.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) })
    }

    static func deflate(_ data: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        _ = deflateInit2_(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(data.count))) + 64)
        var input = data
        let produced = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer -> Int in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = uInt(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = uInt(outputBuffer.count)
                _ = CDRSDiffZlib.deflate(&stream, Z_FINISH)
                return outputBuffer.count - Int(stream.avail_out)
            }
        }
        deflateEnd(&stream)
        return Array(output[0..<produced])
    }

    private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
    private func le64(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8((value >> (8 * UInt64($0))) & 0xFF) } }
}

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

    func zip() -> ZipFixture {
        var zip = ZipFixture()
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
