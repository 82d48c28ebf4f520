/// The `memory` check. PLACEHOLDER: being built; reports UNKNOWN until then.
public enum MemoryCheck {
    /// Runs the check once.
    public static func run(name: String, spec: MemoryCheckSpec, timeout: Duration) async -> CheckResult {
        CheckResult(check: name, kind: "memory", status: .unknown, startedAt: WallClock.nowMilliseconds(), latencyMs: nil,
                    message: "not implemented yet")
    }
}
