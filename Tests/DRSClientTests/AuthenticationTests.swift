import DRSFakeService
import Foundation
import Testing

@testable import DRSClient

/// Each credential kind against the fake, which checks signatures and tokens as the gateway does.
@Suite(.noSecretsInMessages) struct AuthenticationTests {
    @Test func accessKeysSignEveryRequestAndFindTheProjectInIAM() async throws {
        try await ClientHarness.with { harness in
            try await harness.fetch(with: try harness.client(.accessKey))
            #expect(harness.downloadedFile() == harness.fake.configuration.workbook)

            let projectLookups = await harness.fake.requests(to: .iamProjects)
            #expect(projectLookups.count == 1)
            #expect(projectLookups.first?.query["name"] == "cn-north-4")
            for request in await harness.fake.requests() {
                #expect(request.header("authorization")?.hasPrefix("SDK-HMAC-SHA256 Access=FAKEACCESSKEYID0001") == true)
                #expect(request.header("x-auth-token") == nil)
            }
            let export = try #require(await harness.fake.requests(to: .export).first)
            #expect(export.header("region") == "cn-north-4")
            #expect(export.header("x-language") == "en-us")
            #expect(export.header("x-project-id") == harness.fake.configuration.projectID)
            let body = try #require(try JSONSerialization.jsonObject(with: export.body) as? [String: String])
            #expect(body == ["compare_type": "objects_comparison", "time_zone": "GMT+08:00"])

            let download = try #require(await harness.fake.requests(to: .download).first)
            #expect(download.body.isEmpty)
            #expect(download.header("content-type") == "application/json")
            #expect(download.query == ["compare_type": "objects_comparison"])
        }
    }

    @Test func temporaryAccessKeysSendTheirSecurityToken() async throws {
        try await ClientHarness.with(configure: {
            $0.accessKey = AccessKey(
                id: "FAKETEMPORARYKEY01", secretKey: Secret("fake-temporary-secret-9Pq"),
                securityToken: Secret("fake-security-token-gQoSY24tbm9ydGgtNA"))
        }) { harness in
            try await harness.fetch(with: try harness.client(.accessKey))
            #expect(harness.downloadedFile() != nil)
            for request in await harness.fake.requests() {
                #expect(request.header("x-security-token") == "fake-security-token-gQoSY24tbm9ydGgtNA")
            }
        }
    }

    @Test func aGivenTokenGoesInXAuthToken() async throws {
        try await ClientHarness.with { harness in
            try await harness.fetch(with: try harness.client(.token))
            #expect(harness.downloadedFile() != nil)
            for request in await harness.fake.requests() {
                #expect(request.header("x-auth-token") == harness.fake.configuration.givenToken.value)
                #expect(request.header("authorization") == nil)
            }
        }
    }

    @Test func aPasswordLoginFetchesOneTokenAndTakesItsProject() async throws {
        try await ClientHarness.with { harness in
            try await harness.fetch(with: try harness.client(.password))
            #expect(harness.downloadedFile() != nil)
            let tokenRequests = await harness.fake.requests(to: .iamToken)
            #expect(tokenRequests.count == 1)
            #expect(await harness.fake.requests(to: .iamProjects).isEmpty)
            let drsTokens = Set(await harness.fake.requests().compactMap { $0.header("x-auth-token") })
            #expect(drsTokens.count == 1)
            #expect(drsTokens.first?.hasPrefix("fake-issued-token-") == true)
        }
    }

    @Test func aPasswordTokenIsRenewedBeforeItExpires() async throws {
        // Tokens live 11 minutes; the client renews them 10 minutes early, and a long wait
        // for the export (about 10 minutes of polling, on the test clock) crosses that line.
        try await ClientHarness.with(configure: {
            $0.tokenLifetime = 11 * 60
            $0.exportBehaviour = .completesAfterPolls(62)
        }) { harness in
            try await harness.fetch(with: try harness.client(.password), waitTimeout: .seconds(3600))
            let tokenRequests = await harness.fake.requests(to: .iamToken).count
            let drsRequests = await harness.fake.requests().count - tokenRequests
            #expect(tokenRequests >= 2)
            #expect(tokenRequests < drsRequests / 4)
        }
    }

    @Test func aWrongPasswordIsAnAuthenticationError() async throws {
        try await ClientHarness.with { harness in
            let login = harness.fake.configuration.login
            let wrong = PasswordLogin(user: login.user, account: login.account, password: Secret("wrong-password-3141"))
            SecretLeakCheck.register(secrets: ["wrong-password-3141"])
            let error = await expectClientError(.authentication) {
                try await harness.fetch(with: try harness.client(.password(wrong)))
            }
            #expect(error?.description.contains("user drs-reader of account example-account") == true)
            #expect(error?.response?.httpStatus == 401)
            #expect(error?.response?.errorMessage == "The username or password is wrong.")
            #expect(harness.leftovers.isEmpty)
        }
    }

    @Test func anExpiredPasswordTokenIsRenewedOnce() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.tokenExpired, on: .download)
            try await harness.fetch(with: try harness.client(.password))
            #expect(harness.downloadedFile() != nil)
            #expect(await harness.fake.requests(to: .iamToken).count == 2)
            #expect(await harness.fake.requests(to: .download).count == 2)
        }
    }

    @Test func aTokenRefusedAgainAfterRenewalIsAnError() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.tokenExpired, on: .download, times: 3)
            let error = await expectClientError(.authentication) {
                try await harness.fetch(with: try harness.client(.password))
            }
            #expect(error?.description.contains("The token must be updated.") == true)
            #expect(await harness.fake.requests(to: .iamToken).count == 2)
            #expect(await harness.fake.requests(to: .download).count == 2)
            #expect(harness.leftovers.isEmpty)
        }
    }

    @Test func anExpiredGivenTokenSaysWhatToDo() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.tokenExpired, on: .export)
            let error = await expectClientError(.authentication) {
                try await harness.fetch(with: try harness.client(.token))
            }
            #expect(error?.message.contains("cannot renew a token it was given") == true)
            #expect(error?.response?.errorCode == "APIGW.0307")
            #expect(await harness.fake.requests(to: .export).count == 1)
            #expect(await harness.fake.requests(to: .iamToken).isEmpty)
        }
    }

    @Test func accessKeysSignAgainOnceAfterAnExpiryAnswer() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.tokenExpired, on: .export)
            try await harness.fetch(with: try harness.client(.accessKey))
            #expect(await harness.fake.requests(to: .export).count == 2)
        }
    }

    @Test func forbiddenIsAnAuthenticationErrorWithoutRetries() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.forbidden, on: .export)
            let error = await expectClientError(.authentication) {
                try await harness.fetch(with: try harness.client(.accessKey))
            }
            let text = error?.description ?? ""
            #expect(text.contains("DRS.M00102") && text.contains("Insufficient permissions.") && text.contains("HTTP 403"))
            #expect(text.contains("X-Request-Id fake-request-"))
            #expect(await harness.fake.requests(to: .export).count == 1)
        }
    }

    @Test func aRegionWithoutProjectIsAConfigurationError() async throws {
        try await ClientHarness.with { harness in
            let configuration = try DRSClientConfiguration(
                region: "cn-east-3", credentials: harness.credentials(.token), endpoint: harness.fake.baseURL,
                iamEndpoint: harness.fake.baseURL, environment: [:])
            let client = DRSClient(configuration: configuration, transport: URLSessionTransport(), clock: harness.clock.clock)
            let error = await expectClientError(.configuration) { _ = try await client.projectID() }
            #expect(error?.message.contains("--project-id") == true)
        }
    }

    @Test func aGivenProjectIDSkipsTheLookup() async throws {
        try await ClientHarness.with { harness in
            try await harness.fetch(with: try harness.client(.token, projectID: harness.fake.configuration.projectID))
            #expect(await harness.fake.requests(to: .iamProjects).isEmpty)
        }
    }
}
