import Foundation
import Testing
@_spi(Fuzzing) import DRSReport

/// Every finding of the report model's fuzz targets (FuzzTesting/Regressions/TARGET) and every
/// hand-made seed (FuzzTesting/Seeds/TARGET), replayed through the entry point the fuzzer calls.
@Suite struct FuzzReplayTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FuzzTesting")

    static let targets: [(String, @Sendable (UnsafeRawBufferPointer) -> Void)] = [
        ("FuzzVocabularyFile", ReportFuzzing.vocabularyFile),
        ("FuzzRecognition", ReportFuzzing.recognition),
    ]

    @Test(arguments: targets.map(\.0))
    func replay(_ target: String) throws {
        let entry = try #require(Self.targets.first { $0.0 == target }?.1)
        let inputs = ["Regressions", "Seeds"].flatMap { kind -> [URL] in
            let directory = Self.folder.appendingPathComponent(kind).appendingPathComponent(target)
            return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted().map { directory.appendingPathComponent($0) }
        }
        #expect(!inputs.isEmpty, "no inputs kept for \(target)")
        for input in inputs {
            let bytes = try [UInt8](Data(contentsOf: input))
            bytes.withUnsafeBytes { entry($0) }
        }
    }
}
