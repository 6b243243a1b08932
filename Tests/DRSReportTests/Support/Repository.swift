import Foundation

/// Paths inside the repository, found from this file's location so tests run from any directory.
enum Repository {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The ten DRS report samples, by name (`lines_en-us`).
    static let reportSamples: [String] = {
        let directory = path("samples/reports")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".xlsx") }.map { String($0.dropLast(5)) }.sorted()
    }()

    static func reportSample(_ name: String) -> String { path("samples/reports/\(name).xlsx") }

    /// The reader samples: workbooks that are not DRS reports.
    static let readerSamples: [String] = {
        let directory = path("samples/xlsx")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".xlsx") }.map { directory + "/" + $0 }.sorted()
    }()
}

/// A sample's `<name>.truth.json`: what its generator put in, by meaning.
struct SampleTruth {
    let json: [String: Any]

    init(_ name: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Repository.path("samples/reports/\(name).truth.json")))
        json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    var compareType: String { json["compare_type"] as! String }
    var language: String { json["language"] as! String }
    var sections: [[String: Any]] { json["sections"] as! [[String: Any]] }
    var metadata: [[String: Any]] { json["metadata"] as! [[String: Any]] }
    var titles: [[String: Any]] { json["titles"] as! [[String: Any]] }
}

extension SampleTruth {
    /// Whether a record's value (in the truth's terms) is the truth's: numbers by value, texts
    /// exactly; a list of names matches a truth naming any of them (a repair state by name or text).
    static func same(_ found: Any?, _ want: Any?) -> Bool {
        guard let found, let want else { return found == nil && want == nil }
        if let names = found as? [String], let want = want as? String { return names.contains(want) }
        if let want = want as? NSNumber {
            if let found = found as? Int64 { return found == want.int64Value }
            if let found = found as? Int { return found == want.intValue }
            if let found = found as? Double { return found == want.doubleValue }
            return false
        }
        if let want = want as? String { return (found as? String) == want }
        return false
    }
}

/// The before/after pairs of samples/diff, by name (`lines_en-us`), and their truth files.
enum DiffSamples {
    static let names: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Repository.path("samples/diff"))) ?? []
        return names.filter { $0.hasSuffix(".truth.json") }.map { String($0.dropLast(11)) }.sorted()
    }()

    static func before(_ name: String) -> String { Repository.path("samples/diff/\(name).before.xlsx") }
    static func after(_ name: String) -> String { Repository.path("samples/diff/\(name).after.xlsx") }

    static func truth(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Repository.path("samples/diff/\(name).truth.json")))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
}
