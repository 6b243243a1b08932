@_spi(Fuzzing) import XLSXReader

/// The report model's fuzz targets (see `ReaderFuzzing` in XLSXReader for the conventions): each
/// takes arbitrary bytes and must never crash, hang or leak on them.
@_spi(Fuzzing) public enum ReportFuzzing {
    /// Recognition, record building and the summary over arbitrary rows. The input is text: sheets
    /// separated by form feeds (0x0C), each a name line then rows of tab-separated cells; a cell
    /// that reads as a number is stored as one, anything else as an inline string.
    public static func recognition(_ data: UnsafeRawBufferPointer) {
        let sheets = data.split(separator: 0x0C, omittingEmptySubsequences: false).prefix(8).map { block in
            String(decoding: block, as: UTF8.self)
        }
        read(workbookOf: sheets, vocabulary: .standard)
    }

    /// The vocabulary file parser (JSON, its schema, patterns and synonyms); a vocabulary that
    /// loads then recognises a small report in both languages. The input is the file.
    public static func vocabularyFile(_ data: UnsafeRawBufferPointer) {
        var vocabulary = Vocabulary.standard
        do {
            try vocabulary.load(json: Array(data), source: "fuzz.json")
        } catch {
            return
        }
        read(workbookOf: sampleReport, vocabulary: vocabulary)
    }

    /// Builds the workbook, recognises it and reads every record and the summary.
    private static func read(workbookOf sheets: [String], vocabulary: Vocabulary) {
        var names: [String] = []
        var parts: [[UInt8]] = []
        for (index, sheet) in sheets.enumerated() {
            var lines = sheet.split(separator: "\n", omittingEmptySubsequences: false).prefix(201)
            let name = lines.isEmpty ? "" : String(lines.removeFirst())
            // Excel's rules for sheet names (unique, 1 to 31 characters, no []:*?/\) are the writer's job;
            // any name that reaches the reader must be handled, so only uniqueness is kept.
            names.append(xmlSafe(String(name.prefix(31))) + (names.contains(xmlSafe(String(name.prefix(31)))) ? " \(index)" : ""))
            let rows = lines.enumerated().map { row, line in
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false).prefix(64).enumerated().map { column, text in
                    cell(String(text), row: row, column: column)
                }.joined()
                return "<row r=\"\(row + 1)\">\(cells)</row>"
            }.joined()
            parts.append(Array("<worksheet><sheetData>\(rows)</sheetData></worksheet>".utf8))
        }
        let package = StoredPackage.workbook(sheets: parts, names: names, sharedStrings: nil, styles: nil)
        package.withUnsafeBytes { bytes in
            ReaderFuzzing.withFile(bytes) { path in
                guard let workbook = try? Workbook(path: path, limits: ReaderFuzzing.limits),
                      let file = try? ReportWorkbook(workbook: workbook, vocabulary: vocabulary) else { return }
                try? file.forEachRecord { _, record in
                    _ = record.category
                    _ = record.problemDescription
                }
                _ = try? file.summary(top: 5)
            }
        }
    }

    private static func cell(_ text: String, row: Int, column: Int) -> String {
        let reference = CellReference(row: row, column: column).description
        if text.isEmpty { return "" }
        if let number = Double(text), number.isFinite, !text.contains(where: { $0.isLetter }) {
            return "<c r=\"\(reference)\"><v>\(number)</v></c>"
        }
        return "<c r=\"\(reference)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(xmlSafe(text))</t></is></c>"
    }

    /// The text as XML character data: markup escaped, and characters XML 1.0 cannot carry replaced
    /// (a workbook cannot hold them either).
    private static func xmlSafe(_ text: String) -> String {
        var safe = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": safe += "&amp;"
            case "<": safe += "&lt;"
            case ">": safe += "&gt;"
            case "\"": safe += "&quot;"
            case "\t", "\n", "\r": safe.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let allowed = value >= 0x20 && !(0xFFFE...0xFFFF).contains(value)
                safe.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return safe
    }

    /// A small row-count report in both languages, for a loaded vocabulary to recognise.
    private static let sampleReport = [
        "Overview\nTask ID\tJOB-1\nCompare type\tRow comparison\n\nSource Database\tTarget Database\tResult\nshop\tshop\tConsistent",
        "Table Results\nSource Database\tSource Table\tTarget Database\tTarget Table\tSource Rows\tTarget Rows\tDifference\tResult\n"
            + "shop\torders\tshop\torders\t10\t9\t1\tInconsistent\nshop\tusers\tshop\tusers\t5\t5\t0\tConsistent",
        "表级对比结果\n源库名\t源表名\t目标库名\t目标表名\t源库行数\t目标库行数\t差异\t对比结果\nshop\torders\tshop\torders\t10\t9\t1\t不一致",
    ]
}
