/// Object comparison, one object: its definition on each side and the result.
public struct ObjectDifferenceFields: RecordFields {
    public let objectType = Field<Interpreted<ObjectType>>("object_type", .objectType)
    public let sourceDatabase = Field<String>("source_database", .sourceDatabase)
    public let targetDatabase = Field<String>("target_database", .targetDatabase)
    public let objectName = Field<String>("object_name", .objectName)
    public let sourceValue = Field<String>("source_value", .sourceValue)
    public let targetValue = Field<String>("target_value", .targetValue)
    public let status = Field<Interpreted<ComparisonStatus>>("status", .status)
    public let message = Field<String>("message", .message)
    /// Whether the object exists on each side, where the report says so in a column of its own.
    public let sourceExists = Field<Interpreted<ObjectExistence>>("source_exists", .sourceExists)
    public let targetExists = Field<Interpreted<ObjectExistence>>("target_exists", .targetExists)

    public init() {}
    public static let layout = FieldLayout(Self())
    public static var readsObjectStatusCodes: Bool { true }
}

public typealias ObjectDifference = Record<ObjectDifferenceFields>
