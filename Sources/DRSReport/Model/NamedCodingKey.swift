/// A coding key made from a name known only at run time: a record's field keys from its table,
/// a diff's counts keyed by change kind and entity.
struct NamedCodingKey: CodingKey {
    let stringValue: String
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}
