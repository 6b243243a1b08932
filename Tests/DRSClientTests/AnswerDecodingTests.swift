import Foundation
import Testing

@_spi(Fuzzing) import DRSClient

/// The decoding entry points the fuzz targets call: the real decoders, reachable from outside.
@Suite struct AnswerDecodingTests {
    @Test func errorBodies() {
        let decoded = AnswerDecoding.errorBody(Data(#"{"error_code":"DRS.10000010","error_msg":"Task\u001b[2J not found."}"#.utf8))
        #expect(decoded?.errorCode == "DRS.10000010")
        #expect(decoded?.errorMessage == "Task\u{FFFD}[2J not found.")
        #expect(AnswerDecoding.errorBody(Data("<html>".utf8)) == nil)
    }

    @Test func iamAnswers() {
        let token = AnswerDecoding.issuedToken(Data(#"{"token":{"expires_at":"2019-11-16T03:36:55.123000Z","project":{"id":"p1"}}}"#.utf8))
        #expect(token.projectID == "p1" && token.expiresAt != nil)
        #expect(AnswerDecoding.issuedToken(Data([0xFF, 0x00])).projectID == nil)
        #expect(AnswerDecoding.projectID(named: "cn-north-4", in: Data(#"{"projects":[{"id":"a","name":"cn-north-4"}]}"#.utf8)) == "a")
        #expect(AnswerDecoding.projectID(named: "cn-north-4", in: Data(#"{"projects":{"id":"a"}}"#.utf8)) == nil)
    }

    @Test func exportStatus() throws {
        let file = try CompareResultFile(jobID: "j", compareType: .objects, compareJobID: nil)
        #expect(try AnswerDecoding.exportProgress(Data(#"{"export_status":"EXPORTING"}"#.utf8), for: file)?.status == .exporting)
        #expect(try AnswerDecoding.exportProgress(Data("nope".utf8), for: file) == nil)
    }

    @Test func listAnswersAreReadLeniently() throws {
        let page = try #require(AnswerDecoding.compareJobPage(Data(#"""
            {"compare_jobs":[
              {"id":"a","type":"lines","status":"SUCCESSFUL","start_time":"2020-09-01T18:50:20Z","end_time":1599000000000,"export_status":"EXPORT_COMPLETE","report_remain_seconds":"3600"},
              {"id":"b","type":"contents","status":"RUNNING\u001b[2J","start_time":"2020-09-01 18:50:20.123"},
              {"id":"c","type":"something_new","status":"SUCCESSFUL"},
              {"type":"lines"}
            ],"count":"4"}
            """#.utf8)))
        #expect(page.total == 4)
        #expect(page.jobs.map(\.id) == ["a", "b"])
        #expect(page.jobs[0].finishedAt?.description == "2020-09-01T22:40:00Z")
        #expect(page.jobs[0].reportRemainSeconds == 3600 && page.jobs[0].exportStatus == .complete)
        #expect(page.jobs[1].status?.rawValue == "RUNNING\u{FFFD}[2J")
        #expect(page.jobs[1].startedAt?.date != nil)
        #expect(AnswerDecoding.objectComparison(Data(#"{"compare_result":[]}"#.utf8)) == nil)
        #expect(AnswerDecoding.objectComparison(Data(#"{"compare_job_id":"o","status":"SUCCESSFUL","create_time":"2024-04-09T07:00:57Z"}"#.utf8))?.startedAt?.description == "2024-04-09T07:00:57Z")
        #expect(AnswerDecoding.compareJobPage(Data("[".utf8)) == nil)
    }
}
