@_spi(Fuzzing) import DRSReport

/// libFuzzer's entry point; the target itself is `ReportFuzzing.vocabularyFile`, which swift test also replays.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    ReportFuzzing.vocabularyFile(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}
