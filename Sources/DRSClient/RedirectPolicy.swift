import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Which headers may follow a redirect. URLSession forwards every header to wherever a
/// redirect points, credentials included; a token or signature handed to another host is a
/// leaked credential, so they stay behind unless the redirect stays on the same origin.
enum RedirectPolicy {
    static let credentialHeaders = ["X-Auth-Token", "Authorization", "X-Security-Token"]

    /// The request to send to a redirect target that was reached from `origin`.
    static func request(following redirected: URLRequest, from origin: URL?) -> URLRequest {
        guard let target = redirected.url, let origin, isSameOrigin(origin, target) else {
            var stripped = redirected
            for name in credentialHeaders { stripped.setValue(nil, forHTTPHeaderField: name) }
            return stripped
        }
        return redirected
    }

    /// Same scheme, host and port (an omitted port is the scheme's default), as browsers judge it.
    static func isSameOrigin(_ a: URL, _ b: URL) -> Bool {
        guard let schemeA = a.scheme?.lowercased(), let schemeB = b.scheme?.lowercased(),
            let hostA = a.host?.lowercased(), let hostB = b.host?.lowercased()
        else { return false }
        return schemeA == schemeB && hostA == hostB
            && effectivePort(a, scheme: schemeA) == effectivePort(b, scheme: schemeB)
    }

    private static func effectivePort(_ url: URL, scheme: String) -> Int? {
        url.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : nil)
    }
}
