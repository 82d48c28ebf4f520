@testable import TTAMonitorCore

/// Small runs with fixed times and latencies, so formatter tests can compare exact text.
enum ReportFixtures {
    /// 2026-11-18T11:06:40.250Z.
    static let startedAt: Int64 = 1_795_000_000_250

    static func result(_ check: String, _ kind: String, _ status: CheckStatus, latency: Double?, _ message: String,
                       details: JSONValue = .object([]), perfdata: [PerfdataItem] = []) -> CheckResult {
        var result = CheckResult(check: check, kind: kind, status: status, startedAt: startedAt, latencyMs: latency,
                                 message: message, details: details)
        result.perfdata = perfdata
        return result
    }

    /// One result of each status, in configured order: OK, CRITICAL, WARNING, UNKNOWN.
    static func mixed(failOn: CheckStatus = .warning) -> CheckRunReport {
        CheckRunReport(
            results: [
                result("redis", "redis", .ok, latency: 0.4123, "PONG in 0.4 ms",
                       details: .object([("redis_version", .string("7.2.4"))]),
                       perfdata: [PerfdataItem(label: "used_memory", value: 1_048_576, unit: "B", minimum: 0)]),
                result("player-api", "http", .critical, latency: 12.5, "HTTP 500 from http://127.0.0.1/health",
                       details: .object([("http_status", .int(500))])),
                result("slow-api", "http", .warning, latency: 612, "latency 612 ms (over the 300 ms warning threshold)"),
                result("plugin", "command", .unknown, latency: nil, #"plugin said: can't tell <why> & "how""#),
            ],
            runID: 42, startedAt: startedAt, durationMs: 1_234.5678, failOn: failOn,
            latencyThresholds: [
                "redis": Thresholds(warning: 50),
                "player-api": Thresholds(warning: 300, critical: 1_000),
                "slow-api": Thresholds(warning: 300, critical: 1_000),
            ])
    }

    /// A run where every check is OK.
    static func allOK() -> CheckRunReport {
        CheckRunReport(results: [result("redis", "redis", .ok, latency: 0.4, "PONG in 0.4 ms")],
                       runID: nil, startedAt: startedAt, durationMs: 2)
    }

    /// A one-result run, for escaping tests.
    static func single(_ result: CheckResult, failOn: CheckStatus = .warning) -> CheckRunReport {
        CheckRunReport(results: [result], runID: nil, startedAt: startedAt, durationMs: 1, failOn: failOn)
    }
}
