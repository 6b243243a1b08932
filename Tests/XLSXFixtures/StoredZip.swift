import Foundation

/// Small .xlsx packages with stored (uncompressed) entries, written by ``ZipWriter``, so end-to-end
/// tests can make exactly the workbook, or the damage, they need without any other tool.
public struct StoredZip {
    private var writer = ZipWriter()

    public init() {}

    public mutating func add(_ name: String, _ text: String) { add(name, Array(text.utf8)) }

    /// A stored entry; `crc` records another checksum than the data's (damage).
    public mutating func add(_ name: String, _ data: [UInt8], crc: UInt32? = nil) {
        writer.add(name, data, deflate: false, crc: crc)
    }

    /// An entry whose data is already deflated (method 8).
    public mutating func addDeflated(_ name: String, _ data: [UInt8], inflatedSize: Int, crc: UInt32) {
        writer.add(.deflated(name, data, inflatedSize: Int64(inflatedSize), crc: crc))
    }

    public func archive() -> [UInt8] { writer.bytes() }

    /// A workbook with the given sheets (name, sheetData inner XML) and optional shared strings.
    public static func workbook(_ sheets: [(name: String, rows: String)], sharedStrings: [String] = [], rawSheet: String? = nil) -> [UInt8] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var zip = StoredZip()
        zip.add("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        zip.add("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")
        let list = sheets.enumerated().map { "<sheet name=\"\($1.name)\" sheetId=\"\($0 + 1)\" r:id=\"s\($0 + 1)\"/>" }.joined()
        zip.add("xl/workbook.xml", "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets>\(list)</sheets></workbook>")
        var links = sheets.indices.map { "<Relationship Id=\"s\($0 + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
        if !sharedStrings.isEmpty { links += "<Relationship Id=\"t\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>" }
        zip.add("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(links)</Relationships>")
        for (index, sheet) in sheets.enumerated() {
            zip.add("xl/worksheets/sheet\(index + 1).xml", rawSheet ?? "<worksheet xmlns=\"\(main)\"><sheetData>\(sheet.rows)</sheetData></worksheet>")
        }
        if !sharedStrings.isEmpty {
            zip.add("xl/sharedStrings.xml", "<sst xmlns=\"\(main)\">" + sharedStrings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>")
        }
        return zip.archive()
    }

    public static func crc32(_ data: [UInt8]) -> UInt32 { ZipWriter.crc(data) }
}
