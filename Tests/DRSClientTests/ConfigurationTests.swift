import DRSFakeService
import Foundation
import Testing

@testable import DRSClient

@Suite(.noSecretsInMessages) struct ConfigurationTests {
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
        #expect(throws: DRSClientError.self) { try CompareResultFile(jobID: "j", compareType: .rows, compareJobID: nil) }
        #expect(throws: DRSClientError.self) { try CompareResultFile(jobID: "", compareType: .objects, compareJobID: nil) }
        let objects = try CompareResultFile(jobID: "j1", compareType: .objects, compareJobID: nil)
        #expect(objects.defaultFileName == "j1_objects_comparison.xlsx")
        let lines = try CompareResultFile(jobID: "j1", compareType: .rows, compareJobID: "c2")
        #expect(lines.defaultFileName == "j1_lines_c2.xlsx")
        let hostile = try CompareResultFile(jobID: "../../etc/x", compareType: .values, compareJobID: "a/b")
        #expect(hostile.defaultFileName == "_._.._etc_x_contents_a_b.xlsx")
    }
}
