import Foundation
import XLSXFixtures

/// Small but real .xlsx files, built here so tests depend on no file outside the repository.
public enum FakeWorkbook {
    /// One sheet shaped like an object-comparison overview (object type, counts, result).
    public static func objectComparison() -> Data {
        let rows: [[Cell]] = [
            [.text("Object Type"), .text("Source Count"), .text("Destination Count"), .text("Comparison Result")],
            [.text("TABLE"), .number(12), .number(12), .text("Consistent")],
            [.text("VIEW"), .number(3), .number(2), .text("Inconsistent")],
            [.text("INDEX"), .number(20), .number(20), .text("Consistent")],
        ]
        return workbook(sheetName: "Overview", rows: rows)
    }

    public enum Cell: Sendable {
        case text(String)
        case number(Int)
    }

    /// A one-sheet workbook with inline strings, stored (uncompressed) in a ZIP.
    public static func workbook(sheetName: String, rows: [[Cell]]) -> Data {
        let columns = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var sheetRows = ""
        for (rowIndex, row) in rows.enumerated() {
            sheetRows += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, cell) in row.enumerated() {
                let reference = "\(columns[columnIndex])\(rowIndex + 1)"
                switch cell {
                case .text(let text):
                    sheetRows += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escape(text))</t></is></c>"
                case .number(let number):
                    sheetRows += "<c r=\"\(reference)\"><v>\(number)</v></c>"
                }
            }
            sheetRows += "</row>"
        }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
        let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let parts: [(String, String)] = [
            (
                "[Content_Types].xml",
                header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "</Types>"
            ),
            (
                "_rels/.rels",
                header + "<Relationships xmlns=\"\(relationships)\">"
                    + "<Relationship Id=\"rId1\" Type=\"\(officeRelationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>"
            ),
            (
                "xl/workbook.xml",
                header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(officeRelationships)\"><sheets>"
                    + "<sheet name=\"\(escape(sheetName))\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                header + "<Relationships xmlns=\"\(relationships)\">"
                    + "<Relationship Id=\"rId1\" Type=\"\(officeRelationships)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "</Relationships>"
            ),
            ("xl/worksheets/sheet1.xml", header + "<worksheet xmlns=\"\(main)\"><sheetData>\(sheetRows)</sheetData></worksheet>"),
        ]
        var zip = ZipWriter()
        for (name, text) in parts { zip.add(name, text, deflate: false) }
        return Data(zip.bytes())
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
