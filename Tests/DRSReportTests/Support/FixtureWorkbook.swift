import Foundation
import XLSXFixtures

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
        var zip = ZipWriter()
        for (name, text) in parts { zip.add(name, text, deflate: false) }
        return Data(zip.bytes())
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
}
