import Testing
@testable import XLSXReader

/// Reads every row of the first sheet of a fixture as canonical texts, gaps filled with "",
/// through both APIs (the `forEachRow` fast path and the threaded `RowReader`), which must agree.
func readTexts(_ fixture: WorkbookFixture, limits: ReaderLimits = ReaderLimits()) throws -> [[String]] {
    try readTexts(bytes: fixture.zip().bytes(), limits: limits)
}

func readTexts(bytes: [UInt8], sheet: Int = 0, limits: ReaderLimits = ReaderLimits()) throws -> [[String]] {
    try withWorkbook(bytes, limits: limits) { workbook in
        let reader = try workbook.rows(in: workbook.sheets[sheet])
        var pulled: [[String]] = []
        while let row = try reader.next() {
            while pulled.count < row.index { pulled.append([]) }
            pulled.append(row.texts)
        }
        var viewed: [[String]] = []
        try workbook.forEachRow(in: workbook.sheets[sheet]) { row in
            while viewed.count < row.index { viewed.append([]) }
            var texts = [String](repeating: "", count: row.lastColumn + 1)
            for position in 0..<row.count {
                texts[row.column(position)] = String(decoding: row.text(position), as: UTF8.self)
                #expect(row.value(position).text == texts[row.column(position)])
            }
            viewed.append(texts)
        }
        #expect(pulled == viewed, "RowReader and forEachRow disagree")
        return pulled
    }
}

/// The typed value of the first cell of the first row.
func firstValue(_ fixture: WorkbookFixture) throws -> CellValue {
    try withWorkbook(fixture.zip().bytes()) { workbook in
        try workbook.rows(in: workbook.sheets[0]).next()?.cells.first?.value ?? .empty
    }
}

func withWorkbook<T>(_ bytes: [UInt8], limits: ReaderLimits = ReaderLimits(), _ body: (Workbook) throws -> T) throws -> T {
    let file = TemporaryFile(bytes)
    defer { file.remove() }
    return try body(Workbook(path: file.path, limits: limits))
}

/// Opens and reads every sheet fully; returns the error kind, or nil when everything read.
func failureKind(_ bytes: [UInt8], limits: ReaderLimits = ReaderLimits()) -> XLSXError.Kind? {
    failure(bytes, limits: limits)?.kind
}

/// The error reading every sheet ends in, through both APIs, which must fail alike.
func failure(_ bytes: [UInt8], limits: ReaderLimits = ReaderLimits()) -> XLSXError? {
    func attempt(_ read: (Workbook, SheetInfo) throws -> Void) -> XLSXError? {
        do {
            try withWorkbook(bytes, limits: limits) { workbook in
                for sheet in workbook.sheets { try read(workbook, sheet) }
            }
            return nil
        } catch let error as XLSXError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }
    let pushed = attempt { workbook, sheet in
        let reader = try workbook.rows(in: sheet)
        while try reader.next() != nil {}
    }
    let pulled = attempt { workbook, sheet in try workbook.forEachRow(in: sheet) { _ in } }
    #expect(pushed?.kind == pulled?.kind, "APIs disagree: \(String(describing: pushed)) vs \(String(describing: pulled))")
    #expect(pushed?.part == pulled?.part)
    return pulled
}

/// A styles part whose cellXfs entry `i` uses `formats[i]` (an id, or a custom code given an id ≥ 164).
func styles(_ formats: [(id: Int, code: String?)]) -> String {
    let custom = formats.compactMap { format in format.code.map { "<numFmt numFmtId=\"\(format.id)\" formatCode=\"\(xmlEscaped($0))\"/>" } }
    return "<styleSheet xmlns=\"\(WorkbookFixture.mainNamespace)\"><numFmts>\(custom.joined())</numFmts>"
        + "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
        + "<cellXfs>" + formats.map { "<xf numFmtId=\"\($0.id)\"/>" }.joined() + "</cellXfs></styleSheet>"
}

func xmlEscaped(_ text: String) -> String {
    var out = ""
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.append(character)
        }
    }
    return out
}
