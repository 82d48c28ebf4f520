/// Runs checks concurrently with a bound on how many are in flight, each within its own
/// deadline, and returns results in the order the checks were given.
public struct CheckRunner: Sendable {
    /// Checks in flight at once.
    public var concurrency: Int
    /// Timeout applied to checks without their own (the `--timeout` override wins over all).
    public var timeoutOverride: Duration?

    /// Creates a runner.
    public init(concurrency: Int, timeoutOverride: Duration? = nil) {
        self.concurrency = max(1, concurrency)
        self.timeoutOverride = timeoutOverride
    }

    /// `concurrency`, lowered to what the open-file limit allows (`DescriptorLimit`).
    public var effectiveConcurrency: Int {
        min(concurrency, DescriptorLimit.maxConcurrentChecks(limit: DescriptorLimit.softLimit))
    }

    /// Runs `checks` with `config`'s defaults and returns one result per check, in order.
    public func run(_ checks: [CheckConfig], config: MonitoringConfig) async -> [CheckResult] {
        var results = [CheckResult?](repeating: nil, count: checks.count)
        await withTaskGroup(of: (Int, CheckResult).self) { group in
            var next = 0
            func launch() {
                let index = next
                let check = checks[index]
                let timeout = config.timeout(for: check, override: timeoutOverride)
                let retries = check.retries ?? config.defaults.retries
                let delay = config.defaults.retryDelay
                group.addTask { (index, await Self.runWithRetries(check, timeout: timeout, retries: retries, delay: delay)) }
                next += 1
            }
            while next < min(effectiveConcurrency, checks.count) { launch() }
            for await (index, result) in group {
                results[index] = result
                if next < checks.count { launch() }
            }
        }
        return results.map { $0! }
    }

    static func runWithRetries(_ check: CheckConfig, timeout: Duration, retries: Int, delay: Duration) async -> CheckResult {
        var result = await runOnce(check, timeout: timeout)
        var attempt = 1
        while result.status != .ok, attempt <= retries {
            try? await Task.sleep(for: delay)
            result = await runOnce(check, timeout: timeout)
            attempt += 1
        }
        if attempt > 1 {
            result.details = result.details.setting("attempts", .int(Int64(attempt)))
        }
        return result
    }

    /// One probe, guarded by a deadline slightly past the check's own timeout: the probes
    /// enforce their timeout themselves, and this guard only catches a probe that fails to.
    static func runOnce(_ check: CheckConfig, timeout: Duration) async -> CheckResult {
        let startedAt = WallClock.nowMilliseconds()
        let guardTime = timeout + .milliseconds(250)
        let exhaustionsBefore = DescriptorLimit.exhaustions.load(ordering: .relaxed)
        var outcome = await Deadline.race(timeout: guardTime) { await probe(check, timeout: timeout) }
        // Out of descriptors is this machine's problem, whichever kind of check met it; but
        // only an exhaustion that really happened meanwhile counts, not a message's words.
        if let result = outcome, result.status != .unknown, DescriptorLimit.reportsExhaustion(result.message),
           DescriptorLimit.exhaustions.load(ordering: .relaxed) != exhaustionsBefore {
            outcome?.status = .unknown
        }
        return outcome ?? CheckResult(check: check.name, kind: check.kind.name, status: .unknown, startedAt: startedAt,
                                      latencyMs: Double(guardTime.milliseconds),
                                      message: "probe did not finish within \(timeout.milliseconds) ms")
    }

    static func probe(_ check: CheckConfig, timeout: Duration) async -> CheckResult {
        await check.kind.spec.probe(check: check.name, timeout: timeout)
    }
}
