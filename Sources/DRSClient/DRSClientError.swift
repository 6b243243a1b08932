import Foundation

/// Everything that can go wrong while talking to DRS, as one error type whose `kind` tells the
/// caller what to do (the CLI maps each kind to one exit status) and whose description is the
/// whole story for a human: what failed, and what the service answered (error code, message,
/// HTTP status, X-Request-Id). No description ever contains a token, secret key or password.
public struct DRSClientError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is. An open set of values (new kinds are not a breaking change).
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case configuration, authentication, network, service
            case exportFailed, exportTimedOut, invalidResponse, localFile
            case limitExceeded, deadlineExceeded, noComparison
        }
        private let base: Base

        /// The request could not be built from what the caller gave (region, endpoint, ids).
        public static let configuration = Kind(base: .configuration)
        /// No usable credentials, or the service refused them (401/403, expired token).
        public static let authentication = Kind(base: .authentication)
        /// No answer: connection refused or reset, timeouts, a body cut short.
        public static let network = Kind(base: .network)
        /// The service answered with an error (DRS or API gateway error code).
        public static let service = Kind(base: .service)
        /// The export ended in EXPORT_COMMON_FAILED.
        public static let exportFailed = Kind(base: .exportFailed)
        /// The export did not finish before the deadline.
        public static let exportTimedOut = Kind(base: .exportTimedOut)
        /// The service answered something drsdiff cannot understand (not JSON, not an .xlsx).
        public static let invalidResponse = Kind(base: .invalidResponse)
        /// The downloaded file could not be written where it was asked to go.
        public static let localFile = Kind(base: .localFile)
        /// The download passed ``DRSClientConfiguration/maxDownloadBytes``.
        public static let limitExceeded = Kind(base: .limitExceeded)
        /// The client's overall ``DRSClientConfiguration/timeLimit`` passed.
        public static let deadlineExceeded = Kind(base: .deadlineExceeded)
        /// The job has no compare job of the requested type, or none that finished.
        public static let noComparison = Kind(base: .noComparison)

        public var description: String { "\(base)" }
    }

    public let kind: Kind
    /// What failed, as a sentence, without the service's diagnostics.
    public let message: String
    /// What the service answered, when it answered.
    public let response: ServiceDiagnostics?

    package init(_ kind: Kind, _ message: String, response: ServiceDiagnostics? = nil) {
        self.kind = kind
        self.message = message
        self.response = response
    }

    public var description: String {
        guard let response else { return message }
        return "\(message): \(response)"
    }

    /// The same error with every occurrence of the given secrets replaced, in case a service
    /// or a lower layer echoed one back.
    func redacting(_ secrets: [String]) -> DRSClientError {
        let scrub = { (text: String) in Redaction.scrub(text, secrets: secrets) }
        return DRSClientError(kind, scrub(message), response: response.map { $0.redacting(scrub) })
    }
}

/// The parts of an error response that support asks for.
public struct ServiceDiagnostics: Sendable, Equatable, CustomStringConvertible {
    /// The DRS or API gateway error code, e.g. `DRS.10000010`, `APIGW.0308`.
    public let errorCode: String?
    public let errorMessage: String?
    public let httpStatus: Int
    /// The `X-Request-Id` response header (or the body's `request_id` when the header is missing).
    public let requestID: String?

    /// Every string is the service's and is kept only in printable form (``ServiceText``), whole
    /// (up to ``ServiceText/keptLength``): it is cut to ``ServiceText/maximumLength`` only when
    /// shown, after secrets were redacted, so that a secret at the cut never shows its start.
    package init(errorCode: String?, errorMessage: String?, httpStatus: Int, requestID: String?) {
        let printable = { (text: String) in ServiceText.printable(text, limit: ServiceText.keptLength) }
        self.errorCode = errorCode.map(printable)
        self.errorMessage = errorMessage.map(printable)
        self.httpStatus = httpStatus
        self.requestID = requestID.map(printable)
    }

    /// `DRS.10000010 "Task not found." (HTTP 400, X-Request-Id …)`, or without code and
    /// message (an HTML error page, a status answer) `HTTP 502, X-Request-Id …`.
    public var description: String {
        let status = "HTTP \(httpStatus), X-Request-Id \(requestID.map(ServiceText.shortened) ?? "none")"
        let said = [errorCode.map(ServiceText.shortened), errorMessage.map { "\"\(ServiceText.shortened($0))\"" }]
            .compactMap { $0 }
        return said.isEmpty ? status : "\(said.joined(separator: " ")) (\(status))"
    }

    fileprivate func redacting(_ scrub: (String) -> String) -> ServiceDiagnostics {
        ServiceDiagnostics(
            errorCode: errorCode.map(scrub), errorMessage: errorMessage.map(scrub),
            httpStatus: httpStatus, requestID: requestID.map(scrub))
    }
}

/// Replaces secrets inside free text: each as it is, and as a service would echo it inside JSON
/// (`\/`, `\"`, `\\`, `\uXXXX`) or a URL (percent-encoded, `+` for a space).
enum Redaction {
    static let placeholder = "<redacted>"
    /// Very short strings would match innocent text; real secrets are long.
    static let shortestSecret = 4

    static func scrub(_ text: String, secrets: [String]) -> String {
        // The longest form first, so that a form containing another is replaced whole.
        let forms = Set(secrets.filter { $0.count >= shortestSecret }.flatMap(echoedForms))
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        return forms.reduce(text) { $0.replacingOccurrences(of: $1, with: placeholder) }
    }

    /// The spellings under which `secret` may come back.
    static func echoedForms(_ secret: String) -> [String] {
        // Encoders differ in what they leave as it is: RFC 3986's unreserved characters, or only
        // letters and digits.
        let percent = [
            percentEncoded(secret, spaceAsPlus: false, keepingUnreserved: true),
            percentEncoded(secret, spaceAsPlus: false, keepingUnreserved: false),
        ]
        return [
            secret, jsonEscaped(secret, slash: true, nonASCII: false), jsonEscaped(secret, slash: false, nonASCII: false),
            jsonEscaped(secret, slash: true, nonASCII: true), jsonEscaped(secret, slash: false, nonASCII: true),
            percentEncoded(secret, spaceAsPlus: true, keepingUnreserved: true),
        ] + percent + percent.map(\.lowercasedPercentEscapes)
    }

    static func jsonEscaped(_ text: String, slash: Bool, nonASCII: Bool) -> String {
        var result = ""
        for unit in text.unicodeScalars {
            switch unit {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "/" where slash: result += "\\/"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if unit.value < 0x20 || (nonASCII && unit.value > 0x7E) {
                    for code in String(unit).utf16 { result += "\\u" + hex(UInt32(code), width: 4) }
                } else {
                    result.unicodeScalars.append(unit)
                }
            }
        }
        return result
    }

    static func percentEncoded(_ text: String, spaceAsPlus: Bool, keepingUnreserved: Bool) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result += keepingUnreserved ? String(Unicode.Scalar(byte)) : "%" + hex(UInt32(byte), width: 2)
            case UInt8(ascii: " ") where spaceAsPlus:
                result += "+"
            default:
                result += "%" + hex(UInt32(byte), width: 2)
            }
        }
        return result
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(width - digits.count, 0)) + digits
    }
}

extension String {
    /// `%2F` as `%2f`: percent escapes are case-insensitive, and some encoders write them lower.
    fileprivate var lowercasedPercentEscapes: String {
        var result = ""
        var escape = 0
        for character in self {
            if character == "%" {
                escape = 2
                result.append(character)
            } else if escape > 0 {
                escape -= 1
                result += character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
