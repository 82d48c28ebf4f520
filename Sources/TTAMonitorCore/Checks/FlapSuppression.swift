/// Failure and success thresholds: a check's reported status changes only after enough
/// consecutive results agree, so one lost packet does not page anyone. State lives in the
/// database (`components.last_status`, `soft_status`, `soft_count`), because cron starts a
/// new process every minute.
public enum FlapSuppression {
    /// What the database remembers about a check between runs.
    public struct Prior: Sendable, Equatable {
        /// The status last reported (nil before the first run: treated as OK).
        public var reported: CheckStatus?
        /// The probed status being counted, if results currently disagree with `reported`.
        public var softStatus: CheckStatus?
        /// How many consecutive results had `softStatus`.
        public var softCount: Int
        /// Creates a prior state.
        public init(reported: CheckStatus?, softStatus: CheckStatus?, softCount: Int) {
            self.reported = reported
            self.softStatus = softStatus
            self.softCount = softCount
        }
    }

    /// The result as it should be reported. With both thresholds at 1 it is unchanged.
    /// Moving between two bad statuses (WARNING → CRITICAL) is reported at once: the check is
    /// already failing, and the thresholds only guard the edges between OK and not OK.
    public static func apply(_ result: CheckResult, prior: Prior?, failureThreshold: Int,
                             successThreshold: Int) -> CheckResult {
        let probed = result.status
        let reported = prior?.reported ?? .ok
        if probed == reported || (probed != .ok && reported != .ok) {
            return result
        }
        let threshold = probed == .ok ? successThreshold : failureThreshold
        let count = (prior?.softStatus == probed ? prior?.softCount ?? 0 : 0) + 1
        if count >= threshold { return result }
        var held = result
        held.hold(at: reported, softCount: count, threshold: threshold)
        return held
    }
}

/// `depends_on`: a check that fails while one of its dependencies is down reports UNKNOWN
/// "dependency redis is CRITICAL" instead of its own failure, so one outage reads as one.
public enum DependencyVerdict {
    /// Applies dependency suppression to `results` (in `checks` order). `storedStatus` gives
    /// the last reported status of dependencies that did not run in this invocation.
    public static func apply(_ results: [CheckResult], checks: [CheckConfig],
                             storedStatus: [String: CheckStatus]) -> [CheckResult] {
        var byName = Dictionary(uniqueKeysWithValues: results.map { ($0.check, $0) })
        let configByName = Dictionary(uniqueKeysWithValues: checks.map { ($0.name, $0) })
        var down: [String: String] = [:]   // check → why it counts as down
        var visited: Set<String> = []

        // Depth-first, so a dependency is settled before its dependents (the config loader
        // has already rejected cycles).
        func settle(_ name: String) {
            guard visited.insert(name).inserted else { return }
            let dependencies = configByName[name]?.dependsOn ?? []
            dependencies.forEach(settle)
            guard var result = byName[name] else {
                if let stored = storedStatus[name], stored == .critical { down[name] = stored.description }
                return
            }
            if result.status != .ok,
               let culprit = dependencies.first(where: { down[$0] != nil || (byName[$0] == nil && storedStatus[$0] == .critical) }) {
                let state = down[culprit] ?? "CRITICAL"
                result.details = result.details.setting("own_status", .string(result.status.description))
                    .setting("own_message", .string(result.message)).setting("suppressed_by", .string(culprit))
                result.probedStatus = result.probedStatus ?? result.status
                result.status = .unknown
                result.message = "dependency \(culprit) is \(state)"
                byName[name] = result
                down[name] = "down (dependency \(culprit))"
                return
            }
            if result.status == .critical { down[name] = result.status.description }
        }
        for check in checks { settle(check.name) }
        return results.map { byName[$0.check] ?? $0 }
    }
}
