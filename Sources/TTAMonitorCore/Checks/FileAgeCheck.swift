/// The `fileage` check. PLACEHOLDER: being built; reports UNKNOWN until then.
public enum FileAgeCheck {
    /// Runs the check once.
    public static func run(name: String, spec: FileAgeCheckSpec, timeout: Duration) async -> CheckResult {
        CheckResult(check: name, kind: "file_age", status: .unknown, startedAt: WallClock.nowMilliseconds(), latencyMs: nil,
                    message: "not implemented yet")
    }
}
