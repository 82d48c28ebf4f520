/// The `neo4j` check: does a Bolt server answer the handshake, and (optionally) does the HTTP
/// connector serve Neo4j's discovery document?
public enum Neo4jCheck {
    /// Handshakes with `spec.host:spec.port` within `timeout`: OK with the agreed version
    /// ("Bolt 5.8 agreed in 0.6 ms"); WARNING/CRITICAL past `spec.latencyMs`, which judges
    /// connect + handshake (a slow network is slowness the user sees too); CRITICAL when the
    /// server agrees on no version, when what answers is not a Bolt server, or when it cannot
    /// be reached. With `spec.httpURL`, a failed discovery request is CRITICAL too
    /// ("HTTP discovery: …") and a good one adds the Neo4j version and edition.
    public static func run(name: String, spec: Neo4jCheckSpec, timeout: Duration) async -> CheckResult {
        let startedAt = WallClock.nowMilliseconds()
        let stopwatch = Stopwatch()
        func result(_ status: CheckStatus, _ message: String, details: JSONValue = .object([])) -> CheckResult {
            CheckResult(check: name, kind: Neo4jCheckSpec.kindName, status: status, startedAt: startedAt,
                        latencyMs: stopwatch.elapsedMilliseconds, message: message, details: details)
        }
        guard (1...65_535).contains(spec.port) else {
            return CheckResult(check: name, kind: Neo4jCheckSpec.kindName, status: .unknown, startedAt: startedAt,
                               latencyMs: nil, message: "invalid port \(spec.port)")
        }
        // One deadline for the handshake and the discovery request together: the timeout is
        // a promise about the check.
        let deadline = SocketDeadline(after: timeout)
        let (version, connectMs, handshakeMs): (Neo4jBoltVersion, Double, Double)
        switch await Neo4jBoltProbe.run(host: spec.host, port: spec.port, deadline: deadline) {
        case .failed(let status, let message):
            return result(status, message)
        case .agreed(let agreed, let connect, let handshake):
            (version, connectMs, handshakeMs) = (agreed, connect, handshake)
        }
        let responseMs = connectMs + handshakeMs
        let latencyStatus = spec.latencyMs?.status(for: responseMs) ?? .ok
        var message = "Bolt \(version) agreed in \(LatencyText.milliseconds(responseMs)) ms"
            + LatencyText.thresholdNote(latencyStatus, spec.latencyMs)
        var document: Neo4jDiscovery.Document?
        var status = latencyStatus
        if let url = spec.httpURL {
            switch await Neo4jDiscovery.fetch(url, deadline: deadline) {
            case .failure(let failure):
                status = CheckStatus.worst(status, failure.status)
                message = "HTTP discovery: \(failure.reason)"
            case .success(let found):
                document = found
                let about = [found.version.map { "Neo4j \($0)" }, found.edition].compactMap { $0 }
                if !about.isEmpty { message += ", " + about.joined(separator: " ") }
            }
        }
        return result(status, message, details: .object([
            ("bolt_version", .string(version.description)),
            ("neo4j_version", .text(document?.version)),
            ("neo4j_edition", .text(document?.edition)),
            ("connect_ms", .double(connectMs)),
            ("handshake_ms", .double(handshakeMs)),
        ]))
    }
}
