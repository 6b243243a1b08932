import DRSClient
import Testing

/// The environment libcurl takes its proxy from: plain http loses every proxy, https keeps its
/// own (or `ALL_PROXY`'s), and `NO_PROXY` stays. The end-to-end check, with a loopback proxy that
/// must see nothing, runs the command (DownloadSafetyCommandTests).
@Suite struct ProxyEnvironmentTests {
    @Test func plainHTTPLosesEveryProxyAndHTTPSKeepsItsOwn() {
        let changes = ProxyEnvironment.directPlainHTTP([
            "http_proxy": "http://proxy.example:3128", "HTTP_PROXY": "http://proxy.example:3128",
            "https_proxy": "http://secure-proxy.example:3128", "ALL_PROXY": "socks5://all.example:1080",
            "NO_PROXY": "internal.example", "PATH": "/usr/bin",
        ])
        #expect(Set(changes.unset) == ["http_proxy", "HTTP_PROXY", "ALL_PROXY"])
        #expect(changes.set.isEmpty)
    }

    @Test(arguments: ["ALL_PROXY", "all_proxy"])
    func allProxyBecomesTheHTTPSProxyWhenThereIsNone(name: String) {
        let changes = ProxyEnvironment.directPlainHTTP([name: "http://all.example:3128", "no_proxy": ".example.com"])
        #expect(changes.set == ["https_proxy": "http://all.example:3128"])
        #expect(changes.unset == [name])
    }

    @Test func upperCaseHTTPSProxyIsKept() {
        let changes = ProxyEnvironment.directPlainHTTP(["HTTPS_PROXY": "http://secure.example:3128", "all_proxy": "http://all.example:1"])
        #expect(changes.set.isEmpty)
        #expect(changes.unset == ["all_proxy"])
    }

    @Test func noProxyVariablesNoChange() {
        let changes = ProxyEnvironment.directPlainHTTP(["PATH": "/usr/bin", "NO_PROXY": "*"])
        #expect(changes.set.isEmpty && changes.unset.isEmpty)
    }
}
