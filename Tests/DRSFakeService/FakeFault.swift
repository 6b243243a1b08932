import Foundation

/// Something a fake server does instead of answering normally.
public indirect enum FakeFault: Sendable {
    /// An error answer with a DRS-style body: `{"error_code": …, "error_msg": …}`.
    case error(status: Int, code: String, message: String, headers: [String: String] = [:])
    /// 200 whose body is a JSON error instead of what was asked for.
    case errorWithSuccessStatus(code: String, message: String)
    /// The body's headers promise the whole file; half of it comes, then the connection drops.
    case truncatedBody
    /// Half the body, then silence for `pause`, then the rest.
    case slowBody(pause: Duration)
    /// Nothing for `pause` (not even headers), then the normal answer: slower than a connect timeout.
    case slowResponse(pause: Duration)
    /// 302 to `location`.
    case redirect(to: URL)
    /// The request is carried out (an export starts), then `answer` is sent instead of the
    /// normal answer: a server error, or a lost answer with ``dropConnection``.
    case processed(then: FakeFault)
    /// The connection closes without a byte of answer ("empty reply from server").
    case dropConnection
    /// This answer, a JSON body, as it is.
    case answer(status: Int, json: String)
    /// A whole HTTP answer (status 200, exact Content-Length) whose body is the first half of the
    /// workbook: the file itself was cut short before it was sent.
    case truncatedFile
    /// 400 whose message repeats the credentials the request carried, as a careless gateway might.
    case echoCredentials
    /// As ``echoCredentials``, the credentials spelled as `form` and after `padding` characters
    /// of filler (to put one across the point where messages are cut).
    case echoCredentialsAs(EchoForm, padding: Int)
    /// 400 whose message is the request's body as it came (an IAM login's JSON, password included).
    case echoBody
    /// 200 with a body that never ends, as fast as the connection takes it: a ZIP signature, then zeros.
    case endlessBody

    /// How an echoing service spells the credentials it repeats.
    public enum EchoForm: Sendable {
        case plain
        /// Inside a JSON string: `/` as `\/`, `"` as `\"`.
        case jsonEscaped
        /// Percent-encoded, every character but letters and digits.
        case percentEncoded
    }

    /// 400 DRS.10000010, the service's answer to an unknown job.
    public static let taskNotFound = error(status: 400, code: "DRS.10000010", message: "Task not found. Check the task ID.")
    /// 401, what the API gateway answers to an expired token.
    public static let tokenExpired = error(status: 401, code: "APIGW.0307", message: "The token must be updated.")
    /// 403 DRS.M00102.
    public static let forbidden = error(status: 403, code: "DRS.M00102", message: "Insufficient permissions.")
    /// 500 from the service.
    public static let internalError = error(status: 500, code: "DRS.10000001", message: "Internal error.")

    /// 429 APIGW.0308, with a `Retry-After` header when given.
    public static func throttled(retryAfter: String? = nil) -> FakeFault {
        error(
            status: 429, code: "APIGW.0308", message: "The throttling threshold has been reached.",
            headers: retryAfter.map { ["Retry-After": $0] } ?? [:])
    }
}

/// The fake's endpoints, to aim faults at.
public enum FakeRoute: Sendable, Hashable {
    case iamToken, iamProjects, export, status, download
}
