/// Object comparison, one object type: how many on each side, and the result.
public struct ObjectTypeSummaryFields: RecordFields {
    public let objectType = Field<Interpreted<ObjectType>>("object_type", .objectType)
    public let sourceCount = Field<Int64>("source_count", .sourceCount)
    public let targetCount = Field<Int64>("target_count", .targetCount)
    public let status = Field<Interpreted<ComparisonStatus>>("status", .status)

    public init() {}
    public static let layout = FieldLayout(Self())
    public static var readsObjectStatusCodes: Bool { true }
}

public typealias ObjectTypeSummary = Record<ObjectTypeSummaryFields>
