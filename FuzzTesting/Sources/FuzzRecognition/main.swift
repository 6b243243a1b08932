@_spi(Fuzzing) import DRSReport

/// libFuzzer's entry point; the target itself is `ReportFuzzing.recognition`, which swift test also replays.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    ReportFuzzing.recognition(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}
