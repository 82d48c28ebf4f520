import Synchronization

/// What the summary parts of an export read, in one read transaction: every component over
/// the period, the alerts firing now, and the period's carbon totals.
struct ExportSnapshot: Sendable {
    /// The period.
    var period: ExportPeriod
    /// How the charts cut the period.
    var buckets: ChartBuckets
    /// One per component, by name.
    var components: [ComponentPeriodSummary]
    /// Alerts in state `firing` now.
    var firingAlerts: [FiringAlert]
    /// Carbon runs in the period and their totals.
    var carbon: CarbonTotals

    /// One firing alert.
    struct FiringAlert: Sendable {
        var id: Int64
        var rule: String
        var component: String?
        var severity: AlertSeverity
        var summary: String
        var firedAt: Int64?
    }

    /// Sums over the period's carbon runs.
    struct CarbonTotals: Sendable {
        var runs: Int64 = 0
        var energyKwh: Double = 0
        var emissionsKg: Double = 0
    }

    /// The worst current status over the components (UNKNOWN for one that never ran).
    var overall: CheckStatus {
        CheckStatus.worst(of: components.map { $0.state.lastStatus ?? .unknown })
    }

    /// Reads the snapshot for `checks` (all components when empty). The components' period
    /// statistics are the bulk of the work (a 30-day report of 100 checks scans millions of
    /// index entries), so they are split over one worker per core, each with its own
    /// connection to `database.path` and its own read transaction.
    static func read(_ database: Database, period: ExportPeriod, checks: [String]) throws(StoreError) -> ExportSnapshot {
        let buckets = ChartBuckets(period: period)
        var states: [String: StatusQuery.ComponentState] = [:]
        var firing: [FiringAlert] = []
        var carbon = CarbonTotals()
        try database.readTransaction { () throws(StoreError) in
            states = try StatusQuery(database: database).components()
            firing = try Self.firing(database, checks: checks)
            carbon = try carbonTotals(database, period: period, checks: checks)
        }
        let names = checks.isEmpty ? states.keys.sorted() : checks.filter { states[$0] != nil }
        let selected = names.map { states[$0]! }
        let workers = selected.count >= 8 ? ParallelWorkers.available(limit: 4) : 1
        let results = Mutex<[Int: Result<ComponentPeriodSummary, StoreError>]>([:])
        let path = database.path
        // Worker 0 runs on this thread and is the only one to touch this connection.
        let own = OwnConnection(database: database)
        ParallelWorkers.run(workers) { worker in
            do throws(StoreError) {
                let connection = worker == 0 ? own.database : try Database(path: path, readOnly: true)
                let query = StatusQuery(database: connection)
                try connection.readTransaction { () throws(StoreError) in
                    for index in stride(from: worker, to: selected.count, by: workers) {
                        let summary = try query.periodSummary(selected[index], period: period, buckets: buckets)
                        results.withLock { $0[index] = .success(summary) }
                    }
                }
            } catch {
                results.withLock { $0[-1 - worker] = .failure(error) }
            }
        }
        let collected = results.withLock { $0 }
        var components: [ComponentPeriodSummary] = []
        for (key, result) in collected where key < 0 {
            if case .failure(let error) = result { throw error }
        }
        for index in selected.indices {
            guard case .success(let summary)? = collected[index] else { continue }
            components.append(summary)
        }
        return ExportSnapshot(period: period, buckets: buckets, components: components, firingAlerts: firing, carbon: carbon)
    }

    /// The caller's connection, handed to the worker that runs on the caller's own thread.
    private struct OwnConnection: @unchecked Sendable {
        let database: Database
    }

    private static func firing(_ database: Database, checks: [String]) throws(StoreError) -> [FiringAlert] {
        var alerts: [FiringAlert] = []
        for alert in try AlertStore(database: database).firingAlerts() {
            if !checks.isEmpty, !(alert.component.map(checks.contains) ?? false) { continue }
            alerts.append(FiringAlert(id: alert.id, rule: alert.rule, component: alert.component, severity: alert.severity,
                                      summary: alert.summary, firedAt: alert.firedAt))
        }
        return alerts
    }

    private static func carbonTotals(_ database: Database, period: ExportPeriod, checks: [String]) throws(StoreError) -> CarbonTotals {
        guard let query = ExportRowQuery.make(.carbon, period: period, checks: checks) else { return CarbonTotals() }
        let totals = try query.carbonTotals(in: database)
        return CarbonTotals(runs: totals.runs, energyKwh: totals.energyKwh, emissionsKg: totals.emissionsKg)
    }
}
