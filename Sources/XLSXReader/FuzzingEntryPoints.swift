internal import CDRSDiffZlib
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The reader's fuzz targets, one function per target (FuzzTesting/ builds each into a libFuzzer
/// binary; Tests/XLSXReaderTests replays every committed finding through the same function). Each
/// takes arbitrary bytes, must never crash, hang or leak on them, and checks what must hold
/// whatever the input: errors are fine, broken invariants trap.
///
/// Only for fuzzing: the SPI keeps it out of the public API (`@_spi(Fuzzing) import XLSXReader`).
@_spi(Fuzzing) public enum ReaderFuzzing {
    /// Limits small enough that a fuzz input is judged in milliseconds, yet every check (entry
    /// count, ratio, total) can be reached by a small input.
    public static let limits = ReaderLimits(maxInflatedBytes: 32 << 20, maxCompressionRatio: 200, compressionRatioGrace: 1 << 20,
                                            maxEntries: 1_000, maxSharedStringBytes: 8 << 20)

    // MARK: - Targets

    /// ZIP reading: the central directory (ZIP64, prepended data), local headers, data
    /// descriptors, stored and deflated entries, CRC-32 and size checks, through both the plain
    /// and the prefetching stream. The input is the whole archive.
    public static func zipArchive(_ data: UnsafeRawBufferPointer) {
        withFile(data) { path in
            guard let archive = try? ZipArchive(path: path, limits: limits) else { return }
            for entry in archive.entries.prefix(64) {
                let plain = try? archive.stream(entry).readAll()
                let prefetched = try? readPrefetched(entry, of: archive)
                // The same entry read twice reads the same, or fails both times.
                precondition(plain == prefetched, "\(entry.name): the prefetching stream disagrees with the plain one")
                if let plain { precondition(Int64(plain.count) == entry.uncompressedSize, "\(entry.name): size not checked") }
            }
        }
    }

    /// Sheet XML to rows, through both public APIs, strictly and leniently, with a small shared-
    /// string table and a styles part (dates, times, durations) for cells to refer to. The input
    /// is the worksheet part.
    public static func sheetRows(_ data: UnsafeRawBufferPointer) {
        let package = StoredPackage.workbook(sheets: [Array(data)], sharedStrings: sampleSharedStrings, styles: sampleStyles)
        checkEveryRead(of: package)
    }

    /// The shared-string table: rich text runs, phonetic runs, whitespace and escapes. The input is
    /// the sharedStrings part; a sheet refers to its first strings.
    public static func sharedStrings(_ data: UnsafeRawBufferPointer) {
        let cells = (0..<48).map { "<c t=\"s\"><v>\($0)</v></c>" }.joined()
        let sheet = Array("<worksheet><sheetData><row>\(cells)</row></sheetData></worksheet>".utf8)
        checkEveryRead(of: StoredPackage.workbook(sheets: [sheet], sharedStrings: Array(data), styles: sampleStyles))
    }

    /// Styles and number formats: `cellXfs`, custom `numFmt` codes and the classes drawn from them.
    /// The input is the styles part; a sheet holds numbers in its first styles. Every custom
    /// format code in it is classified on its own as well.
    public static func styles(_ data: UnsafeRawBufferPointer) {
        _ = FormatClass(code: String(decoding: data, as: UTF8.self))
        let cells = (0..<24).map { "<c s=\"\($0)\"><v>\(Double($0) * 1234.567)</v></c><c s=\"\($0)\" t=\"d\"><v>2021-03-04T05:06:07</v></c>" }.joined()
        let sheet = Array("<worksheet><sheetData><row>\(cells)</row></sheetData></worksheet>".utf8)
        checkEveryRead(of: StoredPackage.workbook(sheets: [sheet], sharedStrings: nil, styles: Array(data)))
    }

    /// The package's structure: `_rels/.rels`, the workbook part, its relationships, sheet names,
    /// states and kinds. The input holds the workbook part, then (after a NUL byte) its
    /// relationships, then (after another) the package relationships; parts and sheets they name
    /// exist as `xl/worksheets/sheet1.xml`, `sheet2.xml`, `xl/sharedStrings.xml`, `xl/styles.xml`.
    public static func workbookPart(_ data: UnsafeRawBufferPointer) {
        let pieces = data.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false).map(Array.init)
        var package = StoredPackage()
        package.add("_rels/.rels", pieces.count > 2 ? pieces[2] : Array(StoredPackage.packageRelationships.utf8))
        package.add("xl/workbook.xml", pieces[0])
        if pieces.count > 1 { package.add("xl/_rels/workbook.xml.rels", pieces[1]) }
        package.add("xl/worksheets/sheet1.xml", Array("<worksheet><sheetData><row><c t=\"s\"><v>0</v></c><c s=\"1\"><v>1.5</v></c></row></sheetData></worksheet>".utf8))
        package.add("xl/worksheets/sheet2.xml", Array("<worksheet><dimension ref=\"A1\"/><sheetData><row r=\"2\"><c r=\"B2\"><v>2</v></c></row></sheetData></worksheet>".utf8))
        package.add("xl/sharedStrings.xml", sampleSharedStrings)
        package.add("xl/styles.xml", sampleStyles)
        checkEveryRead(of: package.archive())
    }

    /// Cell-value decoding on its own: the first byte picks the `t=` type (low 3 bits), the number
    /// format class (next 3 bits) and the date system (top bit); the rest is the cell's text as
    /// the parser captured it (numbers, ISO dates, `_xHHHH_` escapes…). Checks that the typed
    /// value and the canonical text agree, that canonical numbers read back to themselves and that
    /// escape decoding never grows the text.
    public static func cellValue(_ data: UnsafeRawBufferPointer) {
        guard let selector = data.first else { return }
        let type = CellType.allCases[Int(selector & 7) % CellType.allCases.count]
        let formatClass = FormatClass(rawValue: ((selector >> 3) & 7) % 5) ?? .number
        let dateSystem: DateSystem = selector & 0x80 != 0 ? .excel1904 : .excel1900
        let text = UnsafeRawBufferPointer(rebasing: data.dropFirst())
        let strings = SharedStrings(["zero", "one", "", " two "])
        let store = RowStore.allocate()
        defer { RowStore.free(store) }
        store.pointee.arena.append("head")
        store.pointee.arena.append(text)
        let decoder = CellDecoder(sharedStrings: strings, styles: CellStyles(classes: [formatClass]))
        let decoded = withExtendedLifetime(strings) {
            decoder.decode(type, column: 2, style: 0, textStart: 4, inlineTrim: (leading: selector & 0x40 == 0, trailing: true), arena: &store.pointee.arena)
        }
        precondition(store.pointee.arena.count >= 4, "the decoder cut into bytes before the cell")
        if case .cell(let cell) = decoded {
            precondition(cell.start >= 4 || cell.isSharedText, "a decoded cell points before its text")
            precondition(Int(cell.start) + Int(cell.length) <= store.pointee.arena.count || cell.isSharedText, "a decoded cell runs past the arena")
            if type != .isoDate && type != .number {
                precondition(Int(cell.length) <= text.count, "decoding grew the text")
            }
            var formatter = CellFormatter(sharedStrings: strings, dateSystem: dateSystem)
            defer { formatter.release() }
            let canonical = String(decoding: formatter.text(of: cell, in: store), as: UTF8.self)
            precondition(formatter.value(of: cell, in: store).text == canonical, "the typed value reads differently from the canonical text")
        }
        // Numbers: a canonical spelling is its own round trip; every parsed number prints canonically.
        let bytes = text.assumingMemoryBound(to: UInt8.self)
        if NumberText.isCanonical(bytes) {
            let value = NumberText.parse(bytes)
            precondition(value != nil, "a canonical number does not parse")
            precondition(NumberText.canonical(value!) == String(decoding: bytes, as: UTF8.self), "a canonical spelling is not canonical")
        }
        if let value = NumberText.parse(bytes) {
            let canonical = NumberText.canonical(value)
            let again = Array(canonical.utf8).withUnsafeBufferPointer { NumberText.parse($0) }
            precondition(again == value, "\(canonical) does not read back as \(value)")
            if let date = dateSystem.dateTime(fromSerial: value, kind: .dateTime) {
                precondition((1...12).contains(date.month) && (1...31).contains(date.day) && date.hour < 24, "impossible date \(date)")
            }
        }
        // _xHHHH_ decoding never needs more room than its escapes.
        var escapes = ByteBuffer(capacity: 16)
        defer { escapes.release() }
        appendDecodingEscapes(bytes, to: &escapes)
        precondition(escapes.count <= bytes.count, "escape decoding grew the text")
    }

    // MARK: - Shared by the targets

    /// Reads every sheet of a package in every way a caller can, checking that they agree.
    private static func checkEveryRead(of package: [UInt8]) {
        package.withUnsafeBytes { bytes in
            withFile(bytes) { path in
                var strict = ReaderFuzzing.limits
                strict.lenient = false
                var lenient = ReaderFuzzing.limits
                lenient.lenient = true
                guard let strictBook = try? Workbook(path: path, limits: strict),
                      let lenientBook = try? Workbook(path: path, limits: lenient) else { return }
                for sheet in strictBook.sheets {
                    _ = try? strictBook.declaredDimension(of: sheet)
                    let viewed = try? rowsViewed(sheet, of: lenientBook)
                    let pulled = try? rowsPulled(sheet, of: lenientBook)
                    precondition(viewed == pulled, "sheet \(sheet.name): forEachRow and RowReader disagree")
                    if let strictRows = try? rowsViewed(sheet, of: strictBook) {
                        // What reads strictly reads the same leniently, with nothing to note.
                        precondition(strictRows == viewed, "sheet \(sheet.name): a strict read differs from a lenient one")
                        precondition(strictBook.readNotes[sheet.index] == nil, "sheet \(sheet.name): a strict read took something past")
                        precondition(strictRows.map(\.index) == strictRows.map(\.index).sorted() && Set(strictRows.map(\.index)).count == strictRows.count,
                                     "sheet \(sheet.name): a strict read let rows out of order")
                    }
                    // A reader dropped after one row must end its thread and leave the workbook usable.
                    _ = try? lenientBook.rows(in: sheet).next()
                }
            }
        }
    }

    /// Every row through `forEachRow`, with the row view's own checks.
    private static func rowsViewed(_ sheet: SheetInfo, of workbook: Workbook) throws -> [Row] {
        var rows: [Row] = []
        try workbook.forEachRow(in: sheet) { view in
            precondition(view.index >= 0 && view.index < ReaderLimits.maxRows, "row index \(view.index) outside the grid")
            for position in 0..<view.count {
                precondition(view.column(position) >= 0 && view.column(position) < ReaderLimits.maxColumns, "column outside the grid")
                if position > 0 { precondition(view.column(position - 1) < view.column(position), "cells out of column order") }
                let text = String(decoding: view.text(position), as: UTF8.self)
                precondition(view.value(position).text == text, "a cell's value and text disagree")
            }
            rows.append(view.makeRow())
        }
        return rows
    }

    private static func rowsPulled(_ sheet: SheetInfo, of workbook: Workbook) throws -> [Row] {
        let reader = try workbook.rows(in: sheet)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    private static func readPrefetched(_ entry: ZipEntry, of archive: ZipArchive) throws -> [UInt8] {
        let stream = try PrefetchingStream(archive.stream(entry))
        var bytes: [UInt8] = []
        while let chunk = try stream.next() { bytes.append(contentsOf: chunk) }
        return bytes
    }

    /// Hands `body` the path of a temporary file holding `data`: the reader reads files, never memory.
    public static func withFile(_ data: UnsafeRawBufferPointer, _ body: (String) -> Void) {
        let directory = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp")
        var template = Array((directory + "/drsdiff-fuzz-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { fatalError("cannot create a temporary file in \(directory)") }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer {
            close(descriptor)
            unlink(path)
        }
        var written = 0
        while written < data.count {
            let count = write(descriptor, data.baseAddress! + written, data.count - written)
            guard count > 0 else { fatalError("cannot write \(path)") }
            written += count
        }
        body(path)
    }

    private static let sampleSharedStrings = Array("""
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>zero</t></si>\
        <si><r><t xml:space="preserve">Regular </t></r><r><rPr><b/></rPr><t>Bold</t></r></si><si><t/></si>\
        <si><t>a_x000D_b</t><rPh><t>ignored</t></rPh></si></sst>
        """.utf8)

    private static let sampleStyles = Array("""
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts>\
        <numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/><numFmt numFmtId="165" formatCode="[h]:mm:ss"/></numFmts>\
        <cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="21"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="2"/></cellXfs></styleSheet>
        """.utf8)
}

/// A ZIP archive of stored (uncompressed) entries, built in memory: fuzz targets wrap the part they
/// vary in a package whose other parts are fixed.
@_spi(Fuzzing) public struct StoredPackage {
    private var entries: [(name: String, data: [UInt8])] = []

    public init() {}

    public mutating func add(_ name: String, _ data: [UInt8]) { entries.append((name, data)) }

    public static let packageRelationships = """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """

    /// A workbook of `sheets` (named Sheet1, Sheet2…), with the shared strings and styles given.
    public static func workbook(sheets: [[UInt8]], names: [String]? = nil, sharedStrings: [UInt8]?, styles: [UInt8]?) -> [UInt8] {
        let relationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var package = StoredPackage()
        package.add("_rels/.rels", Array(packageRelationships.utf8))
        let list = sheets.indices.map { index in
            let name = names.map { $0[index] } ?? "Sheet\(index + 1)"
            return "<sheet name=\"\(escapedAttribute(name))\" sheetId=\"\(index + 1)\" r:id=\"s\(index + 1)\"/>"
        }.joined()
        package.add("xl/workbook.xml", Array("<workbook xmlns:r=\"\(relationship)\"><sheets>\(list)</sheets></workbook>".utf8))
        var links = sheets.indices.map { "<Relationship Id=\"s\($0 + 1)\" Type=\"\(relationship)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
        if sharedStrings != nil { links += "<Relationship Id=\"t\" Type=\"\(relationship)/sharedStrings\" Target=\"sharedStrings.xml\"/>" }
        if styles != nil { links += "<Relationship Id=\"y\" Type=\"\(relationship)/styles\" Target=\"styles.xml\"/>" }
        package.add("xl/_rels/workbook.xml.rels", Array("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(links)</Relationships>".utf8))
        for (index, sheet) in sheets.enumerated() { package.add("xl/worksheets/sheet\(index + 1).xml", sheet) }
        if let sharedStrings { package.add("xl/sharedStrings.xml", sharedStrings) }
        if let styles { package.add("xl/styles.xml", styles) }
        return package.archive()
    }

    /// `&`, `<`, `"` escaped, for text put in an attribute.
    public static func escapedAttribute(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    public func archive() -> [UInt8] {
        var bytes: [UInt8] = []
        var directory: [UInt8] = []
        for entry in entries {
            let name = Array(entry.name.utf8)
            let crc = UInt32(entry.data.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) })
            let offset = UInt32(bytes.count)
            let size = UInt32(entry.data.count)
            bytes += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le32(0) + le32(crc) + le32(size) + le32(size) + le16(UInt16(name.count)) + le16(0) + name + entry.data
            directory += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le32(0) + le32(crc) + le32(size) + le32(size)
                + le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let directoryOffset = UInt32(bytes.count)
        bytes += directory
        bytes += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
            + le32(UInt32(directory.count)) + le32(directoryOffset) + le16(0)
        return bytes
    }

    private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
}
