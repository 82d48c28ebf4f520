import Testing
@testable import TTAMonitorCore

@Suite struct RedisURLTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let url: String
        let host: String
        let port: Int
        let username: String?
        let password: String?
        var testDescription: String { url }
    }

    @Test(arguments: [
        Case(url: "redis://localhost:6379", host: "localhost", port: 6379, username: nil, password: nil),
        Case(url: "redis://cache", host: "cache", port: 6379, username: nil, password: nil),
        Case(url: "REDIS://cache:7000/", host: "cache", port: 7000, username: nil, password: nil),
        Case(url: "redis://:s3cret@db:6380/2", host: "db", port: 6380, username: nil, password: "s3cret"),
        Case(url: "redis://s3cret@db", host: "db", port: 6379, username: nil, password: "s3cret"),
        Case(url: "redis://app:p%40ss%3Aword@db:1", host: "db", port: 1, username: "app", password: "p@ss:word"),
        Case(url: "redis://u:a@b@db", host: "db", port: 6379, username: "u", password: "a@b"),
        Case(url: "redis://[::1]:6390", host: "::1", port: 6390, username: nil, password: nil),
        Case(url: "redis://[::1]", host: "::1", port: 6379, username: nil, password: nil),
        Case(url: "  redis://127.0.0.1:6379/0  ", host: "127.0.0.1", port: 6379, username: nil, password: nil),
    ])
    func parses(_ expected: Case) throws {
        let spec = try RedisCheckSpec(url: expected.url)
        #expect(spec.host == expected.host)
        #expect(spec.port == expected.port)
        #expect(spec.username == expected.username)
        #expect(spec.password == expected.password)
    }

    @Test(arguments: [
        ("rediss://cache:6380", RedisURLError.tlsNotSupported, "TLS redis is not supported yet"),
        ("http://cache", .unsupportedScheme("http"), "unsupported scheme 'http' in redis URL (expected redis://)"),
        ("cache:6379", .missingScheme, "redis URL must start with redis://"),
        ("redis://:pw@:6379", .missingHost, "redis URL has no host"),
        ("redis://::1:6379", .malformedIPv6Host, "IPv6 host in redis URL must be in brackets, e.g. redis://[::1]:6379"),
        ("redis://[::1", .malformedIPv6Host, "IPv6 host in redis URL must be in brackets, e.g. redis://[::1]:6379"),
        ("redis://cache:0", .invalidPort, "invalid port in redis URL (expected 1-65535)"),
        ("redis://cache:65536", .invalidPort, "invalid port in redis URL (expected 1-65535)"),
        ("redis://cache/zero", .invalidDatabase, "invalid database in redis URL (expected /0, /1, …)"),
        ("redis://cache?db=1", .unsupportedQuery, "query parameters and fragments are not supported in redis URL"),
        ("redis://:p%zz@cache", .invalidPercentEncoding, "invalid percent-encoding in redis URL credentials"),
    ])
    func rejects(url: String, error: RedisURLError, message: String) {
        #expect(throws: error) { try RedisCheckSpec(url: url) }
        #expect(error.description == message)
    }

    /// A URL missing its `@` puts the password where the port goes: the error must not quote it.
    @Test func errorsNeverQuoteThePassword() {
        let error = #expect(throws: RedisURLError.self) { try RedisCheckSpec(url: "redis://user:hunter2") }
        #expect(error == .invalidPort)
        #expect(error?.description.contains("hunter2") == false)
    }
}
