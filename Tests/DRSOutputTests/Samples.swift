import Foundation
import DRSOutput

/// The repository's sample workbooks, found from this file's location so tests run from any directory.
enum Samples {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The ten DRS report samples, by name (`lines_en-us`).
    static let reports: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path("samples/reports"))) ?? []
        return names.filter { $0.hasSuffix(".xlsx") }.map { String($0.dropLast(5)) }.sorted()
    }()

    static func report(_ name: String) -> String { path("samples/reports/\(name).xlsx") }
}

extension Samples {
    /// What `write` writes, through a real file.
    static func written(_ write: (ByteSink) throws -> Void) throws -> String {
        let path = NSTemporaryDirectory() + "drsoutput-\(UUID().uuidString)"
        let file = try OutputFile(path: path)
        try write(file.sink)
        try file.commit()
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try String(contentsOfFile: path, encoding: .utf8)
    }
}
