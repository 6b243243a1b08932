import Foundation

/// Everything a ``DRSClient`` needs to know before its first request.
public struct DRSClientConfiguration: Sendable {
    public static let projectIDVariable = "HUAWEICLOUD_SDK_PROJECT_ID"
    /// The default ``maxDownloadBytes``: 4 GiB, far above any report (Excel's grid caps a sheet).
    public static let defaultMaxDownloadBytes: Int64 = 4 << 30
    /// The default ``maxListedCompareJobs``: ten times more compare jobs than a job that compares
    /// hourly for a year gathers.
    public static let defaultMaxListedCompareJobs = 10_000

    /// The language of the report and of the service's messages (`X-Language`).
    public enum Language: String, Sendable, CaseIterable {
        case english = "en-us"
        case chinese = "zh-cn"
    }

    public let region: String
    public let credentials: Credentials
    public let endpoint: URL
    public let iamEndpoint: URL
    /// nil: asked from IAM (or taken from a password login's token) on first use.
    public let projectID: String?
    public let language: Language
    public let retry: RetryPolicy
    /// Plain http to hosts other than loopback; off by default, since credentials would travel
    /// in clear. The same rule holds for redirects (see ``URLSessionTransport``).
    public let allowInsecureHTTP: Bool
    /// A download that passes this many bytes is stopped and removed (``DRSClientError/Kind/limitExceeded``).
    public let maxDownloadBytes: Int64
    /// How long all calls of one client may take together, counted from its creation: every
    /// request, retry wait and status poll ends by then (``DRSClientError/Kind/deadlineExceeded``).
    /// nil: no overall limit.
    public let timeLimit: Duration?
    /// The most compare jobs a job's listing is read for; a longer list (or one the service never
    /// ends) is ``DRSClientError/Kind/limitExceeded``.
    public let maxListedCompareJobs: Int

    /// - Parameters:
    ///   - endpoint: DRS; by default the region's (`https://drs.{region}.myhuaweicloud.com`).
    ///   - iamEndpoint: by default `HUAWEICLOUD_SDK_IAM_ENDPOINT`, else the region's IAM.
    ///   - projectID: by default `HUAWEICLOUD_SDK_PROJECT_ID`, else looked up.
    ///   - allowInsecureHTTP: accept plain http endpoints that are not loopback.
    public init(
        region: String, credentials: Credentials, endpoint: URL? = nil, iamEndpoint: URL? = nil,
        projectID: String? = nil, language: Language = .english, retry: RetryPolicy = RetryPolicy(),
        allowInsecureHTTP: Bool = false, maxDownloadBytes: Int64 = defaultMaxDownloadBytes, timeLimit: Duration? = nil,
        maxListedCompareJobs: Int = defaultMaxListedCompareJobs,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(DRSClientError) {
        try ServiceEndpoints.validate(region: region)
        self.region = region
        self.credentials = credentials
        if let endpoint {
            self.endpoint = endpoint
        } else {
            self.endpoint = try ServiceEndpoints.drs(region: region)
        }
        var iamName = "IAM endpoint (--iam-endpoint)"
        if let iamEndpoint {
            self.iamEndpoint = iamEndpoint
        } else if let fromEnvironment = environment[ServiceEndpoints.iamEndpointVariable], !fromEnvironment.isEmpty {
            self.iamEndpoint = try ServiceEndpoints.parse(fromEnvironment, option: ServiceEndpoints.iamEndpointVariable)
            iamName = "IAM endpoint (\(ServiceEndpoints.iamEndpointVariable))"
        } else {
            self.iamEndpoint = try ServiceEndpoints.iam(region: region)
        }
        try ServiceEndpoints.checkTransportSecurity(
            self.endpoint, what: "DRS endpoint (--endpoint)", allowInsecureHTTP: allowInsecureHTTP)
        try ServiceEndpoints.checkTransportSecurity(self.iamEndpoint, what: iamName, allowInsecureHTTP: allowInsecureHTTP)
        let project = (projectID ?? environment[Self.projectIDVariable]).flatMap { $0.isEmpty ? nil : $0 }
        if let project {
            try ServiceIdentifier.validate(project, as: "project id (--project-id or \(Self.projectIDVariable))")
        }
        self.projectID = project
        guard maxDownloadBytes > 0 else {
            throw DRSClientError(.configuration, "the download limit must be more than 0 bytes (--max-download-bytes)")
        }
        if let timeLimit, timeLimit <= .zero {
            throw DRSClientError(.configuration, "the time limit must be more than 0 seconds (--deadline)")
        }
        guard maxListedCompareJobs > 0 else {
            throw DRSClientError(.configuration, "the compare job limit must be more than 0 (--max-compare-jobs)")
        }
        self.maxListedCompareJobs = maxListedCompareJobs
        self.language = language
        self.retry = retry
        self.allowInsecureHTTP = allowInsecureHTTP
        self.maxDownloadBytes = maxDownloadBytes
        self.timeLimit = timeLimit
    }
}
