/// How drsdiff proves who it is to DRS: exactly one of the three ways Huawei Cloud users hold
/// credentials. Each case knows whether it can renew itself when the service says the token expired.
public enum Credentials: Sendable {
    /// Permanent or temporary access keys; every request is signed (SDK-HMAC-SHA256).
    case accessKey(AccessKey)
    /// An IAM token obtained elsewhere; drsdiff cannot renew it.
    case token(Secret)
    /// An IAM user's password; drsdiff fetches a project-scoped token and renews it when needed.
    case password(PasswordLogin)

    /// Whether a rejected or expired credential can be replaced without asking the user again.
    var canRenew: Bool {
        switch self {
        case .accessKey, .password: true
        case .token: false
        }
    }

    /// Every secret string these credentials hold, so messages can be scrubbed of them.
    var secretValues: [String] {
        switch self {
        case .accessKey(let key): [key.secretKey.value] + (key.securityToken.map { [$0.value] } ?? [])
        case .token(let token): [token.value]
        case .password(let login): [login.password.value]
        }
    }
}

/// An access key pair, with the security token that temporary keys come with.
public struct AccessKey: Sendable {
    public let id: String
    public let secretKey: Secret
    public let securityToken: Secret?

    public init(id: String, secretKey: Secret, securityToken: Secret? = nil) {
        self.id = id
        self.secretKey = secretKey
        self.securityToken = securityToken
    }
}

/// An IAM user's sign-in: user name, the account (domain) it belongs to, and its password.
public struct PasswordLogin: Sendable {
    public let user: String
    public let account: String
    public let password: Secret

    public init(user: String, account: String, password: Secret) {
        self.user = user
        self.account = account
        self.password = password
    }
}
