/// Safety limits for reading untrusted workbooks, and how strict reading is. The defaults read a
/// report of several million rows; each limit has its own error naming it, so a user who trusts a
/// file can raise just that one.
public struct ReaderLimits: Sendable, Hashable {
    /// Bytes inflated from all entries together.
    public var maxInflatedBytes: Int64
    /// Inflated bytes per compressed byte of one entry, checked once an entry passes
    /// `compressionRatioGrace` inflated bytes. Deflate tops out near 1032:1; spreadsheet XML
    /// rarely passes 100:1, zip bombs sit near the top.
    public var maxCompressionRatio: Int64
    /// Inflated bytes of an entry before the ratio is checked (small parts compress wildly).
    public var compressionRatioGrace: Int64
    /// Entries in the archive's central directory.
    public var maxEntries: Int
    /// Bytes of shared strings kept in memory (they are the one structure held whole).
    public var maxSharedStringBytes: Int64
    /// Read past corrupt references (see ``CorruptReference``) instead of failing with an
    /// ``XLSXError/Kind/corruptReference`` error: each is taken as its case describes and counted in
    /// the read's ``SheetReadNotes`` (and ``Workbook/readNotes``). Off by default: in a pipeline,
    /// a cell read as empty because the file is damaged is silent data loss.
    public var lenient: Bool

    public init(
        maxInflatedBytes: Int64 = 16 << 30,
        maxCompressionRatio: Int64 = 500,
        compressionRatioGrace: Int64 = 16 << 20,
        maxEntries: Int = 100_000,
        maxSharedStringBytes: Int64 = 2 << 30,
        lenient: Bool = false
    ) {
        self.maxInflatedBytes = maxInflatedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.compressionRatioGrace = compressionRatioGrace
        self.maxEntries = maxEntries
        self.maxSharedStringBytes = maxSharedStringBytes
        self.lenient = lenient
    }

    /// Excel's own grid: 1,048,576 rows by 16,384 columns (XFD). Cell references beyond it are
    /// rejected rather than allocated for.
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384
}
