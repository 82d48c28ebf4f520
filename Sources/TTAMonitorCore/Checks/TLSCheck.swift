/// The `tls` check. PLACEHOLDER: being built; reports UNKNOWN until then.
public enum TLSCheck {
    /// Runs the check once.
    public static func run(name: String, spec: TLSCheckSpec, timeout: Duration) async -> CheckResult {
        CheckResult(check: name, kind: "tls", status: .unknown, startedAt: WallClock.nowMilliseconds(), latencyMs: nil,
                    message: "not implemented yet")
    }
}
