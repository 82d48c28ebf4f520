/// The `command` check. PLACEHOLDER: being built; reports UNKNOWN until then.
public enum CommandCheck {
    /// Runs the check once.
    public static func run(name: String, spec: CommandCheckSpec, timeout: Duration) async -> CheckResult {
        CheckResult(check: name, kind: "command", status: .unknown, startedAt: WallClock.nowMilliseconds(), latencyMs: nil,
                    message: "not implemented yet")
    }
}
