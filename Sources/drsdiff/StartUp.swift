import DRSClient
import Foundation

/// What the process does before it parses a single argument.
enum StartUp {
    /// Foundation's URLSession prints every request's headers and body (tokens, signatures, the
    /// IAM password) to stderr when one of these is set; it reads them once, when the first
    /// session starts, so they are removed before any exists.
    static let networkDebugVariables = ["URLSessionDebugLibcurl", "URLSessionDebug"]

    /// Also, while the process has one thread: plain http (loopback, or `--allow-insecure-http`)
    /// never goes through a proxy, which libcurl would take from the environment; https keeps
    /// the standard proxy variables (see ``ProxyEnvironment``).
    static func prepare() {
        for name in networkDebugVariables { unsetenv(name) }
        ProxyEnvironment.keepPlainHTTPDirect()
        SignalCleanup.install()
    }
}
