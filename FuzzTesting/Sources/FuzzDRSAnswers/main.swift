@_spi(Fuzzing) import DRSClient

/// libFuzzer's entry point; the target itself is `ClientFuzzing.answers`, which swift test also replays.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    ClientFuzzing.answers(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}
