import DRSFakeService
import Foundation
import Testing

@testable import DRSClient

/// Secrets a service echoes back are redacted whole, whatever their spelling and wherever the
/// message is cut.
@Suite(.noSecretsInMessages) struct RedactionTests {
    /// Before: the message was cut to 1,000 characters first, and the token's start survived the cut.
    @Test func aSecretAcrossTheCutShowsNothingOfItself() async throws {
        try await ClientHarness.with { harness in
            let padding = ServiceText.maximumLength - 10
            await harness.fake.inject(.echoCredentialsAs(.plain, padding: padding), on: .export)
            let error = await expectClientError(.service) { try await harness.fetch(with: try harness.client(.token)) }
            let token = harness.fake.configuration.givenToken.value
            let text = error?.description ?? ""
            #expect(!text.contains(token.prefix(10)), "\(text.suffix(80))")
            #expect(text.contains(String(repeating: "x", count: padding) + "<redac"))
        }
    }

    /// An IAM answer that repeats the login's JSON: the password is in it with `\/` and `\"`.
    @Test func aPasswordEchoedJSONEscapedIsRedacted() async throws {
        let password = #"fake-pass/word"Q9\z"#
        try await ClientHarness.with(configure: {
            $0.login = PasswordLogin(user: "drs-reader", account: "example-account", password: Secret(password))
        }) { harness in
            await harness.fake.inject(.echoBody, on: .iamToken)
            let error = await expectClientError(.authentication) { try await harness.fetch(with: try harness.client(.password)) }
            let text = error?.description ?? ""
            #expect(text.contains("<redacted>"), "\(text)")
            for form in [password, #"fake-pass\/word\"Q9\\z"#, "fake-pass", "Q9"] {
                #expect(!text.contains(form), "\(form) in \(text)")
            }
        }
    }

    @Test func aTokenEchoedPercentEncodedIsRedacted() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.echoCredentialsAs(.percentEncoded, padding: 0), on: .export)
            let error = await expectClientError(.service) { try await harness.fetch(with: try harness.client(.token)) }
            let token = harness.fake.configuration.givenToken.value
            let encoded = token.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let text = error?.description ?? ""
            #expect(error?.response?.errorMessage == "<redacted>", "\(text)")
            #expect(!text.contains(encoded))
        }
    }

    /// Before: an echoed AK/SK `Authorization` value (replayable for minutes) was shown.
    @Test(arguments: [FakeFault.EchoForm.plain, .jsonEscaped, .percentEncoded])
    func anEchoedSignatureIsRedacted(form: FakeFault.EchoForm) async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.echoCredentialsAs(form, padding: 0), on: .export)
            let error = await expectClientError(.service) { try await harness.fetch(with: try harness.client(.accessKey)) }
            let sent = await harness.fake.requests(to: .export).compactMap { $0.header("authorization") }
            let signature = try #require(sent.first?.components(separatedBy: "Signature=").last)
            #expect(signature.count == 64)
            let text = error?.description ?? ""
            #expect(!text.contains(signature), "\(text)")
            #expect(text.contains("<redacted>"))
        }
    }

    @Test func theSecurityTokenOfTemporaryKeysIsRedacted() async throws {
        let securityToken = "fake-security-token-T3mp0rary/Keys+Q=="
        try await ClientHarness.with(configure: {
            $0.accessKey = AccessKey(id: "FAKEACCESSKEYID0001", secretKey: Secret("fake-secret-key-6Q2hKx9vTz4Lw8Rb"), securityToken: Secret(securityToken))
        }) { harness in
            await harness.fake.inject(.echoCredentialsAs(.jsonEscaped, padding: 0), on: .export)
            let error = await expectClientError(.service) { try await harness.fetch(with: try harness.client(.accessKey)) }
            let text = error?.description ?? ""
            #expect(!text.contains("T3mp0rary"), "\(text)")
        }
    }
}

/// The spellings redaction looks for, without a service.
@Suite struct RedactionFormTests {
    @Test func echoedFormsCoverJSONAndURLSpellings() {
        let forms = Redaction.echoedForms(#"a/b"c d€"#)
        #expect(forms.contains(#"a\/b\"c d€"#))
        #expect(forms.contains(#"a/b\"c d\u20AC"#))
        #expect(forms.contains("a%2Fb%22c%20d%E2%82%AC"))
        #expect(forms.contains("a%2fb%22c%20d%e2%82%ac"))
        #expect(forms.contains("a%2Fb%22c+d%E2%82%AC"))
        #expect(Redaction.echoedForms("a-b").contains("a%2Db"))
        #expect(Redaction.scrub(#"x a\/b\"c d€ y"#, secrets: [#"a/b"c d€"#]) == "x <redacted> y")
    }
}
