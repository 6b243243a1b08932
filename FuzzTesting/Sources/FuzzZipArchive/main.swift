@_spi(Fuzzing) import XLSXReader

/// libFuzzer's entry point; the target itself is `ReaderFuzzing.zipArchive`, which swift test also replays.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    ReaderFuzzing.zipArchive(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}
