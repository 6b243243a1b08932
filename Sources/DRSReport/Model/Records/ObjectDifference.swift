/// Object comparison, one object: its definition on each side and the result.
public struct ObjectDifference: Sendable, Hashable, Codable {
    public var sheet: String
    public var row: Int
    public var objectType: Interpreted<ObjectType>?
    public var sourceDatabase: String?
    public var targetDatabase: String?
    public var objectName: String?
    public var sourceValue: String?
    public var targetValue: String?
    public var status: Interpreted<ComparisonStatus>?
    public var message: String?
    public var extra: [ExtraField]

    enum CodingKeys: String, CodingKey {
        case sheet, row, objectType = "object_type", sourceDatabase = "source_database", targetDatabase = "target_database"
        case objectName = "object_name", sourceValue = "source_value", targetValue = "target_value", status, message, extra
    }
}
