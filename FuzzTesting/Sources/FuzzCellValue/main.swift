@_spi(Fuzzing) import XLSXReader

/// libFuzzer's entry point; the target itself is `ReaderFuzzing.cellValue`, which swift test also replays.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    ReaderFuzzing.cellValue(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}
