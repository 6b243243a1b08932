@_spi(Fuzzing) import XLSXReader

/// libFuzzer's entry point; the target itself is `ReaderFuzzing.sharedStrings`, which swift test also replays.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    ReaderFuzzing.sharedStrings(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}
