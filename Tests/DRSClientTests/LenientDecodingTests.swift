import DRSFakeService
import Foundation
import Testing

@testable import DRSClient

@Suite struct LenientDecodingTests {
    @Test(arguments: [
        #"{"error_code":"DRS.10000010","error_msg":"Task not found.","request_id":"r1"}"#,
        #"{"errorCode":"DRS.10000010","errorMsg":"Task not found.","request_id":"r1"}"#,
        #"{"code":"DRS.10000010","message":"Task not found.","requestId":"r1"}"#,
    ])
    func errorBodiesInEverySpelling(body: String) throws {
        let parsed = try #require(ServiceErrorBody(Data(body.utf8)))
        #expect(parsed.code == "DRS.10000010")
        #expect(parsed.message == "Task not found.")
        #expect(parsed.requestID == "r1")
    }

    @Test func iamErrorBodiesAndNonErrors() throws {
        let iam = try #require(ServiceErrorBody(Data(#"{"error":{"code":401,"message":"The username or password is wrong.","title":"Unauthorized"}}"#.utf8)))
        #expect(iam.code == "401")
        #expect(iam.message == "The username or password is wrong.")
        #expect(ServiceErrorBody(Data("<html>502 Bad Gateway</html>".utf8)) == nil)
        #expect(ServiceErrorBody(Data(#"{"export_status":"EXPORTING"}"#.utf8)) == nil)
        #expect(ServiceErrorBody(Data(#"{"error_msg":"The token must be updated."}"#.utf8))?.saysTokenExpired == true)
    }

    @Test func objectStatusWithNumbersAsStrings() throws {
        let file = try CompareResultFile(jobID: "j", compareType: .objects, compareJobID: nil)
        let json = try #require(JSONValue.parse(Data(#"{"export_status":"EXPORT_COMPLETE","report_remain_seconds":"86400"}"#.utf8)))
        let progress = try ExportStatusQuery.progress(from: json, for: file)
        #expect(progress == ExportProgress(status: .complete, reportRemainSeconds: 86400))
    }

    @Test func dataComparisonStatusIsTheNamedCompareJobs() throws {
        let file = try CompareResultFile(jobID: "j", compareType: .values, compareJobID: "c2")
        let json = try #require(JSONValue.parse(Data(#"""
            {"compare_jobs":[{"id":"c1","status":"RUNNING","export_status":"EXPORTING"},
                             {"id":"c2","status":"SUCCESSFUL","export_status":"EXPORT_COMMON_FAILED","report_remain_seconds":-1}]}
            """#.utf8)))
        #expect(try ExportStatusQuery.progress(from: json, for: file) == ExportProgress(status: .failed, reportRemainSeconds: -1))

        let missing = try CompareResultFile(jobID: "j", compareType: .lines, compareJobID: "c9")
        let error = #expect(throws: DRSClientError.self) { try ExportStatusQuery.progress(from: json, for: missing) }
        #expect(error?.message.contains("c9") == true)
    }

    @Test func aCompareJobsOwnStatusIsNotTheExportStatus() throws {
        let file = try CompareResultFile(jobID: "j", compareType: .lines, compareJobID: "c1")
        let json = try #require(JSONValue.parse(Data(#"{"compare_jobs":[{"id":"c1","status":"SUCCESSFUL"}]}"#.utf8)))
        #expect(try ExportStatusQuery.progress(from: json, for: file).status == nil)
    }

    @Test func repairStatusAsStringOrObject() throws {
        let file = try CompareResultFile(jobID: "j", compareType: .repair, compareJobID: "c1")
        let bare = try #require(JSONValue.parse(Data(#"{"repair_export_status":"EXPORTING"}"#.utf8)))
        #expect(try ExportStatusQuery.progress(from: bare, for: file).status == .exporting)
        let nested = try #require(JSONValue.parse(Data(#"{"repair_export_status":{"status":"EXPORT_COMPLETE"}}"#.utf8)))
        #expect(try ExportStatusQuery.progress(from: nested, for: file).status == .complete)
        let endpoint = ExportStatusQuery.endpoint(for: file, projectID: "p")
        #expect(endpoint.path == ["v5", "p", "jobs", "j"])
        #expect(endpoint.query.map { "\($0.name)=\($0.value)" } == ["type=repair_export_status", "compare_task_id=c1"])
    }

    @Test func iamTimestampsWithMicroseconds() {
        #expect(IssuedTokenAnswer.parseTimestamp("2019-11-16T03:36:55.123000Z") != nil)
        #expect(IssuedTokenAnswer.parseTimestamp("2019-11-16T03:36:55Z") != nil)
        #expect(IssuedTokenAnswer.parseTimestamp("tomorrow") == nil)
    }

    @Test func serviceTextKeepsWordsInEveryLanguageButNoControls() {
        #expect(ServiceText.printable("任务不存在。Task not found.") == "任务不存在。Task not found.")
        #expect(ServiceText.printable("a\u{0}b\u{7F}c\u{85}d\u{2028}e\u{FEFF}f") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f")
        #expect(ServiceText.printable(String(repeating: "x", count: 5000)).count == ServiceText.maximumLength + 1)
    }
}
