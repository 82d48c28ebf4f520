/// The `postgres` check: does a PostgreSQL server accept connections, and how?
public enum PostgresCheck {
    /// Talks to `spec.host:spec.port` within `timeout` (see `PostgresProbe` for the exchange):
    /// OK when the server asks `spec.user` for a password ("… (auth: SCRAM-SHA-256, SSL
    /// available)"), demands SSL ("auth: SSL required"), or lets it in and is
    /// ready for queries ("PostgreSQL 15.10 accepts connections (auth: trust)");
    /// WARNING/CRITICAL past `spec.latencyMs` (connect + handshake); WARNING while it
    /// starts up or shuts down (SQLSTATE 57P03); CRITICAL for any other refusal ("PostgreSQL
    /// refused: FATAL 3D000 database \"x\" does not exist"), when what answers is not
    /// PostgreSQL, or when it cannot be reached. No password is ever sent.
    public static func run(name: String, spec: PostgresCheckSpec, timeout: Duration) async -> CheckResult {
        let startedAt = WallClock.nowMilliseconds()
        let stopwatch = Stopwatch()
        guard (1...65_535).contains(spec.port) else {
            return CheckResult(check: name, kind: PostgresCheckSpec.kindName, status: .unknown, startedAt: startedAt,
                               latencyMs: nil, message: "invalid port \(spec.port)")
        }
        let outcome = await PostgresProbe.run(spec: spec, deadline: SocketDeadline(after: timeout))
        let (status, message, details) = verdict(outcome, thresholds: spec.latencyMs)
        return CheckResult(check: name, kind: PostgresCheckSpec.kindName, status: status, startedAt: startedAt,
                           latencyMs: stopwatch.elapsedMilliseconds, message: message, details: details)
    }

    private static func verdict(_ outcome: PostgresProbe.Outcome, thresholds: Thresholds?) -> (CheckStatus, String, JSONValue) {
        let handshake: PostgresHandshake
        switch outcome {
        case .failed(let status, let message): return (status, message, .object([]))
        case .answered(let answered): handshake = answered
        }
        if let error = handshake.error {
            return (error.status, "PostgreSQL refused: \(error.summary)", details(handshake))
        }
        let responseMs = handshake.connectMs + handshake.handshakeMs
        let status = thresholds?.status(for: responseMs) ?? .ok
        var how = "auth: \(handshake.authMethod ?? "?")"
        if handshake.sslAvailable == true { how += ", SSL available" }
        // The first word of server_version: "15.10 (Debian 15.10-0+deb12u1)" stays in details.
        let version = handshake.serverVersion.flatMap { $0.split(separator: " ").first }.map { " \($0)" } ?? ""
        let message = "PostgreSQL\(version) accepts connections (\(how)) in \(LatencyText.milliseconds(responseMs)) ms"
            + LatencyText.thresholdNote(status, thresholds)
        return (status, message, details(handshake))
    }

    /// The details object; keys always present, in a fixed order, null when unknown.
    private static func details(_ handshake: PostgresHandshake) -> JSONValue {
        .object([
            ("server_version", .text(handshake.serverVersion)),
            ("ssl_available", handshake.sslAvailable.map(JSONValue.bool) ?? .null),
            ("auth_method", .text(handshake.authMethod)),
            ("sqlstate", .text(handshake.error?.sqlstate)),
            ("connect_ms", .double(handshake.connectMs)),
            ("handshake_ms", .double(handshake.handshakeMs)),
        ])
    }
}
