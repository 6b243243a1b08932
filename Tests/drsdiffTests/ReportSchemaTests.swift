import Foundation
import TestPacing
import Testing

/// Real output of `report --format json` and `--format ndjson`, for every sample and for workbooks
/// that are not DRS reports, validates against schema/drsdiff.report.v1.json.
@Suite(.heavy) struct ReportSchemaTests {
    static func validator() throws -> ReportSchemaValidator {
        let text = try String(contentsOfFile: ReportCLI.path("schema/drsdiff.report.v1.json"), encoding: .utf8)
        return ReportSchemaValidator(schema: try ReportJSON.parse(text))
    }

    static let workbooks = ReportCLI.samples.map(ReportCLI.sample) + ReportCLI.readerSamples

    @Test(arguments: workbooks)
    func jsonAndNDJSONValidate(_ workbook: String) throws {
        let validator = try ReportSchemaTests.validator()
        let json = try ReportCLI.run(["report", workbook, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let document = try ReportJSON.parse(json.output)
        let problems = validator.validate(document)
        #expect(problems.isEmpty, "\(workbook): \(problems.prefix(5))")
        guard case .object(let members) = document else { return }
        #expect(members["schema"] == .string("drsdiff.report/v1"))

        let ndjson = try ReportCLI.run(["report", workbook, "--format", "ndjson"])
        let lines = ndjson.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("{\"kind\":\"report\",\"schema\":\"drsdiff.report/v1\"") == true)
        for (number, line) in lines.enumerated() {
            let problems = validator.validate(try ReportJSON.parse(String(line)), against: "#/$defs/ndjson_line")
            #expect(problems.isEmpty, "\(workbook) line \(number + 1): \(problems.prefix(3))")
        }
        // The same records in both: one JSON record per line of NDJSON after the first.
        guard case .array(let sections)? = members["sections"] else { return }
        let records = sections.reduce(0) { count, section in
            guard case .object(let fields) = section, case .array(let records)? = fields["records"] else { return count }
            return count + records.count
        }
        #expect(lines.count == records + 1)
    }

    @Test func theValidatorRejectsWhatTheSchemaForbids() throws {
        let validator = try ReportSchemaTests.validator()
        let record = #"{"kind":"repair_progress","sheet":"S","row":2,"source_database":null,"source_table":"t","target_database":null,"target_table":null,"total_rows":3,"repaired_rows":2,"failed_rows":1,"extra":[]}"#
        #expect(validator.validate(try ReportJSON.parse(record), against: "#/$defs/record").isEmpty)
        for broken in [
            record.replacingOccurrences(of: #""total_rows":3"#, with: #""total_rows":"3""#),
            record.replacingOccurrences(of: #""row":2"#, with: #""row":0"#),
            record.replacingOccurrences(of: #","extra":[]"#, with: ""),
            record.replacingOccurrences(of: #""extra":[]"#, with: #""extra":[],"surprise":1"#),
            record.replacingOccurrences(of: #""failed_rows":1"#, with: #""failed_rows":1.5"#),
        ] {
            #expect(!validator.validate(try ReportJSON.parse(broken), against: "#/$defs/record").isEmpty, "accepted \(broken)")
        }
    }
}
