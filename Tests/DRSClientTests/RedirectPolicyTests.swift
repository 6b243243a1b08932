import DRSFakeService
import Foundation
import Testing

@testable import DRSClient

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite(.noSecretsInMessages) struct RedirectPolicyTests {
    func redirected(to target: String) -> URLRequest {
        var request = URLRequest(url: URL(string: target)!)
        request.setValue("token", forHTTPHeaderField: "X-Auth-Token")
        request.setValue("SDK-HMAC-SHA256 Access=…", forHTTPHeaderField: "Authorization")
        request.setValue("sts", forHTTPHeaderField: "X-Security-Token")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        return request
    }

    @Test(arguments: [
        "https://obs.example.com/file.xlsx",  // another host
        "http://drs.example.com/file.xlsx",  // a downgrade to http
        "https://drs.example.com:8443/file.xlsx",  // another port
    ])
    func credentialsStayBehindOnAnotherOrigin(target: String) {
        let request = RedirectPolicy.request(
            following: redirected(to: target), from: URL(string: "https://drs.example.com/v3/x")!)
        for name in RedirectPolicy.credentialHeaders {
            #expect(request.value(forHTTPHeaderField: name) == nil)
        }
        #expect(request.value(forHTTPHeaderField: "Content-Type") == "application/json")
    }

    @Test func credentialsFollowWithinTheSameOrigin() {
        let request = RedirectPolicy.request(
            following: redirected(to: "https://DRS.example.com:443/v3/other"),
            from: URL(string: "https://drs.example.com/v3/x")!)
        #expect(request.value(forHTTPHeaderField: "X-Auth-Token") == "token")
    }
}
