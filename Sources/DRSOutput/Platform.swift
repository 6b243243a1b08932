// Each file imports the C library itself, internally: a module that re-exported it (as this one
// once did) put all of it in its users' namespace.
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// write(2), under a name that no `write` method hides (here or in the command-line tool).
package func writeToDescriptor(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
