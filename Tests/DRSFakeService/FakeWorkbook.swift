import Foundation

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
        return StoredZip.archive(parts.map { ($0.0, Data($0.1.utf8)) })
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// The simplest valid ZIP: every entry stored, no compression, no extras.
enum StoredZip {
    static func archive(_ entries: [(name: String, data: Data)]) -> Data {
        var archive = Data()
        var directory = Data()
        for entry in entries {
            let name = Data(entry.name.utf8)
            let crc = crc32(entry.data)
            let offset = UInt32(archive.count)
            archive.append(le32: 0x0403_4B50)
            archive.append(le16: 20)  // version needed
            archive.append(le16: 0)  // flags
            archive.append(le16: 0)  // stored
            archive.append(le16: 0)  // time
            archive.append(le16: 0x21)  // date: 1980-01-01
            archive.append(le32: crc)
            archive.append(le32: UInt32(entry.data.count))
            archive.append(le32: UInt32(entry.data.count))
            archive.append(le16: UInt16(name.count))
            archive.append(le16: 0)
            archive.append(name)
            archive.append(entry.data)

            directory.append(le32: 0x0201_4B50)
            directory.append(le16: 20)  // version made by
            directory.append(le16: 20)
            directory.append(le16: 0)
            directory.append(le16: 0)
            directory.append(le16: 0)
            directory.append(le16: 0x21)
            directory.append(le32: crc)
            directory.append(le32: UInt32(entry.data.count))
            directory.append(le32: UInt32(entry.data.count))
            directory.append(le16: UInt16(name.count))
            directory.append(le16: 0)  // extra
            directory.append(le16: 0)  // comment
            directory.append(le16: 0)  // disk
            directory.append(le16: 0)  // internal attributes
            directory.append(le32: 0)  // external attributes
            directory.append(le32: offset)
            directory.append(name)
        }
        let directoryOffset = UInt32(archive.count)
        archive.append(directory)
        archive.append(le32: 0x0605_4B50)
        archive.append(le16: 0)
        archive.append(le16: 0)
        archive.append(le16: UInt16(entries.count))
        archive.append(le16: UInt16(entries.count))
        archive.append(le32: UInt32(directory.count))
        archive.append(le32: directoryOffset)
        archive.append(le16: 0)
        return archive
    }

    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
            }
        }
        return ~crc
    }
}

extension Data {
    fileprivate mutating func append(le16 value: UInt16) {
        append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8)])
    }

    fileprivate mutating func append(le32 value: UInt32) {
        append(contentsOf: (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) })
    }
}
