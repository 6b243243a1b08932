import Crypto
import Foundation

/// AK/SK request signing, `SDK-HMAC-SHA256`, as Huawei Cloud's API gateway checks it.
///
/// Each stage is its own function so that it can be compared with the vendor's worked example:
/// canonical request → string to sign → signature → `Authorization` header.
enum RequestSigner {
    static let algorithm = "SDK-HMAC-SHA256"
    static let dateHeader = "X-Sdk-Date"

    /// Stage 1. `METHOD\nURI\nQUERY\nHEADERS\nSIGNED\nhex(sha256(body))`.
    ///
    /// - `path` is the URL's path as sent (percent-encoded or not: it is decoded, then each
    ///   segment is re-encoded), always ending in `/`;
    /// - `query` pairs are encoded and sorted by name, then value;
    /// - every header whose name has no `_` is signed, by its lower-case name and trimmed value.
    static func canonicalRequest(
        method: String, path: String, query: [(name: String, value: String)],
        headers: [String: String], body: Data
    ) -> String {
        let signed = signedHeaderNames(headers)
        let lowercased = Dictionary(
            headers.map { ($0.key.lowercased(), $0.value.trimmingCharacters(in: .whitespaces)) },
            uniquingKeysWith: { first, _ in first })
        let headerLines = signed.map { "\($0):\(lowercased[$0] ?? "")\n" }.joined()
        return [
            method.uppercased(),
            canonicalURI(path),
            canonicalQuery(query),
            headerLines,
            signed.joined(separator: ";"),
            hexSHA256(body),
        ].joined(separator: "\n")
    }

    /// Stage 2. `SDK-HMAC-SHA256\n{X-Sdk-Date}\n{hex(sha256(canonical request))}`.
    static func stringToSign(canonicalRequest: String, sdkDate: String) -> String {
        "\(algorithm)\n\(sdkDate)\n\(hexSHA256(Data(canonicalRequest.utf8)))"
    }

    /// Stage 3. hex(HMAC-SHA256(key: the secret key's bytes, data: string to sign)).
    static func signature(stringToSign: String, secretKey: Secret) -> String {
        let key = SymmetricKey(data: Data(secretKey.value.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key)
        return hex(mac)
    }

    /// Stage 4. `SDK-HMAC-SHA256 Access={AK}, SignedHeaders={…}, Signature={…}`.
    static func authorization(accessKeyID: String, signedHeaders: [String], signature: String) -> String {
        "\(algorithm) Access=\(accessKeyID), SignedHeaders=\(signedHeaders.joined(separator: ";")), Signature=\(signature)"
    }

    /// The sorted lower-case names of the headers that get signed (names with `_` are not).
    static func signedHeaderNames(_ headers: [String: String]) -> [String] {
        Set(headers.keys.map { $0.lowercased() }.filter { !$0.contains("_") }).sorted()
    }

    /// `YYYYMMDDTHHMMSSZ` in UTC, the `X-Sdk-Date` format.
    static func sdkDate(_ date: Date) -> String {
        let parts = Calendar.utcGregorian.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(parts.year ?? 0)\(two(parts.month))\(two(parts.day))T\(two(parts.hour))\(two(parts.minute))\(two(parts.second))Z"
    }

    /// Reads an `X-Sdk-Date` value back; nil when it is not in that format.
    static func parseSDKDate(_ text: String) -> Date? {
        let digits = Array(text)
        guard digits.count == 16, digits[8] == "T", digits[15] == "Z" else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(digits[range])) }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
            let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15)
        else { return nil }
        return Calendar.utcGregorian.date(
            from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
    }

    /// Signs `request` as of `date` with `key`: adds `X-Sdk-Date`, `Host`-based signing,
    /// `X-Security-Token` for temporary keys, and `Authorization`. The `Host` header is signed
    /// with the value the HTTP stack will send (host, and port when not the scheme's default)
    /// but not set, so the stack stays in charge of it.
    static func sign(_ request: inout TransportRequest, with key: AccessKey, at date: Date) {
        let sdkDate = sdkDate(date)
        request.setHeader(dateHeader, sdkDate)
        if let token = key.securityToken {
            request.setHeader("X-Security-Token", token.value)
        }
        request.setHeader("Authorization", nil)
        var headers = request.headers
        headers["Host"] = hostHeader(for: request.url)
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        let query = (components?.queryItems ?? []).map { (name: $0.name, value: $0.value ?? "") }
        let canonical = canonicalRequest(
            method: request.method, path: components?.percentEncodedPath ?? "/", query: query,
            headers: headers, body: request.body ?? Data())
        let signature = signature(
            stringToSign: stringToSign(canonicalRequest: canonical, sdkDate: sdkDate), secretKey: key.secretKey)
        request.setHeader(
            "Authorization",
            authorization(accessKeyID: key.id, signedHeaders: signedHeaderNames(headers), signature: signature))
    }

    /// The `Host` header an HTTP client sends for `url`.
    static func hostHeader(for url: URL) -> String {
        let host = url.host ?? ""
        guard let port = url.port else { return host }
        let defaultPort = url.scheme?.lowercased() == "https" ? 443 : 80
        return port == defaultPort ? host : "\(host):\(port)"
    }

    // MARK: Encoding

    static func canonicalURI(_ path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map {
            uriEncode(String($0).removingPercentEncoding ?? String($0))
        }
        let joined = segments.joined(separator: "/")
        let rooted = joined.hasPrefix("/") ? joined : "/" + joined
        return rooted.hasSuffix("/") ? rooted : rooted + "/"
    }

    static func canonicalQuery(_ query: [(name: String, value: String)]) -> String {
        let encoded: [(name: String, value: String)] = query.map { (uriEncode($0.name), uriEncode($0.value)) }
        let sorted = encoded.sorted { (a, b) -> Bool in
            a.name == b.name ? a.value < b.value : a.name < b.name
        }
        return sorted.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    /// RFC 3986 encoding: everything but `A-Z a-z 0-9 - _ . ~` as `%XX` (upper-case hex).
    static func uriEncode(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return encoded
    }

    private static let unreserved = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~".utf8)

    static func hexSHA256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}

extension Calendar {
    static let utcGregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
