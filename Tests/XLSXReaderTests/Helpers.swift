@testable import XLSXReader

/// Reads every row of the first sheet of a fixture as canonical texts, gaps filled with "".
func readTexts(_ fixture: WorkbookFixture) throws -> [[String]] {
    try withWorkbook(fixture.zip().bytes()) { workbook in
        let reader = try workbook.rows(in: workbook.sheets[0])
        var rows: [[String]] = []
        while let row = try reader.next() {
            while rows.count < row.index { rows.append([]) }
            rows.append(row.texts)
        }
        return rows
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
    do {
        try withWorkbook(bytes, limits: limits) { workbook in
            for sheet in workbook.sheets {
                let reader = try workbook.rows(in: sheet)
                while try reader.next() != nil {}
            }
        }
        return nil
    } catch let error as XLSXError {
        return error.kind
    } catch {
        return nil
    }
}

func failure(_ bytes: [UInt8], limits: ReaderLimits = ReaderLimits()) -> XLSXError? {
    do {
        try withWorkbook(bytes, limits: limits) { workbook in
            for sheet in workbook.sheets {
                let reader = try workbook.rows(in: sheet)
                while try reader.next() != nil {}
            }
        }
        return nil
    } catch let error as XLSXError {
        return error
    } catch {
        return nil
    }
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
