/// One pass of checking: config → discovery → probe → pipeline → store → alerts → delivery.
/// `check` runs every stage once over the selected checks; `serve` runs one check (or a few)
/// at a time against its open database, evaluates alerts after each result and delivers the
/// outbox on a timer of its own, so each stage is also callable alone. The cycle never
/// prints: what a person should hear goes to `note`.
struct CheckCycle {
    /// The config in force; `addDiscoveredChecks` adds to its checks.
    var config: MonitoringConfig
    /// The open database; nil only for `check --no-store` where no database exists yet.
    let database: Database?
    /// Whether results are stored (`check --no-store` probes and reports only).
    let storesResults: Bool
    /// The process environment (channels and discovery read it).
    let environment: [String: String]
    /// Concurrency and timeout override for the probes.
    let runner: CheckRunner
    /// Receives the notes for stderr.
    let note: (String) -> Void

    init(config: MonitoringConfig, database: Database?, storesResults: Bool, environment: [String: String],
         runner: CheckRunner, note: @escaping (String) -> Void) {
        self.config = config
        self.database = database
        self.storesResults = storesResults && database != nil
        self.environment = environment
        self.runner = runner
        self.note = note
    }

    /// The run of `checks`: probed, processed, stored, then (for stored runs) the alert
    /// rules evaluated and the outbox delivered as asked. Alerting never changes the results:
    /// a database problem there is a note, and the next run evaluates again.
    func run(checks: [CheckConfig], evaluateAlerts: Bool, deliver: Bool) async throws(StoreError) -> CheckCycleRun {
        let startedAt = WallClock.nowMilliseconds()
        let probed = await probe(checks)
        let run = try settle(probed, checks: checks, startedAt: startedAt)
        if run.runID != nil, evaluateAlerts || deliver {
            do {
                if evaluateAlerts { try self.evaluateAlerts(now: WallClock.nowMilliseconds()) }
                if deliver { try await deliverOutbox(now: WallClock.nowMilliseconds()) }
            } catch {
                note("warning: alerts not evaluated: \(error)")
            }
        }
        return run
    }

    /// Probes `checks` concurrently (no database touched: serve probes outside its lock).
    func probe(_ checks: [CheckConfig]) async -> [CheckResult] {
        if let note = runner.concurrencyNote(checkCount: checks.count) { self.note(note) }
        return await runner.run(checks, config: config)
    }

    /// The pipeline against the stored state, then the store (one transaction). Returns
    /// the results as reported and the run's id when it was stored.
    func settle(_ probed: [CheckResult], checks: [CheckConfig], startedAt: Int64) throws(StoreError) -> CheckCycleRun {
        let prior = try database.map { database throws(StoreError) in try StatusQuery(database: database).components() } ?? [:]
        let results = CheckPipeline.process(probed, checks: checks, config: config, prior: prior)
        let finishedAt = WallClock.nowMilliseconds()
        var runID: Int64?
        if storesResults, let database {
            let components = Dictionary(uniqueKeysWithValues: checks.map {
                ($0.name, ResultStore.ComponentInfo(name: $0.name, kind: $0.kind.name, critical: $0.critical,
                                                    intervalMs: config.interval(for: $0)?.milliseconds))
            })
            runID = try ResultStore(database: database).recordRun(startedAt: startedAt, finishedAt: finishedAt,
                                                                  results: results, components: components)
        }
        return CheckCycleRun(results: results, runID: runID, startedAt: startedAt, finishedAt: finishedAt)
    }
}
