/// The `postgres` check. PLACEHOLDER: being built; reports UNKNOWN until then.
public enum PostgresCheck {
    /// Runs the check once.
    public static func run(name: String, spec: PostgresCheckSpec, timeout: Duration) async -> CheckResult {
        CheckResult(check: name, kind: "postgres", status: .unknown, startedAt: WallClock.nowMilliseconds(), latencyMs: nil,
                    message: "not implemented yet")
    }
}
