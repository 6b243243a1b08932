/// How far the reading of one sheet has got, for a progress display (see ``Workbook/onProgress``).
public struct SheetProgress: Sendable {
    public let sheet: SheetInfo
    /// Inflated XML handed to the parser so far.
    public let bytesRead: Int64
    /// The sheet part's whole inflated size (declared by the archive and verified at the end).
    public let totalBytes: Int64
    /// Rows holding cells completed so far.
    public let rows: Int
}
