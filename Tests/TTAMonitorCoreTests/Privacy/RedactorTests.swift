import Testing
@testable import TTAMonitorCore

@Suite struct RedactorTests {
    let redactor = Redactor(secrets: ["hunter2-password", "abc"])

    @Test(arguments: [
        ("contact jane.doe+ops@example.co.uk now", "contact [email] now"),
        ("from 10.1.2.3.", "from [ipv4]."),
        ("peer 192.168.0.17:6379 refused", "peer [ipv4]:6379 refused"),
        ("bind [2001:db8::1]:443 and fe80::1%eth0", "bind [[ipv6]]:443 and [ipv6]%eth0"),
        ("Authorization: Bearer abcDEF123._-~+/=", "Authorization: Bearer [token]"),
        ("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-nature_1 ok", "token [jwt] ok"),
        ("GET https://bot:s3cr3t@api.example.com/x", "GET https://bot:[redacted]@api.example.com/x"),
        ("AUTH failed for hunter2-password", "AUTH failed for [secret]"),
    ])
    func redactsEachClass(_ input: String, _ expected: String) {
        #expect(redactor.redact(input) == expected)
    }

    @Test(arguments: [
        "2026-11-23T10:34:00.123Z", "HTTP 200 in 0.4 ms", "version 1.2.3", "redis_version 7.0.15",
        "ratio 1.25", "std::vector", "abcdef", "PONG in 0.3 ms, 1.2M used, 3 clients", "deadbeef:cafe",
    ])
    func leavesOrdinaryTextAlone(_ input: String) {
        #expect(redactor.redact(input) == input)
    }

    @Test func shortSecretsAreNotReplaced() {
        #expect(redactor.redact("abc is a word") == "abc is a word")
    }

    @Test func categoriesAreChosen() {
        let keepIPs = Redactor(categories: [.email], secrets: [])
        #expect(keepIPs.redact("a@b.io at 10.0.0.1") == "[email] at 10.0.0.1")
    }

    @Test func detailsAreRedactedRecursively() {
        let details: JSONValue = .object([("peer", .string("10.0.0.9")), ("list", .array([.string("x@y.org")])), ("n", .int(3))])
        #expect(redactor.redact(details) == .object([("peer", .string("[ipv4]")), ("list", .array([.string("[email]")])), ("n", .int(3))]))
    }
}
