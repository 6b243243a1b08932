// The C library, in one place for the whole module: a macOS (Darwin) or musl build looks here
// and nowhere else.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#endif

/// pread(2), under a name that no `pread` method in this module hides.
func readAtOffset(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int, _ offset: off_t) -> Int {
    pread(descriptor, buffer, count, offset)
}
