import DRSFakeService
import Testing

/// The check that every client test runs under (`.noSecretsInMessages`) must itself work.
@Suite struct SecretLeakCheckTests {
    @Test func aPlantedSecretIsFoundAndNotRepeated() {
        let check = SecretLeakCheck()
        SecretLeakCheck.$current.withValue(check) {
            SecretLeakCheck.register(secrets: ["s3cr3t-value-1", "other-secret-2"])
            SecretLeakCheck.record("error: could not export (HTTP 400)")
            SecretLeakCheck.record("Authorization: SDK-HMAC-SHA256 Signature=s3cr3t-value-1")
        }
        let leaks = check.leaks()
        #expect(check.messageCount == 2)
        #expect(leaks.count == 1)
        #expect(leaks.allSatisfy { !$0.contains("s3cr3t-value-1") })
        #expect(leaks.first?.contains("<SECRET>") == true)
    }

    @Test func fakeServersRegisterTheirSecrets() async throws {
        let check = SecretLeakCheck()
        try await SecretLeakCheck.$current.withValue(check) {
            let fake = try await FakeDRSService.start()
            SecretLeakCheck.record("leaked \(fake.configuration.login.password.value)")
            await fake.stop()
        }
        #expect(check.leaks().count == 1)
    }
}
