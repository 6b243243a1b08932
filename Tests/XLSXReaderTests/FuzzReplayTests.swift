import Foundation
import Testing
@_spi(Fuzzing) @testable import XLSXReader

/// Every finding of the reader's fuzz targets (FuzzTesting/Regressions/TARGET) and every hand-made
/// seed (FuzzTesting/Seeds/TARGET), replayed through the very entry point the fuzzer calls: a
/// crash, hang or broken invariant fails the run.
@Suite struct FuzzReplayTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FuzzTesting")

    /// The inputs kept for a target, regressions first.
    static func inputs(_ target: String) -> [URL] {
        ["Regressions", "Seeds"].flatMap { kind -> [URL] in
            let directory = folder.appendingPathComponent(kind).appendingPathComponent(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.sorted().map { directory.appendingPathComponent($0) }
        }
    }

    static let targets: [(String, @Sendable (UnsafeRawBufferPointer) -> Void)] = [
        ("FuzzZipArchive", ReaderFuzzing.zipArchive),
        ("FuzzSheetRows", ReaderFuzzing.sheetRows),
        ("FuzzSharedStrings", ReaderFuzzing.sharedStrings),
        ("FuzzStyles", ReaderFuzzing.styles),
        ("FuzzWorkbookPart", ReaderFuzzing.workbookPart),
        ("FuzzCellValue", ReaderFuzzing.cellValue),
    ]

    @Test(arguments: targets.map(\.0))
    func replay(_ target: String) throws {
        let entry = try #require(Self.targets.first { $0.0 == target }?.1)
        let inputs = Self.inputs(target)
        #expect(!inputs.isEmpty, "no inputs kept for \(target)")
        for input in inputs {
            let bytes = try [UInt8](Data(contentsOf: input))
            bytes.withUnsafeBytes { entry($0) }
        }
    }
}
