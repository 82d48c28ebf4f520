/// `retention purge`: rolls up old check results, deletes what is past its window in small
/// batches, returns the space to the file system and records the run in `purge_log`.
public struct RetentionPurge {
    /// The connection used.
    public let database: Database
    /// The planner holding the windows and "now".
    public let planner: RetentionPlanner
    /// How long one delete transaction may hold the write lock (see `BatchedPurge.target`).
    public var transactionTarget: Duration = .milliseconds(50)
    /// WAL frames after which the purge has the WAL started over (see
    /// `BatchedPurge.restartFrames`).
    var walRestartFrames: Int32 = 16_000

    /// Creates a purge as of `now`.
    public init(database: Database, config: RetentionConfig, now: Int64) {
        self.database = database
        self.planner = RetentionPlanner(database: database, config: config, now: now)
    }

    /// What a purge did (or, for a dry run, would do).
    public struct Outcome: Sendable {
        /// Per dataset, in the order purged.
        public var datasets: [RetentionPlanner.DatasetResult]
        /// Whether nothing was changed.
        public var dryRun: Bool
        /// Bytes the database file shrank by.
        public var bytesReclaimed: Int64 = 0
        /// Whether the file was converted to incremental auto-vacuum (a one-time full VACUUM).
        public var convertedToIncremental = false
        /// Start and end, ms since the epoch.
        public var startedAt: Int64, finishedAt: Int64 = 0
        /// Wall time per phase (rollups, deletes, vacuum), in order, for `-v`.
        public var phases: [(name: String, duration: Duration)] = []
        /// The longest write transaction and how many there were, for `-v`.
        public var longestTransaction: Duration = .zero, transactions = 0
        /// Time spent between write transactions (pauses, waits for the checkpoint), for `-v`.
        public var betweenTransactions: Duration = .zero
        /// How often the purge waited for the background checkpoint to catch up, for `-v`.
        public var checkpointCatchUps = 0
        /// Rows removed over all datasets.
        public var rowsRemoved: Int64 { datasets.reduce(0) { $0 + $1.rows } }
    }

    /// Purge order: raw checks first (their rollups are written before they go), rollups
    /// after them; delivered notifications before alerts, so that deleting an alert has
    /// fewer outbox rows to detach (`ON DELETE SET NULL` scans them).
    public static func ordered(_ datasets: [RetentionConfig.Dataset]) -> [RetentionConfig.Dataset] {
        let order: [RetentionConfig.Dataset] = [.checks, .rollups, .metrics, .notifications, .alerts, .carbon]
        return order.filter { datasets.contains($0) }
    }

    /// Runs the purge over `datasets`; `progress` gets (dataset, rows so far) after each batch.
    public func run(_ datasets: [RetentionConfig.Dataset], dryRun: Bool,
                    progress: ((RetentionConfig.Dataset, Int64) -> Void)? = nil) throws(StoreError) -> Outcome {
        let order = Self.ordered(datasets)
        var outcome = Outcome(datasets: [], dryRun: dryRun, startedAt: WallClock.nowMilliseconds())
        var clock = PhaseClock()
        if dryRun {
            outcome.datasets = try planner.plan(order)
            clock.end("plan")
        } else {
            // A second purge would count the first one's deletes and shrinkage as its own.
            guard let lock = try PurgeLock.acquire(forDatabase: database.path) else {
                throw PurgeLock.busy(forDatabase: database.path)
            }
            defer { withExtendedLifetime(lock) {} }
            // This connection walks far more pages than a `check` does: a bigger page cache
            // keeps a batch's index and table pages from being written out and read back in
            // mid-transaction. Bounded, so memory stays flat whatever the database size.
            try database.execute("PRAGMA cache_size = -32768")
            let pageSize = try database.scalarInt("PRAGMA page_size") ?? 4_096
            let pagesBefore = try database.scalarInt("PRAGMA page_count") ?? 0
            // Deletes run with auto_vacuum FULL: each batch's commit moves the pages at the
            // end of the file into the ones it freed and truncates the file, so the free
            // list never grows. Left to an incremental vacuum at the end, the same pages cost
            // a free-list search each (quadratic in the pages freed: over half the time of
            // a large purge). Switching between FULL and INCREMENTAL needs no VACUUM; the
            // file goes back to INCREMENTAL when the deletes are done (and, should this purge
            // be killed meanwhile, at the next open: `restoreVacuumModeAfterInterruptedPurge`).
            let incremental = try database.scalarInt("PRAGMA auto_vacuum") != 0
            if incremental { try database.execute("PRAGMA auto_vacuum = FULL") }
            defer { if incremental { try? database.execute("PRAGMA auto_vacuum = INCREMENTAL") } }
            var purge = try BatchedPurge(database: database)
            purge.target = transactionTarget
            purge.restartFrames = walRestartFrames
            for dataset in order {
                var result = try planner.emptyResult(dataset)
                purge.progress = progress.map { report in { report(dataset, $0) } }
                switch dataset {
                case .checks:
                    // Every hour before the cutoff has its rollup written no later than the
                    // transaction that deletes its first raw row; computed on another thread.
                    let feed = try RollupFeed(path: database.path, cutoff: result.cutoff)
                    defer { feed.stop() }
                    result.rows = try purge.deleteInRowidOrder("check_results", before: result.cutoff, rollups: feed)
                    result.rollupHours = purge.rollupsWritten
                case .metrics:
                    result.rows = try purge.deleteInRowidOrder("metrics", before: result.cutoff)
                case .rollups:
                    for id in try BatchedPurge.componentIDs(database) {
                        result.rows += try purge.deleteRollups(componentID: id, before: result.cutoff, removedSoFar: result.rows)
                    }
                case .alerts, .carbon, .notifications:
                    for rule in PurgeRule.rules(dataset) {
                        let removed = try purge.deleteKeyed(rule, before: result.cutoff)
                        result.rows += removed.rows
                        result.tables.append(.init(table: rule.table, rows: removed.rows))
                        for (cascade, rows) in zip(rule.cascades, removed.cascaded) {
                            result.tables.append(.init(table: cascade.table, rows: rows))
                        }
                    }
                }
                if result.tables.isEmpty {
                    result.tables = [.init(table: PurgeRule.rules(dataset)[0].table, rows: result.rows)]
                }
                clock.end("delete \(dataset.rawValue)")
                outcome.datasets.append(result)
            }
            if incremental { try database.execute("PRAGMA auto_vacuum = INCREMENTAL") }
            if outcome.rowsRemoved > 0 || !incremental {
                // Whatever is still free (pages a concurrent writer freed), or the one-time
                // conversion of a file made before auto_vacuum was set.
                outcome.convertedToIncremental = try purge.reclaimSpace()
                clock.end("vacuum")
            }
            // The WAL grew up to `BatchedPurge.restartFrames`: copied out and cut back.
            try purge.finish()
            let pagesAfter = try database.scalarInt("PRAGMA page_count") ?? 0
            outcome.bytesReclaimed = max(0, pagesBefore - pagesAfter) * pageSize
            outcome.longestTransaction = purge.longestTransaction
            outcome.transactions = purge.transactions
            outcome.betweenTransactions = purge.betweenTransactions
            outcome.checkpointCatchUps = purge.catchUps
        }
        outcome.phases = clock.phases
        outcome.finishedAt = WallClock.nowMilliseconds()
        try record(outcome)
        return outcome
    }

    private func record(_ outcome: Outcome) throws(StoreError) {
        let details: JSONValue = .object(outcome.datasets.map { result in
            (result.dataset.rawValue, .object([
                ("window_ms", .int(result.windowMs)),
                ("cutoff", .int(result.cutoff)),
                ("rows", .int(result.rows)),
                ("tables", .object(result.tables.map { ($0.table, .int($0.rows)) })),
                ("rollup_hours", .int(result.rollupHours)),
            ]))
        })
        try database.writeTransaction { () throws(StoreError) in
            try database.prepare("""
                INSERT INTO purge_log (started_at, finished_at, dry_run, rows_removed, bytes_reclaimed, details)
                VALUES (?, ?, ?, ?, ?, ?)
                """).run([.integer(outcome.startedAt), .integer(outcome.finishedAt), .integer(outcome.dryRun ? 1 : 0),
                          .integer(outcome.rowsRemoved), .integer(outcome.bytesReclaimed),
                          .text(JSONWriter.render(details, pretty: false))])
        }
    }
}
