import DRSFakeService
import Foundation
import Testing

@testable import DRSClient

@Suite struct CredentialSourcesTests {
    let accessKeys = ["HUAWEICLOUD_SDK_AK": "AKID", "HUAWEICLOUD_SDK_SK": "sk-value-1234"]

    @Test func accessKeysComeFromTheSDKVariables() throws {
        let credentials = try CredentialSources.resolve(
            environment: accessKeys.merging(["HUAWEICLOUD_SDK_SECURITY_TOKEN": "sts-token-5678"]) { $1 },
            tokenFile: nil, prompt: nil)
        guard case .accessKey(let key) = credentials else {
            Issue.record("expected access keys, got \(credentials)")
            return
        }
        #expect(key.id == "AKID")
        #expect(key.secretKey.value == "sk-value-1234")
        #expect(key.securityToken?.value == "sts-token-5678")
    }

    @Test func drsdiffVariablesWinOverTheSDKOnes() throws {
        let token = try CredentialSources.resolve(
            environment: accessKeys.merging(["DRSDIFF_AUTH_TOKEN": "tok-abc-123"]) { $1 }, tokenFile: nil, prompt: nil)
        guard case .token(let value) = token else {
            Issue.record("expected a token")
            return
        }
        #expect(value.value == "tok-abc-123")

        let password = try CredentialSources.resolve(
            environment: accessKeys.merging([
                "DRSDIFF_IAM_USER": "u", "DRSDIFF_IAM_ACCOUNT": "a", "DRSDIFF_IAM_PASSWORD": "pw-secret-9",
            ]) { $1 }, tokenFile: nil, prompt: nil)
        guard case .password(let login) = password else {
            Issue.record("expected a password login")
            return
        }
        #expect(login.user == "u" && login.account == "a" && login.password.value == "pw-secret-9")
    }

    /// A token file as a careful user keeps it: readable by its owner only.
    func privateFile(_ text: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("drsdiff-token-\(UUID().uuidString)")
        try Data(text.utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        return file
    }

    @Test func aTokenFileWinsOverEverything() throws {
        let file = try privateFile("  file-token-xyz\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let credentials = try CredentialSources.resolve(
            environment: accessKeys.merging(["DRSDIFF_AUTH_TOKEN": "env-token"]) { $1 }, tokenFile: file.path, prompt: nil)
        guard case .token(let value) = credentials else {
            Issue.record("expected a token")
            return
        }
        #expect(value.value == "file-token-xyz")
    }

    /// Any bit for the group or others, write and execute included (0622: world-writable).
    @Test(arguments: [0o644, 0o640, 0o604, 0o444, 0o622, 0o602, 0o620, 0o610, 0o601])
    func aTokenFileOpenToOthersIsRefused(mode: Int) throws {
        let file = try privateFile("file-token-readable-by-others")
        defer { try? FileManager.default.removeItem(at: file) }
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
        let error = #expect(throws: DRSClientError.self) {
            try CredentialSources.resolve(environment: [:], tokenFile: file.path, prompt: nil)
        }
        #expect(error?.kind == .authentication)
        #expect(error?.message.contains("chmod 600") == true)
        #expect(error?.message.contains("0" + String(mode, radix: 8)) == true)
        #expect(error?.message.contains("file-token-readable-by-others") == false)
    }

    @Test(arguments: [0o600, 0o400])
    func aTokenFileOnlyItsOwnerCanUseIsRead(mode: Int) throws {
        let file = try privateFile("file-token-private")
        defer { try? FileManager.default.removeItem(at: file) }
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
        let credentials = try CredentialSources.resolve(environment: [:], tokenFile: file.path, prompt: nil)
        guard case .token(let value) = credentials else {
            Issue.record("expected a token, got \(credentials)")
            return
        }
        #expect(value.value == "file-token-private")
    }

    /// A FIFO would block the open (and the read) forever: it is refused at once, by its type.
    @Test func aFIFOAsTheTokenFileIsRefusedWithoutBlocking() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("drsdiff-token-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let error = #expect(throws: DRSClientError.self) {
            try CredentialSources.resolve(environment: [:], tokenFile: path, prompt: nil)
        }
        #expect(error?.kind == .authentication)
        #expect(error?.message.contains("not a regular file") == true, "\(String(describing: error))")
        #expect(error?.message.contains(path) == true)
    }

    @Test(.noSecretsInMessages) func unusableTokenFilesAreAuthenticationErrors() throws {
        let empty = try privateFile("\n")
        defer { try? FileManager.default.removeItem(at: empty) }
        for path in [empty.path, "/nonexistent/drsdiff/token"] {
            let error = #expect(throws: DRSClientError.self) {
                try CredentialSources.resolve(environment: [:], tokenFile: path, prompt: nil)
            }
            #expect(error?.kind == .authentication)
            SecretLeakCheck.record(error?.description ?? "")
        }
    }

    @Test func halfAnAccessKeyPairIsAnError() {
        let error = #expect(throws: DRSClientError.self) {
            try CredentialSources.resolve(environment: ["HUAWEICLOUD_SDK_AK": "AKID"], tokenFile: nil, prompt: nil)
        }
        #expect(error?.kind == .authentication)
        #expect(error?.message.contains("HUAWEICLOUD_SDK_SK") == true)
    }

    @Test func nothingSetAndNoTerminalNamesEveryOption() {
        let error = #expect(throws: DRSClientError.self) {
            try CredentialSources.resolve(environment: [:], tokenFile: nil, prompt: nil)
        }
        #expect(error?.kind == .authentication)
        for name in ["HUAWEICLOUD_SDK_AK", "DRSDIFF_AUTH_TOKEN", "--token-file", "DRSDIFF_IAM_USER"] {
            #expect(error?.message.contains(name) == true)
        }
    }

    @Test func aMissingPasswordIsAskedWithoutEcho() throws {
        let asked = AskedLabels()
        let prompt = CredentialPrompt(
            readLine: { label in
                asked.append("line:\(label)")
                return "prompted-account"
            },
            readSecret: { label in
                asked.append("secret:\(label)")
                return "typed-password-42"
            })
        let credentials = try CredentialSources.resolve(
            environment: ["DRSDIFF_IAM_USER": "reader"], tokenFile: nil, prompt: prompt)
        guard case .password(let login) = credentials else {
            Issue.record("expected a password login")
            return
        }
        #expect(login.user == "reader" && login.account == "prompted-account")
        #expect(login.password.value == "typed-password-42")
        #expect(asked.labels == ["line:account name", "secret:password"])
    }

    @Test func aMissingPasswordWithoutTerminalNamesTheVariable() {
        let error = #expect(throws: DRSClientError.self) {
            try CredentialSources.resolve(
                environment: ["DRSDIFF_IAM_USER": "u", "DRSDIFF_IAM_ACCOUNT": "a"], tokenFile: nil, prompt: nil)
        }
        #expect(error?.message.contains("DRSDIFF_IAM_PASSWORD") == true)
    }

    @Test(.noSecretsInMessages) func secretsNeverPrint() {
        let key = AccessKey(id: "AKID", secretKey: Secret("sk-hidden-777"), securityToken: Secret("sts-hidden-888"))
        let login = PasswordLogin(user: "u", account: "a", password: Secret("pw-hidden-999"))
        SecretLeakCheck.register(secrets: ["sk-hidden-777", "sts-hidden-888", "pw-hidden-999"])
        var dumped = ""
        dump(Credentials.accessKey(key), to: &dumped)
        dump(Credentials.password(login), to: &dumped)
        for text in [
            dumped, "\(key)", "\(login)", String(describing: Credentials.accessKey(key)),
            String(reflecting: Credentials.password(login)),
        ] {
            SecretLeakCheck.record(text)
            #expect(!text.contains("hidden"))
        }
    }
}

private final class AskedLabels: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    func append(_ label: String) { lock.withLock { recorded.append(label) } }
    var labels: [String] { lock.withLock { recorded } }
}
