/// The `tcp` check: can a TCP connection be opened, and how fast?
public enum TCPCheck {
    /// Connects to `spec.host:spec.port` within `timeout`. OK with the connect time (name
    /// resolution included), WARNING/CRITICAL past `spec.latencyMs`, CRITICAL when the
    /// connection fails, UNKNOWN for a port that cannot exist.
    public static func run(name: String, spec: TCPCheckSpec, timeout: Duration) async -> CheckResult {
        let startedAt = WallClock.nowMilliseconds()
        let stopwatch = Stopwatch()
        func result(_ status: CheckStatus, _ message: String, latency: Double?, details: JSONValue = .object([])) -> CheckResult {
            CheckResult(check: name, kind: TCPCheckSpec.kindName, status: status, startedAt: startedAt,
                        latencyMs: latency, message: message, details: details)
        }
        guard (1...65_535).contains(spec.port) else {
            return result(.unknown, "invalid port \(spec.port)", latency: nil)
        }
        do throws(SocketError) {
            let socket = try await AsyncSocket.connect(
                host: spec.host, port: spec.port, deadline: SocketDeadline(after: timeout))
            let connectMs = stopwatch.elapsedMilliseconds
            socket.close()
            let status = spec.latencyMs?.status(for: connectMs) ?? .ok
            let endpoint = LatencyText.endpoint(host: spec.host, port: spec.port)
            let message = "connected to \(endpoint) in \(LatencyText.milliseconds(connectMs)) ms"
                + LatencyText.thresholdNote(status, spec.latencyMs)
            return result(status, message, latency: connectMs, details: .object([
                ("connect_ms", .double(connectMs)),
                ("address", .string(socket.remoteAddress)),
            ]))
        } catch {
            return result(.critical, error.description, latency: stopwatch.elapsedMilliseconds)
        }
    }
}
