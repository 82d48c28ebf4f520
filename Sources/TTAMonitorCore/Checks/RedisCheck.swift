/// The `redis` check: is Redis answering, how fast, and how full is it?
public enum RedisCheck {
    /// Talks to Redis within `timeout`: OK for `+PONG` ("PONG in 0.3 ms, 1.2M used,
    /// 3 clients"), WARNING while it loads its dataset, WARNING/CRITICAL past the latency
    /// (connect + PING) or memory (% of maxmemory) thresholds, CRITICAL when it refuses
    /// the credentials or cannot be reached. The password never appears in the result.
    public static func run(name: String, spec: RedisCheckSpec, timeout: Duration) async -> CheckResult {
        let startedAt = WallClock.nowMilliseconds()
        let stopwatch = Stopwatch()
        guard (1...65_535).contains(spec.port) else {
            return CheckResult(check: name, kind: RedisCheckSpec.kindName, status: .unknown, startedAt: startedAt,
                               latencyMs: nil, message: "invalid port \(spec.port)")
        }
        let outcome = await RedisProbe.run(spec: spec, deadline: SocketDeadline(after: timeout))
        let (status, message, details) = verdict(outcome, spec: spec)
        return CheckResult(check: name, kind: RedisCheckSpec.kindName, status: status, startedAt: startedAt,
                           latencyMs: stopwatch.elapsedMilliseconds,
                           message: redacting(spec.password, in: message), details: details)
    }

    private static func verdict(_ outcome: RedisProbe.Outcome, spec: RedisCheckSpec) -> (CheckStatus, String, JSONValue) {
        switch outcome {
        case .failed(let status, let message):
            return (status, message, .object([]))
        case .loading(let info):
            return (.warning, "redis is loading the dataset", details(info, responseMs: nil))
        case .pong(let responseMs, _, let info):
            let latencyStatus = spec.latencyMs?.status(for: responseMs) ?? .ok
            var parts = ["PONG in \(LatencyText.milliseconds(responseMs)) ms"
                + LatencyText.thresholdNote(latencyStatus, spec.latencyMs)]
            var memoryStatus = CheckStatus.ok
            if let info, let used = info.integer("used_memory") {
                var memory = "\(humanBytes(used)) used"
                if let limit = info.integer("maxmemory"), limit > 0 {
                    let percent = Double(used) / Double(limit) * 100
                    memoryStatus = spec.memoryPercent?.status(for: percent) ?? .ok
                    memory += ", \(LatencyText.milliseconds(percent))% of \(humanBytes(limit)) maxmemory"
                        + LatencyText.thresholdNote(memoryStatus, spec.memoryPercent, unit: "%")
                }
                parts.append(memory)
            }
            if let clients = info?.integer("connected_clients") {
                parts.append(clients == 1 ? "1 client" : "\(clients) clients")
            }
            if info == nil { parts.append("INFO unavailable") }
            return (CheckStatus.worst(latencyStatus, memoryStatus), parts.joined(separator: ", "),
                    details(info, responseMs: responseMs))
        }
    }

    /// The details object; keys always present, in a fixed order, null when unknown.
    private static func details(_ info: RedisInfo?, responseMs: Double?) -> JSONValue {
        func integer(_ key: String) -> JSONValue { info?.integer(key).map(JSONValue.int) ?? .null }
        return .object([
            ("redis_version", .text(info?["redis_version"])),
            ("role", .text(info?["role"])),
            ("connected_clients", integer("connected_clients")),
            ("blocked_clients", integer("blocked_clients")),
            ("used_memory_bytes", integer("used_memory")),
            ("used_memory_human", .text(info?["used_memory_human"])),
            ("maxmemory_bytes", integer("maxmemory")),
            ("mem_fragmentation_ratio", .number(info?.number("mem_fragmentation_ratio"))),
            ("uptime_seconds", integer("uptime_in_seconds")),
            ("rdb_last_bgsave_status", .text(info?["rdb_last_bgsave_status"])),
            ("ping_ms", .number(responseMs)),
        ])
    }

    /// Bytes the way Redis prints them, with one decimal: `812B`, `1.2M`, `3.0G`.
    static func humanBytes(_ bytes: Int64) -> String {
        var value = Double(bytes)
        for unit in ["B", "K", "M", "G", "T"] {
            if value < 1_024 || unit == "T" {
                return unit == "B" ? "\(bytes)B" : LatencyText.milliseconds(value) + unit
            }
            value /= 1_024
        }
        return "\(bytes)B"
    }

    /// Belt and braces: Redis does not echo passwords in its errors, but a message quoting
    /// a server's reply must not be the one place a secret leaks.
    private static func redacting(_ secret: String?, in text: String) -> String {
        guard let secret, !secret.isEmpty else { return text }
        return text.split(separator: secret, omittingEmptySubsequences: false).joined(separator: "***")
    }
}
