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
