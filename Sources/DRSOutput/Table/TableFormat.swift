import DRSReport
/// The formats a sheet can be written as.
public enum TableFormat: String, Sendable, CaseIterable {
    /// RFC 4180, comma-separated, LF after every record, quoted only where needed.
    case csv
    /// One JSON array holding one array per row, with typed values.
    case json
    /// One JSON array per line.
    case ndjson
    /// A GitHub-flavoured Markdown table; the first row is the header.
    case markdown = "md"

    public var fileExtension: String {
        switch self {
        case .csv: return "csv"
        case .json: return "json"
        case .ndjson: return "ndjson"
        case .markdown: return "md"
        }
    }
}

/// What writing a sheet produced, for notes on stderr.
public struct TableSummary: Sendable {
    /// Records written, blank interior rows included.
    public var records = 0
    /// Fields per record.
    public var width = 0
    /// When a row wider than every earlier one arrived after output had begun streaming, its
    /// zero-based index: records before it carry fewer fields than later ones.
    public var widenedAtRow: Int?
    /// Rows whose index was not above the previous row's (written in document order anyway).
    public var rowsOutOfOrder = 0
    /// Shared-string indices past the table, written as empty cells.
    public var missingSharedStrings = 0
}
