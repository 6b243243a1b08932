import DRSFakeService
import Foundation
import Testing

@testable import DRSClient

/// The vendor's worked example from the APIG signing guide, stage by stage.
@Suite struct RequestSignerTests {
    static let accessKey = AccessKey(
        id: "QTWAOYTTINDUT2QVKYUC", secretKey: Secret("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"))
    static let url = URL(
        string: "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0")!
    static let headers = [
        "Content-Type": "application/json", "Host": "service.region.example.com", "X-Sdk-Date": "20191115T033655Z",
    ]
    static let vectorCanonicalRequestHash = "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a"
    static let vectorSignature = "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe"

    static func vectorCanonicalRequest() -> String {
        RequestSigner.canonicalRequest(
            method: "GET", path: "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
            query: [("limit", "2"), ("marker", "13551d6b-755d-4757-b956-536f674975c0")],
            headers: headers, body: Data())
    }

    @Test func canonicalRequestMatchesTheVendorVector() {
        let canonical = Self.vectorCanonicalRequest()
        #expect(
            canonical == """
                GET
                /v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/
                limit=2&marker=13551d6b-755d-4757-b956-536f674975c0
                content-type:application/json
                host:service.region.example.com
                x-sdk-date:20191115T033655Z

                content-type;host;x-sdk-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """)
        #expect(RequestSigner.hexSHA256(Data(canonical.utf8)) == Self.vectorCanonicalRequestHash)
    }

    @Test func stringToSignAndSignatureMatchTheVendorVector() {
        let toSign = RequestSigner.stringToSign(
            canonicalRequest: Self.vectorCanonicalRequest(), sdkDate: "20191115T033655Z")
        #expect(toSign == "SDK-HMAC-SHA256\n20191115T033655Z\n\(Self.vectorCanonicalRequestHash)")
        let signature = RequestSigner.signature(stringToSign: toSign, secretKey: Self.accessKey.secretKey)
        #expect(signature == Self.vectorSignature)
        #expect(
            RequestSigner.authorization(
                accessKeyID: Self.accessKey.id, signedHeaders: ["content-type", "host", "x-sdk-date"],
                signature: signature)
                == "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=\(Self.vectorSignature)")
    }

    @Test func signingARequestReproducesTheVendorVector() throws {
        var request = TransportRequest(method: "GET", url: Self.url, headers: ["Content-Type": "application/json"])
        let date = try #require(RequestSigner.parseSDKDate("20191115T033655Z"))
        RequestSigner.sign(&request, with: Self.accessKey, at: date)
        #expect(request.header("X-Sdk-Date") == "20191115T033655Z")
        #expect(request.header("authorization")?.hasSuffix("Signature=\(Self.vectorSignature)") == true)
        // The stack sets Host itself; the signer signs it without setting it.
        #expect(request.header("Host") == nil)
    }

    @Test func sdkDateIsUTCInTheCompactFormat() throws {
        let date = Date(timeIntervalSince1970: 1_573_788_015)  // 2019-11-15 03:20:15 UTC
        #expect(RequestSigner.sdkDate(date) == "20191115T032015Z")
        #expect(RequestSigner.parseSDKDate("20191115T032015Z") == date)
        #expect(RequestSigner.parseSDKDate("2019-11-15T03:20:15Z") == nil)
    }

    @Test func temporaryKeysSignTheirSecurityTokenAndProjectHeaders() {
        let key = AccessKey(id: "AK", secretKey: Secret("secret-key-123"), securityToken: Secret("security-token-456"))
        var request = TransportRequest(
            method: "POST", url: URL(string: "http://127.0.0.1:8080/v3/p/jobs/j/compare/result/file")!,
            headers: ["Content-Type": "application/json", "X-Project-Id": "p", "my_header": "unsigned"], body: Data("{}".utf8))
        RequestSigner.sign(&request, with: key, at: Date(timeIntervalSince1970: 0))
        #expect(request.header("X-Security-Token") == "security-token-456")
        #expect(
            request.header("Authorization")?.contains(
                "SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token,") == true)
    }

    @Test func hostHeaderCarriesOnlyANonDefaultPort() {
        #expect(RequestSigner.hostHeader(for: URL(string: "https://drs.cn-north-4.myhuaweicloud.com/v3")!) == "drs.cn-north-4.myhuaweicloud.com")
        #expect(RequestSigner.hostHeader(for: URL(string: "https://example.com:443/")!) == "example.com")
        #expect(RequestSigner.hostHeader(for: URL(string: "http://127.0.0.1:18080/")!) == "127.0.0.1:18080")
    }

    @Test func encodingKeepsOnlyUnreservedCharacters() {
        #expect(RequestSigner.uriEncode("a-Z_0.9~") == "a-Z_0.9~")
        #expect(RequestSigner.uriEncode("a b/c+d=é") == "a%20b%2Fc%2Bd%3D%C3%A9")
        #expect(RequestSigner.canonicalURI("") == "/")
        #expect(RequestSigner.canonicalURI("/v3/a%20b") == "/v3/a%20b/")
        #expect(RequestSigner.canonicalQuery([("b", "2"), ("a", "z"), ("a", "y")]) == "a=y&a=z&b=2")
    }
}
