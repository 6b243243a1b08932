/// A value whose JSON has every member, `null` where an optional is absent: its shape is fixed
/// (`schema/`), so a program reading it never has to tell a missing member from an empty one.
/// drsdiff's encoder writes the nulls for a type that says so; the type writes no `encode(to:)`
/// of its own for it. (Foundation's `JSONEncoder` leaves absent optionals out; both decode back.)
public protocol FixedJSONShape: Encodable {}
