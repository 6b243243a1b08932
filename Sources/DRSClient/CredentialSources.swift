import Foundation

/// Where credentials come from, in a fixed order, so that one environment gives one answer.
///
/// 1. `--token-file PATH` (an explicit choice on the command line; refused when it grants the
///    group or other users any permission);
/// 2. `DRSDIFF_AUTH_TOKEN` — an IAM token;
/// 3. `DRSDIFF_IAM_USER`, `DRSDIFF_IAM_ACCOUNT`, `DRSDIFF_IAM_PASSWORD` — an IAM password login
///    (any of them set selects it; what is missing is asked for when a prompt is available);
/// 4. `HUAWEICLOUD_SDK_AK`, `HUAWEICLOUD_SDK_SK` and optionally `HUAWEICLOUD_SDK_SECURITY_TOKEN`
///    — the variables of Huawei Cloud's official SDKs;
/// 5. nothing set: a prompt for a password login, when one is available.
///
/// drsdiff's own variables come before the SDK-wide ones because they are the more specific
/// choice: someone who exports `DRSDIFF_AUTH_TOKEN` for one run means it, even with access keys
/// in their shell profile. A token is never taken from a command-line value, which `ps` would show.
public enum CredentialSources {
    public static let tokenVariable = "DRSDIFF_AUTH_TOKEN"
    public static let userVariable = "DRSDIFF_IAM_USER"
    public static let accountVariable = "DRSDIFF_IAM_ACCOUNT"
    public static let passwordVariable = "DRSDIFF_IAM_PASSWORD"
    public static let accessKeyVariable = "HUAWEICLOUD_SDK_AK"
    public static let secretKeyVariable = "HUAWEICLOUD_SDK_SK"
    public static let securityTokenVariable = "HUAWEICLOUD_SDK_SECURITY_TOKEN"

    /// Tokens are at most 100,000 characters; anything far larger is not a token file.
    static let maximumTokenFileSize = 1 << 20

    /// Resolves the credentials to use. `prompt` is nil when nobody can answer (stdin is not a
    /// terminal); then anything missing is an error naming the variable to set.
    public static func resolve(
        environment: [String: String], tokenFile: String?, prompt: CredentialPrompt?
    ) throws(DRSClientError) -> Credentials {
        let value = { (name: String) -> String? in
            guard let text = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines),
                !text.isEmpty
            else { return nil }
            return text
        }

        if let tokenFile {
            return .token(Secret(try readToken(from: tokenFile)))
        }
        if let token = value(tokenVariable) {
            return .token(Secret(token))
        }
        let user = value(userVariable), account = value(accountVariable)
        let password = environment[passwordVariable].flatMap { $0.isEmpty ? nil : $0 }
        if user != nil || account != nil || password != nil {
            return .password(
                try passwordLogin(user: user, account: account, password: password, prompt: prompt))
        }
        switch (value(accessKeyVariable), value(secretKeyVariable)) {
        case (let id?, let secret?):
            return .accessKey(
                AccessKey(
                    id: id, secretKey: Secret(secret),
                    securityToken: value(securityTokenVariable).map(Secret.init)))
        case (.some, nil):
            throw DRSClientError(
                .authentication, "\(accessKeyVariable) is set but \(secretKeyVariable) is not")
        case (nil, .some):
            throw DRSClientError(
                .authentication, "\(secretKeyVariable) is set but \(accessKeyVariable) is not")
        case (nil, nil):
            break
        }
        if prompt != nil {
            return .password(try passwordLogin(user: nil, account: nil, password: nil, prompt: prompt))
        }
        throw DRSClientError(
            .authentication,
            """
            no credentials: set \(accessKeyVariable) and \(secretKeyVariable) (access keys), \
            \(tokenVariable) or --token-file (an IAM token), or \(userVariable), \
            \(accountVariable) and \(passwordVariable) (an IAM password login)
            """)
    }

    private static func passwordLogin(
        user: String?, account: String?, password: String?, prompt: CredentialPrompt?
    ) throws(DRSClientError) -> PasswordLogin {
        func ask(_ known: String?, _ variable: String, _ label: String, secret: Bool) throws(DRSClientError) -> String {
            if let known { return known }
            guard let prompt else {
                throw DRSClientError(
                    .authentication,
                    "\(variable) is not set and there is no terminal to ask for the \(label)")
            }
            let answer: String
            do {
                answer = secret ? try prompt.readSecret(label) : try prompt.readLine(label)
            } catch {
                throw DRSClientError(.authentication, "could not read the \(label): \(error)")
            }
            guard !answer.isEmpty else {
                throw DRSClientError(.authentication, "no \(label) given")
            }
            return answer
        }
        return PasswordLogin(
            user: try ask(user, userVariable, "IAM user name", secret: false),
            account: try ask(account, accountVariable, "account name", secret: false),
            password: Secret(try ask(password, passwordVariable, "password", secret: true)))
    }

    /// Reads a token file, refusing one that any other user can read or write (as ssh refuses such
    /// a private key): a token is as good as a password for 24 hours, and one others can write
    /// could be swapped for theirs. The file is opened without blocking and must be a regular
    /// file, so a FIFO or a device given as the token file is refused instead of waited on.
    private static func readToken(from path: String) throws(DRSClientError) -> String {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DRSClientError(
                .authentication, "cannot read the token file \(path): \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw DRSClientError(
                .authentication, "the token file \(path) is not a regular file (a FIFO, device, socket or directory)")
        }
        if info.st_mode & privateModeMask != 0 {
            let mode = String(info.st_mode & 0o777, radix: 8)
            throw DRSClientError(
                .authentication,
                "the token file \(path) is open to other users (mode 0\(mode)): make it private with chmod 600 \(path)")
        }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumTokenFileSize + 1) ?? Data()
        } catch {
            throw DRSClientError(
                .authentication, "cannot read the token file \(path): \(error.localizedDescription)")
        }
        guard data.count <= maximumTokenFileSize,
            let token = String(data: data, encoding: .utf8)?
                .trimmingCharacters(in: .whitespacesAndNewlines),
            !token.isEmpty, !token.contains(where: \.isNewline)
        else {
            throw DRSClientError(
                .authentication, "the token file \(path) does not hold one IAM token on one line")
        }
        return token
    }

    /// Any permission for the group or others (read, write or execute) makes a token file unsafe.
    static let privateModeMask: mode_t = 0o077
}

/// Asks the person at the terminal; supplied by the command line, absent in scripts.
public struct CredentialPrompt: Sendable {
    /// Reads a visible answer to `label`.
    public var readLine: @Sendable (_ label: String) throws -> String
    /// Reads an answer to `label` without echoing it.
    public var readSecret: @Sendable (_ label: String) throws -> String

    public init(
        readLine: @escaping @Sendable (String) throws -> String,
        readSecret: @escaping @Sendable (String) throws -> String
    ) {
        self.readLine = readLine
        self.readSecret = readSecret
    }
}
