import Crypto
import Foundation

/// Checks an `SDK-HMAC-SHA256` signature the way the API gateway does, written apart from
/// DRSClient's signer (its own encoding, sorting and hashing) so that a mistake in the
/// signer cannot hide by being repeated here.
enum GatewaySignatureCheck {
    enum Verdict: Equatable {
        case valid
        case invalid(String)
    }

    static func verify(
        _ request: RecordedRequest, accessKeyID: String, secretKey: String, now: Date,
        maximumSkew: TimeInterval = 15 * 60
    ) -> Verdict {
        guard let authorization = request.header("authorization"),
            authorization.hasPrefix("SDK-HMAC-SHA256 ")
        else { return .invalid("no SDK-HMAC-SHA256 Authorization header") }
        var fields: [String: String] = [:]
        for part in authorization.dropFirst("SDK-HMAC-SHA256 ".count).components(separatedBy: ", ") {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { fields[pair[0]] = pair[1] }
        }
        guard let access = fields["Access"], let signedList = fields["SignedHeaders"],
            let signature = fields["Signature"]
        else { return .invalid("malformed Authorization header") }
        guard access == accessKeyID else { return .invalid("unknown access key") }

        let signed = signedList.components(separatedBy: ";")
        guard signed.contains("host"), signed.contains("x-sdk-date") else {
            return .invalid("Host and X-Sdk-Date must be signed")
        }
        guard let sdkDate = request.header("x-sdk-date"), let date = parseDate(sdkDate) else {
            return .invalid("no valid X-Sdk-Date")
        }
        guard abs(date.timeIntervalSince(now)) <= maximumSkew else {
            return .invalid("X-Sdk-Date is more than 15 minutes away from the server's clock")
        }
        var headerLines = ""
        for name in signed {
            guard let value = request.header(name) else { return .invalid("signed header \(name) was not sent") }
            headerLines += name + ":" + value.trimmingCharacters(in: .whitespaces) + "\n"
        }
        var uri = request.path.split(separator: "/", omittingEmptySubsequences: false)
            .map { encode(String($0).removingPercentEncoding ?? String($0)) }
            .joined(separator: "/")
        if !uri.hasSuffix("/") { uri += "/" }
        let query = request.query.map { encode($0.key) + "=" + encode($0.value) }.sorted().joined(separator: "&")
        let canonical = [
            request.method, uri, query, headerLines, signedList,
            hex(SHA256.hash(data: request.body)),
        ].joined(separator: "\n")
        let toSign = "SDK-HMAC-SHA256\n\(sdkDate)\n\(hex(SHA256.hash(data: Data(canonical.utf8))))"
        let expected = hex(
            HMAC<SHA256>.authenticationCode(for: Data(toSign.utf8), using: SymmetricKey(data: Data(secretKey.utf8))))
        return expected == signature ? .valid : .invalid("signature mismatch")
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    private static func parseDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.date(from: text)
    }
}
