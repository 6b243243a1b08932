import CDRSDiffZlib
import Foundation
import Testing

/// `drsdiff convert` and `drsdiff sheets` as users run them: the bundled samples against their
/// golden CSVs (made by the independent reference reader), every format, files, stdin, and each
/// kind of bad input ending in its own exit status with nothing on stdout.
@Suite struct ConvertCommandTests {
    /// Every sheet of every sample that has a golden CSV, converted by name.
    static let goldenCases: [(workbook: String, sheet: String, expected: String)] = {
        var cases: [(String, String, String)] = []
        for folder in ["samples/xlsx", "samples/reports"] {
            let expectedRoot = BinaryRunner.path(folder + "/expected")
            for stem in (try? FileManager.default.contentsOfDirectory(atPath: expectedRoot)) ?? [] {
                let workbook = BinaryRunner.path("\(folder)/\(stem).xlsx")
                guard FileManager.default.fileExists(atPath: workbook) else { continue }
                for file in (try? FileManager.default.contentsOfDirectory(atPath: expectedRoot + "/" + stem)) ?? [] where file.hasSuffix(".csv") {
                    cases.append((workbook, String(file.dropLast(4)), expectedRoot + "/" + stem + "/" + file))
                }
            }
        }
        return cases.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }()

    @Test func samplesHaveGoldens() {
        #expect(Self.goldenCases.count >= 40)
    }

    @Test(arguments: goldenCases.map { [$0.workbook, $0.sheet, $0.expected] })
    func sampleMatchesGolden(_ testCase: [String]) throws {
        let result = try BinaryRunner.run(["convert", testCase[0], "--sheet", testCase[1]])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let expected = try Data(contentsOf: URL(fileURLWithPath: testCase[2]))
        #expect(result.stdout == Array(expected), "\(testCase[0]) / \(testCase[1])")
    }

    private static let typedBook = StoredZip.workbook([("Data", """
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>a|b</t></is></c></row>\
        <row r="3"><c r="A3"><v>929.0</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="d"><v>2021-03-04T05:06:07</v></c></row>
        """)], sharedStrings: ["name", "say \"hi\", bye"])

    @Test(arguments: [
        ("csv", "name,\"say \"\"hi\"\", bye\",,a|b\n,,,\n929,TRUE,#N/A,2021-03-04 05:06:07\n"),
        ("ndjson", "[\"name\",\"say \\\"hi\\\", bye\",null,\"a|b\"]\n[null,null,null,null]\n[929,true,{\"error\":\"#N/A\"},\"2021-03-04T05:06:07\"]\n"),
        ("json", "[\n[\"name\",\"say \\\"hi\\\", bye\",null,\"a|b\"],\n[null,null,null,null],\n[929,true,{\"error\":\"#N/A\"},\"2021-03-04T05:06:07\"]\n]\n"),
        ("md", "| name | say \"hi\", bye |  | a\\|b |\n| --- | --- | --- | --- |\n|  |  |  |  |\n| 929 | TRUE | #N/A | 2021-03-04 05:06:07 |\n"),
    ])
    func formats(format: String, expected: String) throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let book = try writeFile(Self.typedBook, named: "typed.xlsx", in: directory)
        let result = try BinaryRunner.run(["convert", book, "--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText == expected)
        if format == "json" {
            #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout))) != nil, "not valid JSON")
        }
    }

    @Test func byteOrderMarkOnlyWhenAsked() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let book = try writeFile(Self.typedBook, named: "typed.xlsx", in: directory)
        let plain = try BinaryRunner.run(["convert", book])
        let marked = try BinaryRunner.run(["convert", book, "--bom"])
        #expect(Array(marked.stdout.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Array(marked.stdout.dropFirst(3)) == plain.stdout)
        #expect(try BinaryRunner.run(["convert", book, "--bom", "--format", "json"]).status == 64)
    }

    @Test func standardInputReadsLikeAFile() throws {
        let book = BinaryRunner.path("samples/xlsx/xlsxwriter_shared.xlsx")
        let fromFile = try BinaryRunner.run(["convert", book])
        let fromStdin = try BinaryRunner.run(["convert", "-"], stdinPath: book)
        #expect(fromStdin.status == 0)
        #expect(fromStdin.stdout == fromFile.stdout)
        #expect(!fromFile.stdout.isEmpty)
    }

    @Test func sheetByIndexAndDefaultSheet() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let book = try writeFile(StoredZip.workbook([("First", "<row><c><v>1</v></c></row>"), ("Second", "<row><c><v>2</v></c></row>")]), named: "two.xlsx", in: directory)
        #expect(try BinaryRunner.run(["convert", book]).stdoutText == "1\n")
        #expect(try BinaryRunner.run(["convert", book, "--sheet-index", "1"]).stdoutText == "2\n")
        let missing = try BinaryRunner.run(["convert", book, "--sheet-index", "5"])
        #expect(missing.status == 16 && missing.stdout.isEmpty)
        #expect(try BinaryRunner.run(["convert", book, "--sheet", "First", "--sheet-index", "1"]).status == 64)
    }

    @Test func outputFileIsWrittenWholeOrNotAtAll() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let good = try writeFile(Self.typedBook, named: "good.xlsx", in: directory)
        let target = directory + "/out.csv"
        let written = try BinaryRunner.run(["convert", good, "-o", target])
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("name,"))

        // A sheet that breaks half-way: the earlier output file stays as it was, no temporary file remains.
        let rows = (1...30_000).map { "<row r=\"\($0)\"><c><v>\($0)</v></c></row>" }.joined()
        let broken = try writeFile(StoredZip.workbook([("S", rows + "<row><c></row>")]), named: "broken.xlsx", in: directory)
        let failed = try BinaryRunner.run(["convert", broken, "-o", target])
        #expect(failed.status == 15)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("name,"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains("drsdiff-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func allSheetsWriteOneFileEach() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let book = try writeFile(StoredZip.workbook([("a/b", "<row><c><v>1</v></c></row>"), ("汇总", "<row><c><v>2</v></c></row>")]), named: "many.xlsx", in: directory)
        let result = try BinaryRunner.run(["convert", book, "--all-sheets", "-o", directory + "/out", "--format", "ndjson"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: directory + "/out/a_b.ndjson", encoding: .utf8) == "[1]\n")
        #expect(try String(contentsOfFile: directory + "/out/汇总.ndjson", encoding: .utf8) == "[2]\n")
        #expect(try BinaryRunner.run(["convert", book, "--all-sheets"]).status == 64)
        let markdown = try BinaryRunner.run(["convert", book, "--all-sheets", "--format", "md"])
        #expect(markdown.stdoutText == "## a/b\n\n| 1 |\n| --- |\n\n## 汇总\n\n| 2 |\n| --- |\n")
    }

    /// Output starts while the sheet is still being read: the first line arrives long before the end.
    @Test func outputStreams() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let rows = (1...400_000).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c><c r=\"B\($0)\" t=\"inlineStr\"><is><t>row number \($0)</t></is></c></row>" }.joined()
        let book = try writeFile(StoredZip.workbook([("Big", rows)]), named: "big.xlsx", in: directory)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BinaryRunner.binary())
        process.arguments = ["convert", book]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let firstBlock = pipe.fileHandleForReading.readData(ofLength: 64)
        let stillRunning = process.isRunning
        // The child is blocked on the full pipe by now; end it outright.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(String(decoding: firstBlock, as: UTF8.self).hasPrefix("1,row number 1\n"))
        #expect(stillRunning, "the whole sheet was read before the first row came out")
    }

    @Test func sheetsListsNameStateKindAndDeclaredDimension() throws {
        let text = try BinaryRunner.run(["sheets", BinaryRunner.path("samples/xlsx/poi_sxssf.xlsx")])
        #expect(text.status == 0)
        #expect(text.stdoutText.hasPrefix("index  name"))
        #expect(text.stdoutText.contains("worksheet"))
        let json = try BinaryRunner.run(["sheets", BinaryRunner.path("samples/xlsx/xlsxwriter_constant_memory.xlsx"), "--format", "json"])
        let sheets = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout)) as? [[String: Any]])
        #expect(sheets.contains { $0["state"] as? String == "veryHidden" })
        #expect(sheets.allSatisfy { $0["kind"] as? String == "worksheet" && $0["index"] is Int })
    }
}

/// Bad input: a message on stderr naming the file, its own exit status, nothing on stdout, and —
/// for hostile files — an end within 2 seconds and 100 MB.
@Suite struct ConvertFailureTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    static func cfb(_ stream: String) -> [UInt8] {
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504) + stream.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    static let billionLaughs = """
        <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
        <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\
        <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">\
        <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">\
        <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>\
        <worksheet xmlns="\(main)"><sheetData><row><c t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>
        """

    /// A stored sheet whose value byte changed after its CRC-32 was recorded: well-formed XML, damaged data.
    static func withBadCRC() -> [UInt8] {
        var bytes = StoredZip.workbook([("S", "<row><c><v>1</v></c></row>")])
        let value = bytes.firstRange(of: Array("<v>1</v>".utf8))!.lowerBound + 3
        bytes[value] = UInt8(ascii: "2")
        return bytes
    }

    static let cases: [(name: String, bytes: [UInt8], status: Int32, says: String)] = [
        ("html.xlsx", Array("<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>".utf8), 10, "HTML"),
        ("export.xlsx", Array("id,name\n1,alice\n".utf8), 10, "CSV"),
        ("protected.xlsx", cfb("EncryptedPackage"), 11, "encrypted"),
        ("legacy.xlsx", cfb("Workbook"), 11, ".xls"),
        ("binary.xlsx", {
            var zip = StoredZip()
            zip.add("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.bin\"/></Relationships>")
            zip.add("xl/workbook.bin", "binary")
            return zip.archive()
        }(), 12, ".xlsb"),
        ("crc.xlsx", withBadCRC(), 13, "CRC-32"),
        ("truncated.xlsx", Array(StoredZip.workbook([("S", "<row><c><v>1</v></c></row>")]).prefix(300)), 13, "truncated"),
        ("malformed.xlsx", StoredZip.workbook([("S", "<row><c></row>")]), 15, "line 1"),
        ("nobook.xlsx", { var zip = StoredZip(); zip.add("hello.txt", "hi"); return zip.archive() }(), 15, "no workbook part"),
        ("laughs.xlsx", StoredZip.workbook([("S", "")], rawSheet: billionLaughs), 17, "DOCTYPE"),
        ("xxe.xlsx", StoredZip.workbook([("S", "")], rawSheet: "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData></worksheet>"), 17, "DOCTYPE"),
        ("dtd.xlsx", StoredZip.workbook([("S", "")], rawSheet: "<?xml version=\"1.0\"?><!DOCTYPE worksheet SYSTEM \"http://127.0.0.1:9/evil.dtd\"><worksheet/>"), 17, "DOCTYPE"),
    ]

    @Test(arguments: cases.map(\.name))
    func badInputHasItsOwnExitStatus(_ name: String) throws {
        let testCase = try #require(Self.cases.first { $0.name == name })
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = try writeFile(testCase.bytes, named: name, in: directory)
        let result = try BinaryRunner.run(["convert", file], timeout: 30)
        #expect(result.signal == nil)
        #expect(result.status == testCase.status, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("drsdiff: error: " + file), "\(result.stderr)")
        #expect(result.stderr.contains(testCase.says), "\(result.stderr)")
        #expect(result.seconds < 2, "took \(result.seconds) s")
        #expect(result.peakMegabytes < 100, "peaked at \(result.peakMegabytes) MB")
    }

    /// A 256 MiB sheet of whitespace compressed about 1000:1: stopped by the ratio limit, fast and small.
    @Test func zipBombEndsQuickly() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = try writeFile(ZipBomb.make(inflatedBytes: 256 << 20), named: "bomb.xlsx", in: directory)
        let result = try BinaryRunner.run(["convert", file], timeout: 30)
        #expect(result.status == 14, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("--max-compression-ratio"))
        #expect(result.seconds < 2, "took \(result.seconds) s")
        #expect(result.peakMegabytes < 100, "peaked at \(result.peakMegabytes) MB")
        // Raising the limit is how a user reads a file they trust; then the total-size limit still holds.
        let raised = try BinaryRunner.run(["convert", file, "--max-compression-ratio", "100000", "--max-inflated-bytes", "50000000"], timeout: 30)
        #expect(raised.status == 14 && raised.stderr.contains("--max-inflated-bytes"), "\(raised.stderr)")
    }

    @Test func unknownSheetListsTheSheets() throws {
        let result = try BinaryRunner.run(["convert", BinaryRunner.path("samples/xlsx/openpyxl_normal.xlsx"), "--sheet", "Nope"])
        #expect(result.status == 16)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no sheet named \"Nope\"; the workbook has \""))
    }

    @Test func missingFile() throws {
        let result = try BinaryRunner.run(["convert", "/nonexistent/report.xlsx"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("/nonexistent/report.xlsx: cannot open"))
    }
}

/// A zip bomb as attackers make them: whitespace inside `<sheetData>`, deflated at level 9 to
/// about a thousandth of its size, around a valid package.
enum ZipBomb {
    static func make(inflatedBytes: Int) -> [UInt8] {
        let head = Array("<worksheet><sheetData>".utf8), tail = Array("</sheetData></worksheet>".utf8)
        var stream = z_stream()
        _ = deflateInit2_(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var deflated: [UInt8] = []
        var output = [UInt8](repeating: 0, count: 1 << 16)
        let spaces = [UInt8](repeating: 0x20, count: 1 << 20)
        var crc = crc32(0, nil, 0)
        func feed(_ input: [UInt8], finish: Bool) {
            var input = input
            crc = crc32(crc, input, uInt(input.count))
            input.withUnsafeMutableBufferPointer { buffer in
                stream.next_in = buffer.baseAddress
                stream.avail_in = uInt(buffer.count)
                repeat {
                    output.withUnsafeMutableBufferPointer { out in
                        stream.next_out = out.baseAddress
                        stream.avail_out = uInt(out.count)
                        _ = deflate(&stream, finish ? Z_FINISH : Z_NO_FLUSH)
                        deflated += out[0..<(out.count - Int(stream.avail_out))]
                    }
                } while stream.avail_out == 0
            }
        }
        feed(head, finish: false)
        var produced = head.count
        while produced + spaces.count + tail.count <= inflatedBytes {
            feed(spaces, finish: false)
            produced += spaces.count
        }
        feed(tail, finish: true)
        produced += tail.count

        // The stored package parts, then the bomb entry, then one central directory for all.
        var package = StoredZip()
        package.add("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")
        package.add("xl/workbook.xml", "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" r:id=\"a\"/></sheets></workbook>")
        package.add("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"a\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>")
        package.addDeflated("xl/worksheets/sheet1.xml", deflated, inflatedSize: produced, crc: UInt32(crc))
        return package.archive()
    }
}

/// A row wider than every earlier one, arriving after the first 4 MiB of output were streamed.
@Suite struct LateWideRowTests {
    static func book() -> [UInt8] {
        let narrow = (1...260_000).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()
        let wide = "<row r=\"260001\"><c r=\"A260001\"><v>0</v></c><c r=\"C260001\"><v>9</v></c></row>"
        return StoredZip.workbook([("S", narrow + wide)])
    }

    @Test func fileOutputIsPaddedToTheFinalWidth() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let book = try writeFile(Self.book(), named: "late.xlsx", in: directory)
        let result = try BinaryRunner.run(["convert", book, "-o", directory + "/out.csv"])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let lines = try String(contentsOfFile: directory + "/out.csv", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 260_001)
        #expect(lines.first == "1,,")
        #expect(lines.last == "0,,9")
        #expect(lines.allSatisfy { $0.filter { $0 == "," }.count == 2 })
    }

    @Test func standardOutputSaysWhichRowWidened() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let book = try writeFile(Self.book(), named: "late.xlsx", in: directory)
        let result = try BinaryRunner.run(["convert", book])
        #expect(result.status == 0)
        #expect(result.stderr.contains("row 260001 is wider than the rows before it"), "\(result.stderr)")
        #expect(result.stdoutText.hasPrefix("1\n") && result.stdoutText.hasSuffix("0,,9\n"))
    }
}

/// What `convert` says on stderr besides errors, and the limit flags it takes.
@Suite struct ConvertNotesAndLimitsTests {
    private func run(_ bytes: [UInt8], _ options: [String] = []) throws -> BinaryRunner.Result {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return try BinaryRunner.run(["convert", try writeFile(bytes, named: "book.xlsx", in: directory)] + options)
    }

    @Test func sharedStringsPastTheTableFailUnlessLenient() throws {
        let book = StoredZip.workbook([("S", #"<row><c t="s"><v>0</v></c><c t="s"><v>5</v></c><c t="s"><v>9</v></c></row>"#)], sharedStrings: ["a"])
        let strict = try run(book)
        #expect(strict.status == 18 && strict.stdout.isEmpty)
        #expect(strict.stderr.contains("book.xlsx: xl/worksheets/sheet1.xml: cell B1: cell B1 refers to shared string 5"), "\(strict.stderr)")
        #expect(strict.stderr.contains("--lenient"), "\(strict.stderr)")
        let lenient = try run(book, ["--lenient"])
        #expect(lenient.status == 0)
        #expect(lenient.stdoutText == "a\n")
        #expect(lenient.stderr == "drsdiff: note: sheet \"S\": 2 cells refer past the end of the shared-string table and were read as empty (the first: cell B1)\n")
    }

    @Test func rowsOutOfOrderFailUnlessLenient() throws {
        let book = StoredZip.workbook([("S", #"<row r="5"><c><v>1</v></c></row><row r="3"><c><v>2</v></c></row>"#)])
        let strict = try run(book)
        #expect(strict.status == 18)
        #expect(strict.stderr.contains("xl/worksheets/sheet1.xml: row 3: row 3 comes after row 5"), "\(strict.stderr)")
        let lenient = try run(book, ["--lenient"])
        #expect(lenient.status == 0)
        #expect(lenient.stdoutText == "\n\n\n\n1\n2\n")
        #expect(lenient.stderr.contains("1 row comes at or above a row already read and was read where it appears (the first: row 3)"), "\(lenient.stderr)")
    }

    @Test func entryLimitFlag() throws {
        let result = try run(StoredZip.workbook([("S", "<row><c><v>1</v></c></row>")]), ["--max-entries", "3"])
        #expect(result.status == 14 && result.stdout.isEmpty)
        #expect(result.stderr.contains("--max-entries"), "\(result.stderr)")
    }

    @Test func sharedStringLimitFlag() throws {
        let book = StoredZip.workbook([("S", #"<row><c t="s"><v>0</v></c></row>"#)], sharedStrings: ["a long shared string", "another one"])
        let result = try run(book, ["--max-shared-string-bytes", "10"])
        #expect(result.status == 14 && result.stdout.isEmpty)
        #expect(result.stderr.contains("--max-shared-string-bytes"), "\(result.stderr)")
        #expect(try run(book).stdoutText == "a long shared string\n")
    }
}

/// Padding makes a table as large as its farthest cell: a workbook of a few bytes holding A1 and
/// XFD1048576 would pad out to 17 billion cells (gigabytes). The cap stops it before anything is written.
@Suite struct PaddedTableLimitTests {
    static let farCell = StoredZip.workbook([("S", #"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>"#)])

    @Test(arguments: ["csv", "json", "ndjson", "md"])
    func aFarCellEndsAtOnceWithNothingWritten(format: String) throws {
        #expect(Self.farCell.count < 1_600)
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let book = try writeFile(Self.farCell, named: "far.xlsx", in: directory)

        let toStandardOutput = try BinaryRunner.run(["convert", book, "--format", format])
        #expect(toStandardOutput.status == 14, "\(toStandardOutput.stderr)")
        #expect(toStandardOutput.stdout.isEmpty)
        #expect(toStandardOutput.stderr.contains("cell XFD1048576 makes the table 1048576 rows by 16384 columns"), "\(toStandardOutput.stderr)")
        #expect(toStandardOutput.stderr.contains("--max-output-cells"))
        #expect(toStandardOutput.seconds < 2, "took \(toStandardOutput.seconds) s")

        let toFile = try BinaryRunner.run(["convert", book, "--format", format, "-o", directory + "/out"])
        #expect(toFile.status == 14)
        #expect(toFile.seconds < 2, "took \(toFile.seconds) s")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["far.xlsx"], "something was left behind")
    }

    @Test func theFlagRaisesTheCap() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // 10 rows by 10 columns once padded: 100 cells.
        let book = try writeFile(StoredZip.workbook([("S", #"<row r="1"><c r="A1"><v>1</v></c></row><row r="10"><c r="J10"><v>2</v></c></row>"#)]),
                                 named: "small.xlsx", in: directory)
        let under = try BinaryRunner.run(["convert", book, "--max-output-cells", "99"])
        #expect(under.status == 14 && under.stdout.isEmpty)
        let enough = try BinaryRunner.run(["convert", book, "--max-output-cells", "100"])
        #expect(enough.status == 0, "\(enough.stderr)")
        #expect(enough.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { $0.count(where: { $0 == "," }) } == Array(repeating: 9, count: 10))
        #expect(try BinaryRunner.run(["convert", book, "--max-output-cells", "0"]).status == 64)
    }

    /// `report` writes an unrecognised sheet's CSV as `convert` does, so the same cap and flag hold;
    /// its JSON pads no row past its own last cell, so the far cell costs one row of empty texts.
    @Test func reportCapsTheUnrecognisedSheetItPads() throws {
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let book = try writeFile(Self.farCell, named: "far.xlsx", in: directory)
        let csv = try BinaryRunner.run(["report", book, "--format", "csv", "-q"])
        #expect(csv.status == 14 && csv.stdout.isEmpty, "\(csv.stderr)")
        #expect(csv.stderr.contains("cell XFD1048576") && csv.stderr.contains("--max-output-cells"), "\(csv.stderr)")
        // Padding to XFD1048576 would take hours; the cap refuses at once. A hang guard only: the machine may be busy.
        #expect(csv.seconds < 20, "took \(csv.seconds) s")
        let toFile = try BinaryRunner.run(["report", book, "--format", "csv", "-q", "-o", directory + "/out.csv"])
        #expect(toFile.status == 14)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["far.xlsx"], "something was left behind")

        let json = try BinaryRunner.run(["report", book, "--format", "ndjson", "-q"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.count < 100_000)

        let small = try writeFile(StoredZip.workbook([("S", #"<row r="1"><c r="A1"><v>1</v></c></row><row r="10"><c r="J10"><v>2</v></c></row>"#)]),
                                  named: "small.xlsx", in: directory)
        #expect(try BinaryRunner.run(["report", small, "--format", "csv", "--max-output-cells", "99"]).status == 14)
        #expect(try BinaryRunner.run(["report", small, "--format", "csv", "--max-output-cells", "100"]).status == 0)
        #expect(try BinaryRunner.run(["report", small, "--max-output-cells", "0"]).status == 64)
    }
}
