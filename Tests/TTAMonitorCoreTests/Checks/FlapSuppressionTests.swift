import Testing
@testable import TTAMonitorCore

@Suite struct FlapSuppressionTests {
    func result(_ status: CheckStatus, _ name: String = "api") -> CheckResult {
        CheckResult(check: name, kind: "http", status: status, startedAt: 0, latencyMs: 1, message: "probe said \(status)")
    }

    /// Feeds a sequence of probed statuses through the thresholds as consecutive cron runs
    /// would, carrying the state the database keeps, and returns what each run reported.
    func reported(_ probed: [CheckStatus], failure: Int, success: Int) -> [CheckStatus] {
        var prior: FlapSuppression.Prior?
        return probed.map { status in
            let out = FlapSuppression.apply(result(status), prior: prior, failureThreshold: failure, successThreshold: success)
            prior = FlapSuppression.Prior(reported: out.status, softStatus: out.softCount > 0 ? status : nil, softCount: out.softCount)
            return out.status
        }
    }

    @Test func thresholdsOfOneChangeNothing() {
        #expect(reported([.ok, .critical, .ok, .warning], failure: 1, success: 1) == [.ok, .critical, .ok, .warning])
    }

    @Test func failureNeedsConsecutiveResults() {
        #expect(reported([.critical, .critical, .critical, .critical], failure: 3, success: 1) == [.ok, .ok, .critical, .critical])
        // An OK in between starts the count again.
        #expect(reported([.critical, .critical, .ok, .critical, .critical, .critical], failure: 3, success: 1)
                == [.ok, .ok, .ok, .ok, .ok, .critical])
    }

    @Test func recoveryNeedsConsecutiveSuccesses() {
        #expect(reported([.critical, .ok, .ok, .critical, .ok, .ok], failure: 1, success: 2)
                == [.critical, .critical, .ok, .critical, .critical, .ok])
    }

    @Test func changesBetweenBadStatusesAreImmediate() {
        #expect(reported([.warning, .warning, .critical], failure: 2, success: 1) == [.ok, .warning, .critical])
    }

    @Test func heldResultsSayWhy() {
        let held = FlapSuppression.apply(result(.critical), prior: nil, failureThreshold: 3, successThreshold: 1)
        #expect(held.status == .ok)
        #expect(held.probedStatus == .critical)
        #expect(held.message == "soft CRITICAL (1 of 3): probe said CRITICAL")
        #expect(held.details["probed_status"] == .string("CRITICAL"))
    }
}

@Suite struct DependencyVerdictTests {
    func check(_ name: String, _ dependencies: [String] = []) -> CheckConfig {
        var check = CheckConfig(name: name, spec: TCPCheckSpec(host: "h", port: 1))
        check.dependsOn = dependencies
        return check
    }

    func result(_ name: String, _ status: CheckStatus) -> CheckResult {
        CheckResult(check: name, kind: "tcp", status: status, startedAt: 0, latencyMs: 1, message: "\(name) own")
    }

    @Test func failingDependentOfADownDependencyIsUnknown() {
        let checks = [check("redis"), check("api", ["redis"]), check("web", ["api"]), check("disk")]
        let out = DependencyVerdict.apply(
            [result("redis", .critical), result("api", .critical), result("web", .critical), result("disk", .critical)],
            checks: checks, storedStatus: [:])
        #expect(out.map(\.status) == [.critical, .unknown, .unknown, .critical])
        #expect(out[1].message == "dependency redis is CRITICAL")
        #expect(out[1].details["own_message"] == .string("api own"))
        #expect(out[2].message == "dependency api is down (dependency redis)")
    }

    @Test func healthyDependentsAndHealthyDependenciesAreLeftAlone() {
        let checks = [check("redis"), check("api", ["redis"])]
        #expect(DependencyVerdict.apply([result("redis", .critical), result("api", .ok)], checks: checks, storedStatus: [:])
            .map(\.status) == [.critical, .ok])
        #expect(DependencyVerdict.apply([result("redis", .warning), result("api", .critical)], checks: checks, storedStatus: [:])
            .map(\.status) == [.warning, .critical])
    }

    @Test func storedStatusCoversDependenciesNotRunNow() {
        let checks = [check("redis"), check("api", ["redis"])]
        let out = DependencyVerdict.apply([result("api", .critical)], checks: checks, storedStatus: ["redis": .critical])
        #expect(out.map(\.status) == [.unknown])
    }
}
