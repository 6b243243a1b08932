import Foundation

/// Writes small .xlsx workbooks for tests: several sheets, inline strings or numbers, stored in
/// a ZIP without compression. Enough to try layouts the samples do not have.
enum FixtureWorkbook {
    enum Cell: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
        case text(String)
        case number(Double)
        /// A real boolean cell (`t="b"`), as spreadsheet programs write TRUE and FALSE.
        case boolean(Bool)
        case empty

        init(stringLiteral value: String) { self = value.isEmpty ? .empty : .text(value) }
        init(integerLiteral value: Int) { self = .number(Double(value)) }
        init(floatLiteral value: Double) { self = .number(value) }
    }

    struct Sheet {
        let name: String
        let rows: [[Cell]]
    }

    /// Writes the workbook to a temporary file and returns its path.
    static func write(_ sheets: [Sheet], name: String = "fixture") throws -> String {
        let path = NSTemporaryDirectory() + "drsreport-\(name)-\(UUID().uuidString).xlsx"
        try data(sheets).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func data(_ sheets: [Sheet]) -> Data {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
        let office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        var overrides = "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        var sheetList = ""
        var sheetRelationships = ""
        var parts: [(String, String)] = []
        for (index, sheet) in sheets.enumerated() {
            let number = index + 1
            overrides += "<Override PartName=\"/xl/worksheets/sheet\(number).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            sheetList += "<sheet name=\"\(escape(sheet.name))\" sheetId=\"\(number)\" r:id=\"rId\(number)\"/>"
            sheetRelationships += "<Relationship Id=\"rId\(number)\" Type=\"\(office)/worksheet\" Target=\"worksheets/sheet\(number).xml\"/>"
            var rows = ""
            for (rowIndex, row) in sheet.rows.enumerated() where row.contains(where: { if case .empty = $0 { return false }; return true }) {
                rows += "<row r=\"\(rowIndex + 1)\">"
                for (columnIndex, cell) in row.enumerated() {
                    let reference = columnName(columnIndex) + String(rowIndex + 1)
                    switch cell {
                    case .text(let text): rows += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
                    case .number(let number): rows += "<c r=\"\(reference)\"><v>\(number)</v></c>"
                    case .boolean(let flag): rows += "<c r=\"\(reference)\" t=\"b\"><v>\(flag ? 1 : 0)</v></c>"
                    case .empty: break
                    }
                }
                rows += "</row>"
            }
            parts.append(("xl/worksheets/sheet\(number).xml", header + "<worksheet xmlns=\"\(main)\"><sheetData>\(rows)</sheetData></worksheet>"))
        }
        parts.insert(contentsOf: [
            ("[Content_Types].xml", header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" + overrides + "</Types>"),
            ("_rels/.rels", header + "<Relationships xmlns=\"\(relationships)\">"
                + "<Relationship Id=\"rId1\" Type=\"\(office)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(office)\"><sheets>\(sheetList)</sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", header + "<Relationships xmlns=\"\(relationships)\">\(sheetRelationships)</Relationships>"),
        ], at: 0)
        return storedZip(parts.map { ($0.0, Data($0.1.utf8)) })
    }

    private static func columnName(_ index: Int) -> String {
        var number = index + 1
        var letters = ""
        while number > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static func storedZip(_ entries: [(String, Data)]) -> Data {
        var archive = Data()
        var directory = Data()
        func le16(_ value: Int, _ data: inout Data) { data.append(contentsOf: [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)]) }
        func le32(_ value: UInt32, _ data: inout Data) { data.append(contentsOf: (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) }) }
        for (name, data) in entries {
            let nameBytes = Data(name.utf8)
            let crc = crc32(data)
            let offset = UInt32(archive.count)
            le32(0x0403_4B50, &archive); le16(20, &archive); le16(0, &archive); le16(0, &archive); le16(0, &archive); le16(0x21, &archive)
            le32(crc, &archive); le32(UInt32(data.count), &archive); le32(UInt32(data.count), &archive)
            le16(nameBytes.count, &archive); le16(0, &archive)
            archive.append(nameBytes)
            archive.append(data)
            le32(0x0201_4B50, &directory); le16(20, &directory); le16(20, &directory); le16(0, &directory); le16(0, &directory)
            le16(0, &directory); le16(0x21, &directory); le32(crc, &directory); le32(UInt32(data.count), &directory)
            le32(UInt32(data.count), &directory); le16(nameBytes.count, &directory); le16(0, &directory); le16(0, &directory)
            le16(0, &directory); le16(0, &directory); le32(0, &directory); le32(offset, &directory)
            directory.append(nameBytes)
        }
        let directoryOffset = UInt32(archive.count)
        archive.append(directory)
        le32(0x0605_4B50, &archive); le16(0, &archive); le16(0, &archive); le16(entries.count, &archive); le16(entries.count, &archive)
        le32(UInt32(directory.count), &archive); le32(directoryOffset, &archive); le16(0, &archive)
        return archive
    }

    private static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
