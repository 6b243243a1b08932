/// A credential value (token, secret key, password) that never appears in descriptions, dumps,
/// string interpolation or logs: printing a `Secret` by mistake shows `<redacted>`.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The real value; read only where it goes on the wire or is compared.
    package let value: String

    public init(_ value: String) {
        self.value = value
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
