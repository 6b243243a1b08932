// Each file imports the C library itself, internally: a module that re-exported it (as this one
// once did) put all of it in its users' namespace.
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// pread(2), under a name that no `pread` method in this module hides.
func readAtOffset(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int, _ offset: off_t) -> Int {
    pread(descriptor, buffer, count, offset)
}
