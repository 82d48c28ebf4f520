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
        switch check.kind {
        case .http(let spec): await HTTPCheck.run(name: check.name, spec: spec, timeout: timeout)
        case .tcp(let spec): await TCPCheck.run(name: check.name, spec: spec, timeout: timeout)
        case .redis(let spec): await RedisCheck.run(name: check.name, spec: spec, timeout: timeout)
        case .disk(let spec): await DiskCheck.run(name: check.name, spec: spec, timeout: timeout)
        case .tls(let spec): await TLSCheck.run(name: check.name, spec: spec, timeout: timeout)
        case .neo4j(let spec): await Neo4jCheck.run(name: check.name, spec: spec, timeout: timeout)
        case .postgres(let spec): await PostgresCheck.run(name: check.name, spec: spec, timeout: timeout)
        case .memory(let spec): await MemoryCheck.run(name: check.name, spec: spec, timeout: timeout)
        case .load(let spec): await LoadCheck.run(name: check.name, spec: spec, timeout: timeout)
        case .process(let spec): await ProcessCheck.run(name: check.name, spec: spec, timeout: timeout)
        case .command(let spec): await CommandCheck.run(name: check.name, spec: spec, timeout: timeout)
        case .fileAge(let spec): await FileAgeCheck.run(name: check.name, spec: spec, timeout: timeout)
        case .prometheus(let spec): await PrometheusCheck.run(name: check.name, spec: spec, timeout: timeout)
        }
    }
}
