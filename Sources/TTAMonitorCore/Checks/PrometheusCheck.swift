/// The `prometheus` check. PLACEHOLDER: being built; reports UNKNOWN until then.
public enum PrometheusCheck {
    /// Runs the check once.
    public static func run(name: String, spec: PrometheusCheckSpec, timeout: Duration) async -> CheckResult {
        CheckResult(check: name, kind: "prometheus", status: .unknown, startedAt: WallClock.nowMilliseconds(), latencyMs: nil,
                    message: "not implemented yet")
    }
}
