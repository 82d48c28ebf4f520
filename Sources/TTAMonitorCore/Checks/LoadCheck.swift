/// The `load` check. PLACEHOLDER: being built; reports UNKNOWN until then.
public enum LoadCheck {
    /// Runs the check once.
    public static func run(name: String, spec: LoadCheckSpec, timeout: Duration) async -> CheckResult {
        CheckResult(check: name, kind: "load", status: .unknown, startedAt: WallClock.nowMilliseconds(), latencyMs: nil,
                    message: "not implemented yet")
    }
}
