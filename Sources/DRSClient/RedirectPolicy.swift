import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Which redirects are followed, and with which headers.
///
/// - At most ``maximumRedirects`` per request (Foundation alone follows 20).
/// - Never from https to plain http: the file would arrive without integrity, whoever sent it.
/// - Plain http only where the endpoints may use it (``ServiceEndpoints/checkTransportSecurity``):
///   a loopback host, or anywhere when insecure http was allowed explicitly.
/// - URLSession forwards every header to wherever a redirect points, credentials included; a
///   token or signature handed to another origin is a leaked credential, so they stay behind
///   unless the redirect stays on the same origin.
struct RedirectPolicy: Sendable {
    static let maximumRedirects = 5
    static let credentialHeaders = ["X-Auth-Token", "Authorization", "X-Security-Token"]

    let allowInsecureHTTP: Bool

    enum Decision {
        case follow(URLRequest)
        case refuse(String)
    }

    /// - Parameters:
    ///   - origin: the URL that answered with the redirect.
    ///   - followed: redirects already followed for this request.
    func decide(_ redirected: URLRequest, from origin: URL?, followed: Int) -> Decision {
        guard followed < Self.maximumRedirects else {
            return .refuse("the service redirected more than \(Self.maximumRedirects) times")
        }
        guard let target = redirected.url, let scheme = target.scheme?.lowercased(), scheme == "https" || scheme == "http",
            target.host?.isEmpty == false
        else {
            return .refuse("the service redirected to something that is not an http(s) URL")
        }
        let shown = ServiceText.printable("\(scheme)://\(RequestSigner.hostHeader(for: target))")
        if scheme == "http" && origin?.scheme?.lowercased() == "https" {
            return .refuse("the service redirected from https to plain http (\(shown)): the file would arrive without integrity")
        }
        if scheme == "http" && !allowInsecureHTTP && !ServiceEndpoints.isLoopback(target) {
            return .refuse(
                "the service redirected to plain http (\(shown)); allow it with allowInsecureHTTP (CLI: --allow-insecure-http) only on a trusted network")
        }
        guard let origin, Self.isSameOrigin(origin, target) else {
            var stripped = redirected
            for name in Self.credentialHeaders { stripped.setValue(nil, forHTTPHeaderField: name) }
            return .follow(stripped)
        }
        return .follow(redirected)
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
