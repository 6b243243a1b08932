import Foundation
import TestPacing
import Testing

/// Every JSON output of drsdiff besides `report` (ReportSchemaTests) validates against its schema
/// in schema/: `summary`, `inspect`, `sheets` and `convert` (JSON and NDJSON), on every sample
/// report, the hostile-text sample and the reader samples.
@Suite(.heavy) struct OutputSchemaTests {
    static func validator(_ name: String) throws -> ReportSchemaValidator {
        let text = try String(contentsOfFile: ReportCLI.path("schema/" + name), encoding: .utf8)
        return ReportSchemaValidator(schema: try ReportJSON.parse(text))
    }

    static let reports = ReportCLI.samples.map(ReportCLI.sample) + [ReportCLI.path("samples/hostile/hostile_en-us.xlsx")]
    static let workbooks = reports + ReportCLI.readerSamples

    static func validated(_ arguments: [String], against schema: String, at reference: String = "#") throws -> ReportJSON {
        let result = try ReportCLI.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        let document = try ReportJSON.parse(result.output)
        let problems = try validator(schema).validate(document, against: reference)
        #expect(problems.isEmpty, "\(arguments.prefix(2)): \(problems.prefix(5))")
        return document
    }

    @Test(arguments: workbooks)
    func summaryValidates(_ workbook: String) throws {
        let document = try OutputSchemaTests.validated(["summary", workbook, "--format", "json"], against: "drsdiff.summary.v1.json")
        guard case .object(let members) = document else { return }
        #expect(members["schema"] == .string("drsdiff.summary/v1"))
    }

    @Test(arguments: workbooks)
    func inspectValidates(_ workbook: String) throws {
        let document = try OutputSchemaTests.validated(["inspect", workbook, "--format", "json"], against: "drsdiff.inspect.v1.json")
        guard case .object(let members) = document else { return }
        #expect(members["schema"] == .string("drsdiff.inspect/v1"))
    }

    @Test(arguments: workbooks)
    func sheetsAndConvertValidate(_ workbook: String) throws {
        _ = try OutputSchemaTests.validated(["sheets", workbook, "--format", "json"], against: "drsdiff.sheets.v1.json")
        _ = try OutputSchemaTests.validated(["convert", workbook, "--format", "json"], against: "drsdiff.convert.v1.json")
        let ndjson = try ReportCLI.run(["convert", workbook, "--format", "ndjson"])
        #expect(ndjson.status == 0)
        let validator = try OutputSchemaTests.validator("drsdiff.convert.v1.json")
        for (number, line) in ndjson.output.split(separator: "\n").enumerated() {
            let problems = validator.validate(try ReportJSON.parse(String(line)), against: "#/$defs/row")
            #expect(problems.isEmpty, "\(workbook) line \(number + 1): \(problems.prefix(3))")
        }
    }

    /// The schemas are strict: each rejects a document that differs from real output in one way.
    @Test func theSchemasRejectWhatTheyForbid() throws {
        let summary = try ReportCLI.run(["summary", ReportCLI.sample("lines_en-us"), "--format", "json"]).output
        let summaryValidator = try OutputSchemaTests.validator("drsdiff.summary.v1.json")
        #expect(summaryValidator.validate(try ReportJSON.parse(summary)).isEmpty)
        for broken in [
            summary.replacingOccurrences(of: #""verdict": "incomplete""#, with: #""verdict": "fine""#),
            summary.replacingOccurrences(of: #""uncomparable_count": "#, with: #""surprise": 1, "uncomparable_count": "#),
            summary.replacingOccurrences(of: #""schema": "drsdiff.summary/v1","#, with: ""),
            summary.replacingOccurrences(of: #""row_difference": 59"#, with: #""row_difference": "59""#),
        ] {
            #expect(broken != summary)
            #expect(!summaryValidator.validate(try ReportJSON.parse(broken)).isEmpty, "accepted \(broken.prefix(200))")
        }
        let convertValidator = try OutputSchemaTests.validator("drsdiff.convert.v1.json")
        #expect(convertValidator.validate(try ReportJSON.parse(##"[["a",1,true,null,{"error":"#N/A"}]]"##)).isEmpty)
        #expect(!convertValidator.validate(try ReportJSON.parse(#"[["a",{"value":1}]]"#)).isEmpty)
        #expect(!convertValidator.validate(try ReportJSON.parse(#"["a"]"#)).isEmpty)
        let sheetsValidator = try OutputSchemaTests.validator("drsdiff.sheets.v1.json")
        #expect(!sheetsValidator.validate(try ReportJSON.parse(#"[{"index":0,"name":"S","state":"shown","kind":"worksheet","part":null,"declaredDimension":null}]"#)).isEmpty)
    }
}
