/// Object comparison, one object type: how many on each side, and the result.
public struct ObjectTypeSummary: Sendable, Hashable, Codable {
    public var sheet: String
    /// 1-based row in the sheet.
    public var row: Int
    public var objectType: Interpreted<ObjectType>?
    public var sourceCount: Int64?
    public var targetCount: Int64?
    public var status: Interpreted<ComparisonStatus>?
    public var extra: [ExtraField]

    enum CodingKeys: String, CodingKey {
        case sheet, row, objectType = "object_type", sourceCount = "source_count", targetCount = "target_count", status, extra
    }
}
