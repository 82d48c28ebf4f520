import Testing
@testable import TTAMonitorCore

@Suite struct HTTPTextTests {
    @Test(arguments: [
        ("http://user:pass@host/x", "http://user:***@host/x"),
        ("https://TOKEN@github.com/org/repo", "https://***@github.com/org/repo"),
        ("failed: http://a:b@h:1/p?q=c@d and https://x:y@[::1]/", "failed: http://a:***@h:1/p?q=c@d and https://x:***@[::1]/"),
        ("mail me at ops@example.com", "mail me at ops@example.com"),
        ("http://host/path@v2", "http://host/path@v2"),
    ])
    func credentialsAreMasked(input: String, expected: String) {
        #expect(URLRedaction.masked(input) == expected)
    }

    @Test(arguments: [
        ("http://u:p@example.com:8080/health", "example.com"),
        ("https://[::1]:443/", "::1"),
        ("http://nohost.invalid", "nohost.invalid"),
    ])
    func hostIsExtracted(url: String, host: String) {
        #expect(URLRedaction.host(of: url) == host)
    }

    @Test func latencyReadsNaturally() {
        #expect(HTTPVerdict.milliseconds(612.4) == "612")
        #expect(HTTPVerdict.milliseconds(12.5) == "13")
        #expect(HTTPVerdict.milliseconds(1.64) == "1.6")
    }
}
