/// A cell under a header that matched no concept (or whose value could not be read as the
/// concept expects, such as `n/a` under a row count): kept so that nothing in the file is lost.
public struct ExtraField: Sendable, Hashable, Codable {
    /// The column's letter: `K`.
    public var column: String
    /// The column's header text; empty for a cell right of the header.
    public var header: String
    public var value: String

    public init(column: String, header: String, value: String) {
        self.column = column
        self.header = header
        self.value = value
    }
}
