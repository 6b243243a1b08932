import Foundation

/// Where DRS and IAM live for a region, and how user-given endpoints are checked.
public enum ServiceEndpoints {
    /// The environment variable the official SDKs read for a non-default IAM endpoint.
    public static let iamEndpointVariable = "HUAWEICLOUD_SDK_IAM_ENDPOINT"

    /// `https://drs.{region}.myhuaweicloud.com`, except the regions served under `.eu`.
    public static func drs(region: String) throws(DRSClientError) -> URL {
        try regional("drs", region: region)
    }

    /// `https://iam.{region}.myhuaweicloud.com`, except the regions served under `.eu`.
    public static func iam(region: String) throws(DRSClientError) -> URL {
        try regional("iam", region: region)
    }

    /// A user-given endpoint: http or https, a host, optionally a path prefix; no query.
    public static func parse(_ text: String, option: String) throws(DRSClientError) -> URL {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard let components = URLComponents(string: trimmed),
            let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
            let host = components.host, !host.isEmpty,
            components.query == nil, components.fragment == nil, components.user == nil,
            let url = components.url
        else {
            throw DRSClientError(
                .configuration, "\(option) must be an http(s) URL such as https://drs.example.com, not '\(text)'")
        }
        return url
    }

    /// Refuses plain http, which would carry passwords, tokens and signatures in clear, unless the
    /// host is this machine (loopback) or insecure http was allowed explicitly.
    /// - Parameter what: the endpoint's name in the message, e.g. "DRS endpoint (--endpoint)".
    public static func checkTransportSecurity(_ url: URL, what: String, allowInsecureHTTP: Bool) throws(DRSClientError) {
        guard url.scheme?.lowercased() == "http", !allowInsecureHTTP, !isLoopback(url) else { return }
        throw DRSClientError(
            .configuration,
            "the \(what) \(url.absoluteString) uses plain http, which would send credentials in clear: use https, "
                + "or allow it with allowInsecureHTTP (CLI: --allow-insecure-http) only on a network you trust")
    }

    /// Whether `url` is plain http to a host other than this machine's loopback.
    public static func isInsecure(_ url: URL) -> Bool {
        url.scheme?.lowercased() == "http" && !isLoopback(url)
    }

    /// `localhost`, 127.0.0.0/8 or ::1: traffic that never leaves the machine.
    static func isLoopback(_ url: URL) -> Bool {
        guard var host = url.host?.lowercased() else { return false }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host == "::1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127"
            && octets.allSatisfy { octet in UInt8(octet).map { _ in octet.allSatisfy(\.isASCII) } ?? false }
    }

    /// Regions whose endpoints end in `.myhuaweicloud.eu` instead of `.myhuaweicloud.com`.
    static let europeanRegions: Set<String> = ["eu-west-101"]

    private static func regional(_ service: String, region: String) throws(DRSClientError) -> URL {
        try validate(region: region)
        let domain = europeanRegions.contains(region) ? "myhuaweicloud.eu" : "myhuaweicloud.com"
        return URL(string: "https://\(service).\(region).\(domain)")!
    }

    /// Region names become host names and project names: letters, digits and dashes only.
    static func validate(region: String) throws(DRSClientError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        guard !region.isEmpty, region.allSatisfy(allowed.contains), !region.hasPrefix("-") else {
            throw DRSClientError(
                .configuration, "'\(region)' is not a region name (such as cn-north-4)")
        }
    }
}
