/// A row of a sheet drsdiff could not recognise: its cells' texts from column A to the last one
/// holding a value, empty strings in the gaps.
public struct GenericRowFields: RecordFields {
    public let values = Field<[String]>("values", nil)

    public init() {}
    public static let layout = FieldLayout(Self())
    public static var keepsExtraCells: Bool { false }
}

public typealias GenericRow = Record<GenericRowFields>
