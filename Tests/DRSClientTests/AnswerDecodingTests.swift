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
}
