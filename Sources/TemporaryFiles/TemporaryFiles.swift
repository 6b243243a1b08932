/// Tells a program about each temporary file a library creates: just before it exists, and once
/// it is gone (renamed into place or removed). Libraries install no signal handlers; a program
/// that wants no temporary file left behind when it is killed by a signal removes, in its own
/// handler, the paths it learns here (drsdiff does). DRSClient's downloads and DRSOutput's
/// output files take these hooks.
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif
public struct TemporaryFileHooks: Sendable {
    public var willCreate: @Sendable (_ path: String) -> Void
    public var didRemove: @Sendable (_ path: String) -> Void

    public init(willCreate: @escaping @Sendable (String) -> Void, didRemove: @escaping @Sendable (String) -> Void) {
        self.willCreate = willCreate
        self.didRemove = didRemove
    }
}

/// The names of temporary files: `.NAME.drsdiff-tmp-XXXXXX` beside the file they will become,
/// hidden, and saying what they are, so that one left by a crash (SIGKILL) is recognisable, never
/// taken for a result, and never in the way of the next run (whose name differs in its random
/// part, and which creates its own with O_EXCL).
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

/// Creates temporary files and directories under ``TemporaryFileName``s, announcing each to the
/// hooks before it exists (so a signal handler can never miss one), exclusively (`O_EXCL`: an
/// existing name, a leftover of a crash included, is never reused).
public enum TemporaryFile {
    /// Why no temporary file could be made: the C error, for the caller's own message.
    public struct CreationError: Error, Sendable {
        public let directory: String
        /// `errno`, or 0 when every name tried existed.
        public let code: Int32

        public var reason: String {
            code == 0 ? "every name tried exists" : String(cString: strerror(code))
        }
    }

    /// A new file `.BASE.drsdiff-tmp-XXXXXX` in `directory`, open for reading and writing, with
    /// the mode any new file gets here (0666 less the umask).
    public static func create(
        in directory: String, for base: String, hooks: TemporaryFileHooks?
    ) throws(CreationError) -> (path: String, descriptor: Int32) {
        try make(in: directory, for: base, hooks: hooks) { path in
            open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        }
    }

    /// A new directory `.BASE.drsdiff-tmp-XXXXXX` in `directory`, mode 0700.
    public static func createDirectory(
        in directory: String, for base: String, hooks: TemporaryFileHooks?
    ) throws(CreationError) -> String {
        try make(in: directory, for: base, hooks: hooks) { path in mkdir(path, 0o700) }.path
    }

    private static func make(
        in directory: String, for base: String, hooks: TemporaryFileHooks?, _ create: (String) -> Int32
    ) throws(CreationError) -> (path: String, descriptor: Int32) {
        for _ in 0..<100 {
            let path = (directory.hasSuffix("/") ? directory : directory + "/") + TemporaryFileName.make(for: base)
            hooks?.willCreate(path)
            let result = create(path)
            if result >= 0 { return (path, result) }
            let failure = errno
            hooks?.didRemove(path)
            guard failure == EEXIST else { throw CreationError(directory: directory, code: failure) }
        }
        throw CreationError(directory: directory, code: 0)
    }
}
