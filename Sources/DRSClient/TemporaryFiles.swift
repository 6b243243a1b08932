import Foundation

/// Tells a program about each temporary file the client creates: just before it exists, and once
/// it is gone (renamed into place or removed). Libraries install no signal handlers; a program
/// that wants no temporary file left behind when it is killed by a signal removes, in its own
/// handler, the paths it learns here (drsdiff does).
public struct TemporaryFileHooks: Sendable {
    public var willCreate: @Sendable (_ path: String) -> Void
    public var didRemove: @Sendable (_ path: String) -> Void

    public init(willCreate: @escaping @Sendable (String) -> Void, didRemove: @escaping @Sendable (String) -> Void) {
        self.willCreate = willCreate
        self.didRemove = didRemove
    }
}

/// The names of temporary files: `.NAME.drsdiff-tmp-XXXXXX` beside the file they will become,
/// hidden, and saying what they are, so that one left by a crash (SIGKILL) is recognisable and
/// never taken for a result.
public enum TemporaryFileName {
    public static let marker = ".drsdiff-tmp-"
    /// File names are at most 255 bytes; the destination's part is cut to leave room.
    static let maximumBaseBytes = 200
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// A fresh name for a temporary file that will become `base` (a file name, not a path).
    public static func make(for base: String) -> String {
        var kept = ""
        for character in base {
            guard kept.utf8.count + character.utf8.count <= maximumBaseBytes else { break }
            kept.append(character)
        }
        let suffix = String((0..<6).map { _ in alphabet.randomElement()! })
        return "." + kept + marker + suffix
    }

    /// Whether `name` (a file name) is one of these.
    public static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(marker)
    }
}
