import Foundation
import Testing

@testable import DRSClient

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Which redirects are followed, and with which headers (the transport's wiring of this policy
/// is tested against the fake service in TransportSecurityTests).
@Suite struct RedirectPolicyTests {
    let policy = RedirectPolicy(allowInsecureHTTP: false)

    func redirected(to target: String) -> URLRequest {
        var request = URLRequest(url: URL(string: target)!)
        request.setValue("token", forHTTPHeaderField: "X-Auth-Token")
        request.setValue("SDK-HMAC-SHA256 Access=…", forHTTPHeaderField: "Authorization")
        request.setValue("sts", forHTTPHeaderField: "X-Security-Token")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        return request
    }

    func followed(_ target: String, from origin: String, policy: RedirectPolicy? = nil, after count: Int = 0) -> URLRequest? {
        guard case .follow(let request) = (policy ?? self.policy).decide(redirected(to: target), from: URL(string: origin), followed: count)
        else { return nil }
        return request
    }

    func refusal(_ target: String, from origin: String, policy: RedirectPolicy? = nil, after count: Int = 0) -> String? {
        guard case .refuse(let reason) = (policy ?? self.policy).decide(redirected(to: target), from: URL(string: origin), followed: count)
        else { return nil }
        return reason
    }

    @Test(arguments: [
        "https://obs.example.com/file.xlsx",  // another host
        "https://drs.example.com:8443/file.xlsx",  // another port
        "http://127.0.0.1/file.xlsx",  // another scheme (loopback http)
    ])
    func credentialsStayBehindOnAnotherOrigin(target: String) throws {
        let origin = target.hasPrefix("http:") ? "http://127.0.0.2/v3/x" : "https://drs.example.com/v3/x"
        let request = try #require(followed(target, from: origin))
        for name in RedirectPolicy.credentialHeaders {
            #expect(request.value(forHTTPHeaderField: name) == nil, "\(name)")
        }
        #expect(request.value(forHTTPHeaderField: "Content-Type") == "application/json")
    }

    @Test func credentialsFollowWithinTheSameOrigin() throws {
        let request = try #require(followed("https://DRS.example.com:443/v3/other", from: "https://drs.example.com/v3/x"))
        #expect(request.value(forHTTPHeaderField: "X-Auth-Token") == "token")
        #expect(request.value(forHTTPHeaderField: "Authorization") == "SDK-HMAC-SHA256 Access=…")
        #expect(request.value(forHTTPHeaderField: "X-Security-Token") == "sts")
        #expect(request.value(forHTTPHeaderField: "Content-Type") == "application/json")
    }

    @Test(arguments: ["http://drs.example.com/file.xlsx", "http://127.0.0.1/file.xlsx", "http://localhost:8080/f"])
    func httpsNeverDowngradesToHTTP(target: String) {
        let insecure = RedirectPolicy(allowInsecureHTTP: true)
        #expect(refusal(target, from: "https://drs.example.com/v3/x")?.contains("from https to plain http") == true)
        #expect(refusal(target, from: "https://drs.example.com/v3/x", policy: insecure)?.contains("from https to plain http") == true)
    }

    @Test func plainHTTPElsewhereThanLoopbackOnlyWhenAllowed() {
        #expect(refusal("http://files.example.com/f", from: "http://127.0.0.1:9/v3")?.contains("--allow-insecure-http") == true)
        #expect(followed("http://files.example.com/f", from: "http://127.0.0.1:9/v3", policy: RedirectPolicy(allowInsecureHTTP: true)) != nil)
        #expect(followed("http://127.0.0.2:8/f", from: "http://127.0.0.1:9/v3") != nil)
    }

    @Test func atMostFiveRedirects() {
        #expect(followed("https://drs.example.com/a", from: "https://drs.example.com/b", after: 4) != nil)
        #expect(refusal("https://drs.example.com/a", from: "https://drs.example.com/b", after: 5)?.contains("more than 5") == true)
    }

    @Test func onlyHTTPURLs() {
        #expect(refusal("ftp://drs.example.com/a", from: "https://drs.example.com/b") != nil)
        #expect(refusal("file:///etc/passwd", from: "https://drs.example.com/b") != nil)
    }
}
