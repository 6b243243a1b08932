import Testing
@testable import XLSXReader

/// The pieces of the sheet parser on their own: byte parsers, cell decoding, row hand-off.
@Suite struct SheetPieceTests {
    private func withBytes<T>(_ text: String, _ body: (UnsafePointer<UInt8>, UnsafePointer<UInt8>) -> T) -> T {
        var bytes = Array(text.utf8)
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer in body(buffer.baseAddress!, buffer.baseAddress! + buffer.count - 1) }
    }

    @Test(arguments: [("B7", 1, 6), ("$AB$12", 27, 11), ("xfd1048576", 16_383, 1_048_575), ("C", 2, nil)] as [(String, Int, Int?)])
    func references(text: String, column: Int, row: Int?) {
        let parsed = withBytes(text) { parseReference($0, $1) }
        #expect(parsed?.column == column && parsed?.row == row)
    }

    @Test(arguments: ["", "7", "A0", "AAAAA1", "A123456789", "A1B", "$", "A-1"])
    func notReferences(text: String) {
        #expect(withBytes(text) { parseReference($0, $1) } == nil)
    }

    @Test func unsignedNumbers() {
        #expect(withBytes(" 42 ") { parseUnsigned($0, $1) } == 42)
        #expect(withBytes("999999999999") { parseUnsigned($0, $1) } == 999_999_999_999)
        for text in ["", " ", "4a", "-1", "1e3", "1234567890123"] {
            #expect(withBytes(text) { parseUnsigned($0, $1) } == nil, "\(text)")
        }
    }

    @Test func cellTypes() {
        let spellings: [(String, CellType)] = [("s", .shared), ("n", .number), ("b", .boolean), ("e", .error), ("d", .isoDate),
                                              ("str", .formulaString), ("inlineStr", .inline), ("", .number), ("x", .number), ("sss", .formulaString)]
        for (text, type) in spellings { #expect(withBytes(text) { CellType(attribute: $0, $1) } == type, "\(text)") }
    }

    /// Decodes `text` as the last bytes of an arena that already holds `prefix`.
    private func decode(_ type: CellType, _ text: String, style: Int = 0, styles: CellStyles = .none,
                        strings: [String] = [], inlineTrim: (Bool, Bool) = (true, true)) -> (DecodedCell, String) {
        var arena = ByteBuffer(capacity: 16)
        defer { arena.release() }
        arena.append("prefix")
        arena.append(text)
        let table = SharedStrings(strings)  // the decoder does not keep it alive
        let decoded = withExtendedLifetime(table) {
            CellDecoder(sharedStrings: table, styles: styles)
                .decode(type, column: 3, style: style, textStart: 6, inlineTrim: (leading: inlineTrim.0, trailing: inlineTrim.1), arena: &arena)
        }
        return (decoded, String(decoding: UnsafeRawBufferPointer(rebasing: arena.bytes[6...]), as: UTF8.self))
    }

    private func cell(_ decoded: DecodedCell) -> RawCell? {
        if case .cell(let cell) = decoded { return cell }
        return nil
    }

    @Test func decodesEachType() throws {
        let number = try #require(cell(decode(.number, "929").0))
        #expect(number.kind == .number && number.flag == 1 && number.start == 6 && number.length == 3 && number.column == 3)
        let parsed = decode(.number, " 929.0 ")
        #expect(cell(parsed.0)?.number == 929 && parsed.1.isEmpty)
        let date = decode(.number, "44197", styles: CellStyles(classes: [.date]))
        #expect(cell(date.0)?.kind == .dateTime && cell(date.0)?.number == 44197)
        #expect(decode(.number, "n/a").1 == "n/a")
        #expect(decode(.inline, "  a_x000D_b  ").1 == "a\rb")
        #expect(decode(.inline, "  a  ", inlineTrim: (false, true)).1 == "  a")
        #expect(decode(.formulaString, "  x  ").1 == "  x  ")
        #expect(cell(decode(.error, " #N/A ").0)?.kind == .error)
        #expect(cell(decode(.boolean, "0").0)?.number == 0 && cell(decode(.boolean, "1").0)?.number == 1)
        #expect(decode(.isoDate, "2021-03-04T05:06:07").1 == "2021-03-04 05:06:07")
        let shared = try #require(cell(decode(.shared, "1", strings: ["a", "b"]).0))
        #expect(shared.isSharedText && shared.start == 1)
    }

    @Test func decodesNothingFromNothing() {
        for (type, text) in [(CellType.inline, "   "), (.error, ""), (.boolean, " "), (.shared, ""), (.formulaString, "")] {
            guard case .empty = decode(type, text, strings: [""]).0 else {
                Issue.record("\(type) \"\(text)\" is not empty")
                continue
            }
        }
        guard case .empty = decode(.shared, "0", strings: [""]).0 else { Issue.record("an empty shared string is not empty"); return }
    }

    @Test func sharedStringsPastTheTable() {
        let past = decode(.shared, "5", strings: ["a"])
        guard case .missingSharedString(let index) = past.0 else {
            Issue.record("index 5 of 1 string decoded")
            return
        }
        #expect(index == 5 && past.1 == "5", "the reference stays for the message")
        guard case .missingSharedString(nil) = decode(.shared, "five", strings: ["a"]).0 else {
            Issue.record("\"five\" decoded as an index")
            return
        }
    }

    /// Two completed rows and an open one: the open row moves to the front of the next store.
    @Test func handOffCarriesTheOpenRow() {
        let filled = RowStore.allocate()
        let empty = RowStore.allocate()
        defer {
            RowStore.free(filled)
            RowStore.free(empty)
        }
        func add(_ text: String, column: Int32) {
            let start = Int32(filled.pointee.arena.count)
            filled.pointee.arena.append(text)
            filled.pointee.cells.append(RawCell(column: column, kind: .text, flag: 0, start: start, length: Int32(text.utf8.count), number: .nan))
        }
        add("a", column: 0)
        add("bb", column: 0)
        filled.pointee.rows.append(RowEntry(index: 0, firstCell: 0, endCell: 2))
        filled.pointee.cells.append(RawCell(column: 1, kind: .text, flag: 1, start: 7, length: 0, number: .nan))  // a shared string
        add("open", column: 2)
        filled.pointee.arena.append("par")  // text of the cell being read
        filled.pointee.moveOpenRow(at: 2, arenaStart: 3, to: empty)
        #expect(filled.pointee.cells.count == 2 && filled.pointee.arena.string == "abb" && filled.pointee.rows.count == 1)
        #expect(empty.pointee.arena.string == "openpar")
        #expect(empty.pointee.cells[0].start == 7, "shared-string indices are not offsets")
        #expect(empty.pointee.cells[1].start == 0 && empty.pointee.cells[1].length == 4)

        empty.pointee.rows.append(RowEntry(index: 1, firstCell: 0, endCell: 2))
        empty.pointee.arena.append("tail")
        empty.pointee.cells.append(RawCell(column: 0, kind: .text, flag: 0, start: 7, length: 4, number: .nan))
        empty.pointee.dropCompletedRows(keepingOpenRowAt: 2, arenaStart: 7)
        #expect(empty.pointee.rows.count == 0 && empty.pointee.cells.count == 1)
        #expect(empty.pointee.cells[0].start == 0 && empty.pointee.arena.string == "tail")
    }
}
