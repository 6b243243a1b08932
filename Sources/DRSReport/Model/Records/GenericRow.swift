/// A row of a sheet drsdiff could not recognise: its cells' texts from column A to the last one
/// holding a value, empty strings in the gaps.
public struct GenericRow: Sendable, Hashable, Codable {
    public var sheet: String
    public var row: Int
    public var values: [String]
}
