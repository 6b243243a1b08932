import Foundation

/// Which proxy a request goes through. ``URLSessionTransport`` runs on libcurl (on Linux), which
/// reads the proxy from the environment at every request, whatever the session's configuration
/// says: `http_proxy` (and `ALL_PROXY`/`all_proxy`) for http, `https_proxy`/`HTTPS_PROXY` (and
/// `ALL_PROXY`) for https, skipping the hosts in `NO_PROXY`/`no_proxy`.
///
/// Plain http is used only for this machine (loopback) or a network the user vouched for
/// (`allowInsecureHTTP`): sent to a proxy, the token or signature each request carries would
/// travel in clear to a third party. So plain http never goes through a proxy, and https keeps
/// the standard variables: ``directPlainHTTP(_:)`` rewrites them so that only https sees one
/// (an `ALL_PROXY` becomes the https proxy when none is set), and ``keepPlainHTTPDirect()``
/// applies that to this process. A program calls it once, before its first URLSession and
/// before it starts threads (drsdiff does, at start-up), as it clears Foundation's debug switches.
public enum ProxyEnvironment {
    /// What libcurl reads for plain http (it ignores the upper-case `HTTP_PROXY`, which CGI
    /// servers set from a request header; it is removed anyway).
    public static let plainHTTPVariables = ["http_proxy", "HTTP_PROXY"]
    /// What libcurl reads for every scheme.
    public static let allSchemesVariables = ["ALL_PROXY", "all_proxy"]
    /// What libcurl reads for https, lower case first.
    public static let httpsVariables = ["https_proxy", "HTTPS_PROXY"]

    /// The changes that leave https with the proxy `environment` gives it and plain http with none.
    public static func directPlainHTTP(_ environment: [String: String]) -> (set: [String: String], unset: [String]) {
        let present = { (name: String) in environment[name].map { !$0.isEmpty } ?? false }
        var set: [String: String] = [:]
        if !httpsVariables.contains(where: present), let all = allSchemesVariables.first(where: present) {
            set[httpsVariables[0]] = environment[all]
        }
        let unset = (plainHTTPVariables + allSchemesVariables).filter { environment[$0] != nil }
        return (set, unset)
    }

    /// Applies ``directPlainHTTP(_:)`` to this process's environment.
    public static func keepPlainHTTPDirect() {
        let changes = directPlainHTTP(ProcessInfo.processInfo.environment)
        for (name, value) in changes.set { setenv(name, value, 1) }
        for name in changes.unset { unsetenv(name) }
    }
}
