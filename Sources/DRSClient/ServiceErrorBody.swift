import Foundation

/// An error answer's body, in any of the spellings the SDKs accept:
/// `error_code`/`error_msg`, `errorCode`/`errorMsg`, `code`/`message`, and IAM's
/// `{"error": {"code": 401, "message": "…"}}`.
struct ServiceErrorBody: Sendable, Equatable {
    let code: String?
    let message: String?
    let requestID: String?

    /// nil when the body is not JSON or names no error.
    init?(_ body: Data) {
        guard let json = JSONValue.parse(body) else { return nil }
        let source = json["error"].flatMap { $0.first("code", "message") != nil ? $0 : nil } ?? json
        code = source.first("error_code", "errorCode", "code")?.text
        message = source.first("error_msg", "errorMsg", "message", "error_description")?.text
        requestID = json.first("request_id", "requestId")?.text
        hasErrorCode = source.first("error_code", "errorCode") != nil
        if code == nil && message == nil { return nil }
    }

    /// Whether the body names an error code under an error key, as opposed to a status
    /// document that happens to have a `code` or `message` field.
    let hasErrorCode: Bool

    /// Whether the body says the token expired (the API gateway's wording).
    var saysTokenExpired: Bool {
        message?.range(of: "token must be updated", options: .caseInsensitive) != nil
            || message?.range(of: "token expired", options: .caseInsensitive) != nil
    }
}
