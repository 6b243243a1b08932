// The C library, in one place for the whole module: a macOS (Darwin) or musl build looks here
// and nowhere else.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#endif
