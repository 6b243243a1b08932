/// The mode a file written through a temporary file gets when it replaces `path`: the permission
/// bits of the file it replaces, read with `lstat` and only from a regular file, or `newFileMode`
/// (what the umask gives a new file) when there is none, or it is a symlink or anything else.
/// Never setuid, setgid or sticky: a report replacing such a file (or a link to one) must not
/// become executable with another user's rights.
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif
///
/// Modes are `UInt32` here (as wide as `mode_t` on every platform), so that the C library stays
/// internal to this module.
public enum ReplacedFileMode {
    public static let permissionBits: UInt32 = 0o777

    public static func mode(replacing path: String, newFileMode: UInt32) -> UInt32 {
        var existing = stat()
        guard lstat(path, &existing) == 0, existing.st_mode & S_IFMT == S_IFREG else {
            return newFileMode & permissionBits
        }
        return UInt32(existing.st_mode) & permissionBits
    }
}
