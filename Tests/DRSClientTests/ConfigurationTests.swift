import DRSFakeService
import Foundation
import Testing

@testable import DRSClient

@Suite struct ConfigurationTests {
    let token = Credentials.token(Secret("t0ken-value"))

    @Test func endpointsFollowTheRegion() throws {
        let configuration = try DRSClientConfiguration(region: "cn-north-4", credentials: token, environment: [:])
        #expect(configuration.endpoint.absoluteString == "https://drs.cn-north-4.myhuaweicloud.com")
        #expect(configuration.iamEndpoint.absoluteString == "https://iam.cn-north-4.myhuaweicloud.com")
        #expect(configuration.projectID == nil)
    }

    @Test func europeanRegionUsesTheEUDomain() throws {
        let configuration = try DRSClientConfiguration(region: "eu-west-101", credentials: token, environment: [:])
        #expect(configuration.endpoint.absoluteString == "https://drs.eu-west-101.myhuaweicloud.eu")
        #expect(configuration.iamEndpoint.absoluteString == "https://iam.eu-west-101.myhuaweicloud.eu")
    }

    @Test func flagsWinOverTheEnvironmentWhichWinsOverTheRegion() throws {
        let environment = [
            "HUAWEICLOUD_SDK_IAM_ENDPOINT": "https://iam.example.com", "HUAWEICLOUD_SDK_PROJECT_ID": "env-project",
        ]
        let fromEnvironment = try DRSClientConfiguration(region: "cn-north-4", credentials: token, environment: environment)
        #expect(fromEnvironment.iamEndpoint.absoluteString == "https://iam.example.com")
        #expect(fromEnvironment.projectID == "env-project")

        let explicit = try DRSClientConfiguration(
            region: "cn-north-4", credentials: token, endpoint: URL(string: "http://127.0.0.1:9")!,
            iamEndpoint: URL(string: "http://127.0.0.1:10")!, projectID: "flag-project", environment: environment)
        #expect(explicit.endpoint.absoluteString == "http://127.0.0.1:9")
        #expect(explicit.iamEndpoint.absoluteString == "http://127.0.0.1:10")
        #expect(explicit.projectID == "flag-project")
    }

    @Test(arguments: ["", "CN-NORTH-4", "cn north", "evil.com/x", "-x"])
    func regionsThatAreNotHostLabelsAreRefused(region: String) {
        #expect(throws: DRSClientError.self) {
            try DRSClientConfiguration(region: region, credentials: token, environment: [:])
        }
    }

    @Test func endpointOverridesMustBeHTTPURLs() throws {
        #expect(try ServiceEndpoints.parse("http://127.0.0.1:8080/", option: "--endpoint").absoluteString == "http://127.0.0.1:8080")
        #expect(try ServiceEndpoints.parse("https://drs.example.com/prefix", option: "--endpoint").path == "/prefix")
        for bad in ["drs.example.com", "ftp://x", "https://", "https://x/?q=1"] {
            let error = #expect(throws: DRSClientError.self) { try ServiceEndpoints.parse(bad, option: "--endpoint") }
            #expect(error?.kind == .configuration)
        }
    }

    @Test func compareJobIsRequiredForDataComparisons() throws {
        #expect(throws: DRSClientError.self) { try CompareResultFile(jobID: "j", compareType: .lines, compareJobID: nil) }
        #expect(throws: DRSClientError.self) { try CompareResultFile(jobID: "", compareType: .objects, compareJobID: nil) }
        let objects = try CompareResultFile(jobID: "j1", compareType: .objects, compareJobID: nil)
        #expect(objects.defaultFileName == "j1_objects_comparison.xlsx")
        let lines = try CompareResultFile(jobID: "j1", compareType: .lines, compareJobID: "c2")
        #expect(lines.defaultFileName == "j1_lines_c2.xlsx")
    }

    /// Ids reach URL paths and headers: anything outside the service's id syntax is refused before
    /// a request exists (`..` would be collapsed by the HTTP stack, CR/LF would drop a header).
    @Test(arguments: [".", "..", "../../etc/x", "a/b", "a\r\nX-Injected: 1", "job\u{1B}[31m", "a b", "a%2Fb", "é", String(repeating: "a", count: 129)])
    func idsOutsideTheServiceSyntaxAreRefused(id: String) throws {
        for (jobID, compareJobID) in [(id, "c1"), ("j1", id)] {
            let error = #expect(throws: DRSClientError.self) {
                try CompareResultFile(jobID: jobID, compareType: .values, compareJobID: compareJobID)
            }
            #expect(error?.kind == .configuration)
            #expect(error?.message.contains(where: { $0 == "\u{1B}" || $0 == "\r" || $0 == "\n" }) == false)
        }
        let project = #expect(throws: DRSClientError.self) {
            try DRSClientConfiguration(region: "cn-north-4", credentials: token, projectID: id, environment: [:])
        }
        #expect(project?.message.contains("project id") == true)
        #expect(try CompareResultFile(jobID: "6b3f2e0a-Job_4d1c", compareType: .lines, compareJobID: "C0-9_z").jobID == "6b3f2e0a-Job_4d1c")
    }

    @Test(arguments: ["http://drs.example.com", "http://10.0.0.8:8080", "http://[fe80::1]", "http://127.0.0.1.example.com"])
    func plainHTTPToAnotherHostNeedsExplicitConsent(endpoint: String) throws {
        let url = try #require(URL(string: endpoint))
        let refused = #expect(throws: DRSClientError.self) {
            try DRSClientConfiguration(region: "cn-north-4", credentials: token, endpoint: url, environment: [:])
        }
        #expect(refused?.kind == .configuration)
        #expect(refused?.message.contains("--allow-insecure-http") == true)
        #expect(refused?.message.contains("--endpoint") == true)
        let iam = #expect(throws: DRSClientError.self) {
            try DRSClientConfiguration(region: "cn-north-4", credentials: token, environment: ["HUAWEICLOUD_SDK_IAM_ENDPOINT": endpoint])
        }
        #expect(iam?.message.contains("HUAWEICLOUD_SDK_IAM_ENDPOINT") == true)
        let allowed = try DRSClientConfiguration(
            region: "cn-north-4", credentials: token, endpoint: url, iamEndpoint: url, allowInsecureHTTP: true, environment: [:])
        #expect(allowed.allowInsecureHTTP && ServiceEndpoints.isInsecure(allowed.endpoint))
    }

    @Test(arguments: ["http://127.0.0.1:9", "http://127.1.2.3", "http://localhost:8080", "http://[::1]:9", "https://drs.example.com"])
    func loopbackAndHTTPSNeedNoConsent(endpoint: String) throws {
        let url = try #require(URL(string: endpoint))
        let configuration = try DRSClientConfiguration(region: "cn-north-4", credentials: token, endpoint: url, iamEndpoint: url, environment: [:])
        #expect(!ServiceEndpoints.isInsecure(configuration.endpoint))
    }

    @Test func limitsMustBePositive() {
        #expect(throws: DRSClientError.self) {
            try DRSClientConfiguration(region: "cn-north-4", credentials: token, maxDownloadBytes: 0, environment: [:])
        }
        #expect(throws: DRSClientError.self) {
            try DRSClientConfiguration(region: "cn-north-4", credentials: token, timeLimit: .zero, environment: [:])
        }
    }
}
