/// How far a `postgres` conversation went, for the verdict and the details.
struct PostgresHandshake {
    /// Whether the server answered `S` to `SSLRequest`; nil when it refused before saying.
    var sslAvailable: Bool?
    /// The authentication method asked for (`trust` when none was).
    var authMethod: String?
    /// The `server_version` parameter, sent only once authenticated.
    var serverVersion: String?
    /// The server's refusal, if it refused.
    var error: PostgresServerError?
    /// TCP connect time.
    var connectMs: Double
    /// From `SSLRequest` to the answer that decided the verdict.
    var handshakeMs: Double = 0
}
