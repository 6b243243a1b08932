/// A sheet as the workbook lists it.
public struct SheetInfo: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable {
        case visible, hidden, veryHidden
    }

    public enum Kind: String, Sendable, Hashable, Codable {
        case worksheet, chartsheet, dialogsheet, macrosheet
        /// A relationship type drsdiff does not know; read as a worksheet if it has cells.
        case other
    }

    /// Zero-based position in the workbook's sheet list.
    public let index: Int
    public let name: String
    public let state: State
    public let kind: Kind
    /// The package part holding the sheet, such as `xl/worksheets/sheet1.xml`; nil when the
    /// workbook points at nothing.
    public let part: String?

    public var hasCells: Bool { kind == .worksheet || kind == .macrosheet || kind == .dialogsheet || kind == .other }
}
