/// A cell's value, typed as the workbook stores it and as its number format presents it.
public enum CellValue: Sendable, Hashable {
    case empty
    case text(String)
    case number(Double)
    case boolean(Bool)
    /// An error value as Excel shows it: `#DIV/0!`, `#N/A`, `#VALUE!`…
    case error(String)
    /// A number shown through a date, time or date-time format (or a `t="d"` cell).
    case dateTime(ExcelDateTime)
    /// A number shown through an elapsed-time format such as `[h]:mm:ss`.
    case duration(ExcelDuration)

    public var isEmpty: Bool {
        if case .empty = self { return true }
        if case .text(let text) = self { return text.isEmpty }
        return false
    }

    /// The text the value reads as, by the canonical rules every output shares: shortest
    /// round-trip numbers (`929`, `0.1`, `5e-05`), `TRUE`/`FALSE`, ISO 8601 dates.
    public var text: String {
        switch self {
        case .empty: return ""
        case .text(let text): return text
        case .number(let number): return NumberText.canonical(number)
        case .boolean(let flag): return flag ? "TRUE" : "FALSE"
        case .error(let code): return code
        case .dateTime(let dateTime): return dateTime.description
        case .duration(let duration): return duration.description
        }
    }
}

extension CellValue: CustomStringConvertible {
    public var description: String { text }
}

/// One non-empty cell of a row.
public struct Cell: Sendable, Hashable {
    /// Zero-based column: 0 is A, 16,383 is XFD.
    public let column: Int
    public let value: CellValue

    public init(column: Int, value: CellValue) {
        self.column = column
        self.value = value
    }
}

/// One row of a sheet, holding only its non-empty cells in column order.
public struct Row: Sendable, Hashable {
    /// Zero-based row index: 0 is the sheet's row 1.
    public let index: Int
    /// Non-empty cells, in ascending column order.
    public let cells: [Cell]

    public init(index: Int, cells: [Cell]) {
        self.index = index
        self.cells = cells
    }

    /// The value at a zero-based column, `.empty` where the row has none.
    public subscript(column: Int) -> CellValue {
        var low = 0
        var high = cells.count
        while low < high {
            let middle = (low + high) / 2
            if cells[middle].column < column { low = middle + 1 } else { high = middle }
        }
        return low < cells.count && cells[low].column == column ? cells[low].value : .empty
    }

    /// Columns 0 up to the last non-empty one, with `.empty` in the gaps.
    public var values: [CellValue] {
        guard let last = cells.last else { return [] }
        var values = [CellValue](repeating: .empty, count: last.column + 1)
        for cell in cells { values[cell.column] = cell.value }
        return values
    }

    /// The row's texts from column 0 up to the last non-empty one.
    public var texts: [String] { values.map(\.text) }
}

/// An A1-style reference such as `C7`, for messages.
public struct CellReference: Sendable, Hashable, CustomStringConvertible {
    public let row: Int
    public let column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    public var description: String { CellReference.columnName(column) + String(row + 1) }

    /// `0` → `A`, `25` → `Z`, `26` → `AA`.
    public static func columnName(_ column: Int) -> String {
        var number = column + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }
}
