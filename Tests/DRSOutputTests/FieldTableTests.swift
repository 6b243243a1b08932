import Foundation
import Testing
@testable import DRSOutput
import DRSReport

/// A record kind's fields are declared once, in its field table: the schema file, the CSV header
/// and the NDJSON members must all follow it.
struct FieldTableTests {
    nonisolated(unsafe) static let schema: [String: Any] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: Samples.path("schema/drsdiff.report.v1.json")))
        return (try! JSONSerialization.jsonObject(with: data) as! [String: Any])["$defs"] as! [String: Any]
    }()

    @Test(arguments: SectionKind.allCases)
    func theSchemaListsTheTableFieldsInOrder(_ kind: SectionKind) throws {
        let definition = try #require(FieldTableTests.schema["record_" + kind.rawValue] as? [String: Any], "no record_\(kind.rawValue) in the schema")
        let expected = ["kind", "sheet", "row"] + kind.fields.map(\.key) + (kind.recordType.keepsExtraCells ? ["extra"] : [])
        #expect(definition["required"] as? [String] == expected)
        let properties = try #require(definition["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(expected))
        for field in kind.fields {
            let property = try #require(properties[field.key] as? [String: Any])
            #expect(FieldTableTests.shape(of: property) == FieldTableTests.shape(of: field.type), "\(kind.rawValue).\(field.key)")
        }
    }

    /// What a schema fragment accepts, reduced to a word.
    static func shape(of property: [String: Any]) -> String {
        if let reference = property["$ref"] as? String { return reference }
        if let types = property["type"] as? [String] { return types.joined(separator: "|") }
        if property["type"] as? String == "array" { return "array" }
        if let choices = property["oneOf"] as? [[String: Any]], let object = choices.first(where: { $0["type"] as? String == "object" }) {
            return "reading:" + ((object["required"] as? [String]) ?? []).joined(separator: ",")
        }
        return "?"
    }

    static func shape(of type: FieldType) -> String {
        switch type {
        case .text: return "string|null"
        case .count: return "integer|null"
        case .percent: return "number|null"
        case .status: return "#/$defs/status"
        case .objectType: return "#/$defs/object_type"
        case .differenceKind, .repairOperation, .repairState, .existence: return "reading:value,text"
        case .texts: return "array"
        }
    }

    @Test(arguments: Samples.reports)
    func csvHeadersAndNDJSONMembersFollowTheTable(_ name: String) throws {
        let file = try ReportWorkbook(path: Samples.report(name))
        for section in file.report.sections where section.kind != .unknown {
            let csv = try Samples.written { sink in try ReportWriter.writeCSV(file, section: section, to: sink) }
            let header = csv.prefix { $0 != "\n" }.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let unmatched = section.columns.filter { $0.concept == nil }.map { "extra:" + $0.header }
            #expect(header == ["sheet", "row"] + FieldColumns.names(section.kind.fields) + unmatched + ["extra"])
        }
        let ndjson = try Samples.written { sink in
            try ReportWriter.writeNDJSON(file, ReportWriter.Selection(sections: file.report.sections), to: sink)
        }
        for line in ndjson.split(separator: "\n").dropFirst() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let kind = try #require(SectionKind(rawValue: object["kind"] as? String ?? ""))
            let keys = ["kind", "sheet", "row"] + kind.fields.map(\.key) + (kind.recordType.keepsExtraCells ? ["extra"] : [])
            #expect(Set(object.keys) == Set(keys))
            // In table order: each key's first appearance comes after the one before it.
            let positions = keys.map { line.range(of: "\"\($0)\":")?.lowerBound }
            #expect(positions.allSatisfy { $0 != nil } && zip(positions, positions.dropFirst()).allSatisfy { $0! < $1! }, "\(line.prefix(120))")
        }
    }

    /// `inspect --format json` and `report --format json` describe columns the same way (the
    /// `letter` member once existed only in the report).
    @Test func inspectAndReportDescribeColumnsAlike() throws {
        let file = try ReportWorkbook(path: Samples.report("lines_en-us"))
        let inspect = try Samples.written { sink in try InspectWriter.write(file.report, vocabulary: file.vocabulary, as: .json, to: sink) }
        let report = try Samples.written { sink in
            try ReportWriter.writeJSON(file, ReportWriter.Selection(sections: file.report.sections), to: sink)
        }
        let inspected = try #require(try JSONSerialization.jsonObject(with: Data(inspect.utf8)) as? [String: Any])
        let reported = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
        let inspectColumns = (inspected["sections"] as? [[String: Any]])?.map { $0["columns"] as! [[String: Any]] } ?? []
        let reportColumns = (reported["sections"] as? [[String: Any]])?.map { $0["columns"] as! [[String: Any]] } ?? []
        #expect(!inspectColumns.isEmpty)
        #expect(inspectColumns.map { $0.map(NSDictionary.init) } == reportColumns.map { $0.map(NSDictionary.init) })
        #expect(inspectColumns.joined().allSatisfy { ($0["letter"] as? String)?.isEmpty == false && $0.keys.contains("concept") })
    }
}
