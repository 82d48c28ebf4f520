/// The `neo4j` check. PLACEHOLDER: being built; reports UNKNOWN until then.
public enum Neo4jCheck {
    /// Runs the check once.
    public static func run(name: String, spec: Neo4jCheckSpec, timeout: Duration) async -> CheckResult {
        CheckResult(check: name, kind: "neo4j", status: .unknown, startedAt: WallClock.nowMilliseconds(), latencyMs: nil,
                    message: "not implemented yet")
    }
}
