/// The `process` check. PLACEHOLDER: being built; reports UNKNOWN until then.
public enum ProcessCheck {
    /// Runs the check once.
    public static func run(name: String, spec: ProcessCheckSpec, timeout: Duration) async -> CheckResult {
        CheckResult(check: name, kind: "process", status: .unknown, startedAt: WallClock.nowMilliseconds(), latencyMs: nil,
                    message: "not implemented yet")
    }
}
