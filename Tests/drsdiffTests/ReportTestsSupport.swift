import Foundation
import Testing

/// Runs the built `drsdiff` binary for the report commands' tests, and finds the samples.
enum ReportCLI {
    struct Result {
        let status: Int32
        let stdout: Data
        let stderr: String
        var output: String { String(decoding: stdout, as: UTF8.self) }
    }

    static let root = BinaryRunner.root

    static func path(_ relative: String) -> String { BinaryRunner.path(relative) }

    /// The ten DRS report samples, by name (`lines_en-us`).
    static let samples: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path("samples/reports"))) ?? []
        return names.filter { $0.hasSuffix(".xlsx") }.map { String($0.dropLast(5)) }.sorted()
    }()

    static func sample(_ name: String) -> String { path("samples/reports/\(name).xlsx") }

    static let readerSamples: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path("samples/xlsx"))) ?? []
        return names.filter { $0.hasSuffix(".xlsx") }.map { path("samples/xlsx/" + $0) }.sorted()
    }()

    /// Runs `drsdiff arguments…`, feeding `stdin` when given, and waits for it.
    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Result {
        var inputPath: String?
        if let stdin { inputPath = try temporaryFile(stdin, suffix: ".in") }
        defer { inputPath.map { try? FileManager.default.removeItem(atPath: $0) } }
        let result = try BinaryRunner.run(arguments, stdinPath: inputPath)
        return Result(status: result.status, stdout: Data(result.stdout), stderr: result.stderr)
    }

    /// A file in this test process's scratch directory, which is removed when the process exits.
    static func temporaryFile(_ data: Data, suffix: String) throws -> String {
        let path = scratchDirectory + "/" + UUID().uuidString + suffix
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    private static let scratchDirectory: String = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("drsdiff-tests-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: ReportCLI.scratchDirectory) }
        return directory
    }()
}

/// Golden files under the repository: a mismatch names the first differing line.
enum GoldenFile {
    static func compare(_ output: String, golden: String) throws {
        let expected = try String(contentsOfFile: ReportCLI.path(golden), encoding: .utf8)
        guard output != expected else { return }
        let got = output.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
        Issue.record("""
            \(golden) differs at line \(line + 1) (scripts/update-goldens.sh regenerates it):
              want: \(line < want.count ? String(want[line]) : "<end>")
              got:  \(line < got.count ? String(got[line]) : "<end>")
            """)
    }
}
