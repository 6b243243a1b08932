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

    struct MissingBinary: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) is missing: run `swift build` before `swift test` (these tests run the built binary)" }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func binary() throws -> String {
        let binary = path(".build/debug/drsdiff")
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw MissingBinary(path: binary) }
        return binary
    }

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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        process.arguments = arguments
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("drsdiff-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Files, not pipes: outputs can be large and nothing must block.
        let out = directory.appendingPathComponent("out"), err = directory.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        if let stdin {
            let input = directory.appendingPathComponent("in")
            try stdin.write(to: input)
            process.standardInput = try FileHandle(forReadingFrom: input)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: try Data(contentsOf: out),
                      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    static func temporaryFile(_ data: Data, suffix: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("drsdiff-\(UUID().uuidString)\(suffix)").path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }
}
