import Foundation
import Testing
@_spi(Fuzzing) import DRSClient

/// Every finding of the client's fuzz target (FuzzTesting/Regressions/FuzzDRSAnswers) and every
/// hand-made seed (FuzzTesting/Seeds/FuzzDRSAnswers), replayed through the entry point the fuzzer calls.
@Suite struct FuzzReplayTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FuzzTesting")

    @Test func replayAnswers() throws {
        let inputs = ["Regressions", "Seeds"].flatMap { kind -> [URL] in
            let directory = Self.folder.appendingPathComponent(kind).appendingPathComponent("FuzzDRSAnswers")
            return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted().map { directory.appendingPathComponent($0) }
        }
        #expect(inputs.count >= 9, "the hand-made seeds are missing")
        for input in inputs {
            let bytes = try [UInt8](Data(contentsOf: input))
            bytes.withUnsafeBytes { ClientFuzzing.answers($0) }
        }
    }

    /// The target's own check has teeth: the seeds hold text the decoders must make printable.
    @Test func seedsCarryTextToCleanUp() throws {
        let seed = try Data(contentsOf: Self.folder.appendingPathComponent("Seeds/FuzzDRSAnswers/error-apigw-camel"))
        let decoded = try #require(AnswerDecoding.errorBody(seed))
        #expect(decoded.errorMessage?.contains("\u{FFFD}") == true)
    }
}
