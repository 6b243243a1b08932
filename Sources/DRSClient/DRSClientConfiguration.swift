import Foundation

/// Everything a ``DRSClient`` needs to know before its first request.
public struct DRSClientConfiguration: Sendable {
    public static let projectIDVariable = "HUAWEICLOUD_SDK_PROJECT_ID"

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

    /// - Parameters:
    ///   - endpoint: DRS; by default the region's (`https://drs.{region}.myhuaweicloud.com`).
    ///   - iamEndpoint: by default `HUAWEICLOUD_SDK_IAM_ENDPOINT`, else the region's IAM.
    ///   - projectID: by default `HUAWEICLOUD_SDK_PROJECT_ID`, else looked up.
    public init(
        region: String, credentials: Credentials, endpoint: URL? = nil, iamEndpoint: URL? = nil,
        projectID: String? = nil, language: Language = .english, retry: RetryPolicy = RetryPolicy(),
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
        if let iamEndpoint {
            self.iamEndpoint = iamEndpoint
        } else if let fromEnvironment = environment[ServiceEndpoints.iamEndpointVariable], !fromEnvironment.isEmpty {
            self.iamEndpoint = try ServiceEndpoints.parse(fromEnvironment, option: ServiceEndpoints.iamEndpointVariable)
        } else {
            self.iamEndpoint = try ServiceEndpoints.iam(region: region)
        }
        let project = projectID ?? environment[Self.projectIDVariable]
        self.projectID = project.flatMap { $0.isEmpty ? nil : $0 }
        self.language = language
        self.retry = retry
    }
}
