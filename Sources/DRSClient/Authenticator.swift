import Foundation

/// Puts credentials on requests: a signature for access keys, `X-Auth-Token` for tokens, and
/// for a password login a token fetched from IAM, kept in memory and reused until it is close
/// to expiring.
actor Authenticator {
    private struct IssuedToken {
        let value: Secret
        let expiresAt: Date
        let projectID: String?
    }

    private let credentials: Credentials
    private let iamEndpoint: URL
    private let region: String
    private let caller: ServiceCaller
    private let secrets: SecretRegistry
    private var issued: IssuedToken?

    /// A token this close to its expiry is replaced before use: a long download must not
    /// start with a token that dies halfway.
    static let renewalMargin: TimeInterval = 10 * 60
    /// Assumed lifetime when IAM does not say (its tokens live 24 hours).
    static let assumedLifetime: TimeInterval = 60 * 60

    /// - Parameter secrets: learns every token IAM issues, so that no message shows one.
    init(credentials: Credentials, iamEndpoint: URL, region: String, caller: ServiceCaller, secrets: SecretRegistry) {
        self.credentials = credentials
        self.iamEndpoint = iamEndpoint
        self.region = region
        self.caller = caller
        self.secrets = secrets
    }

    /// `request` with credentials added; `projectID` goes into signed requests to DRS.
    func authorize(_ request: TransportRequest, projectID: String?) async throws -> TransportRequest {
        var request = request
        switch credentials {
        case .accessKey(let key):
            if let projectID { request.setHeader("X-Project-Id", projectID) }
            RequestSigner.sign(&request, with: key, at: caller.clock.now())
        case .token(let token):
            request.setHeader("X-Auth-Token", token.value)
        case .password(let login):
            request.setHeader("X-Auth-Token", try await currentToken(login).value.value)
        }
        return request
    }

    /// Drops the cached token, after the service said it expired, so the next request logs in
    /// again. Signed requests need nothing: every attempt is signed afresh.
    func renew() {
        issued = nil
    }

    /// The project of a password login's token (IAM names it when issuing the token), so no
    /// project lookup is needed; nil for other credentials.
    func tokenProjectID() async throws -> String? {
        guard case .password(let login) = credentials else { return nil }
        return try await currentToken(login).projectID
    }

    private func currentToken(_ login: PasswordLogin) async throws -> IssuedToken {
        if let issued, caller.clock.now().addingTimeInterval(Self.renewalMargin) < issued.expiresAt {
            return issued
        }
        let token = try await fetchToken(login)
        issued = token
        return token
    }

    private func fetchToken(_ login: PasswordLogin) async throws -> IssuedToken {
        let body: [String: Any] = [
            "auth": [
                "identity": [
                    "methods": ["password"],
                    "password": [
                        "user": [
                            "name": login.user, "password": login.password.value,
                            "domain": ["name": login.account],
                        ]
                    ],
                ],
                "scope": ["project": ["name": region]],
            ]
        ]
        let request = TransportRequest(
            method: "POST", url: iamEndpoint.appendingPathComponent("v3/auth/tokens"),
            headers: ["Content-Type": "application/json;charset=utf8"],
            body: try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]))
        let operation = "get an IAM token for user \(login.user) of account \(login.account)"
        let sink = MemorySink()
        let outcome = try await caller.send(request, operation: operation, into: sink) { $0 }
        let response = outcome.response
        guard (200..<300).contains(response.status) else {
            throw ServiceAnswer.error(
                response, body: sink.head, operation: operation, attempts: outcome.attempts,
                kind: [400, 401, 403].contains(response.status) ? .authentication : .service)
        }
        guard let token = response.header("X-Subject-Token"), !token.isEmpty else {
            throw DRSClientError(
                .invalidResponse, "IAM issued no token (no X-Subject-Token header)",
                response: ServiceAnswer.diagnostics(response, body: sink.head))
        }
        secrets.add(token)
        let answer = IssuedTokenAnswer(sink.head)
        if let projectID = answer.projectID {
            try ServiceIdentifier.validate(projectID, as: "project id in IAM's answer")
        }
        return IssuedToken(
            value: Secret(token), expiresAt: answer.expiresAt ?? caller.clock.now().addingTimeInterval(Self.assumedLifetime),
            projectID: answer.projectID)
    }
}
