/// `retention purge`: rolls up old check results, deletes what is past its window in small
/// batches, returns the space to the file system and records the run in `purge_log`.
public struct RetentionPurge {
    /// The connection used.
    public let database: Database
    /// The planner holding the windows and "now".
    public let planner: RetentionPlanner
    /// Rows per delete transaction.
    public var batchSize: Int64 = 5_000

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
        /// Rows removed over all datasets.
        public var rowsRemoved: Int64 { datasets.reduce(0) { $0 + $1.rows } }
    }

    /// Purge order: raw checks first (their rollups are written before they go), rollups last.
    public static func ordered(_ datasets: [RetentionConfig.Dataset]) -> [RetentionConfig.Dataset] {
        RetentionConfig.Dataset.allCases.filter { datasets.contains($0) }
    }

    /// Runs the purge over `datasets`; `progress` gets (dataset, rows so far) after each batch.
    public func run(_ datasets: [RetentionConfig.Dataset], dryRun: Bool,
                    progress: ((RetentionConfig.Dataset, Int64) -> Void)? = nil) throws(StoreError) -> Outcome {
        let order = Self.ordered(datasets)
        var outcome = Outcome(datasets: [], dryRun: dryRun, startedAt: WallClock.nowMilliseconds())
        if dryRun {
            outcome.datasets = try planner.plan(order)
        } else {
            let components = try BatchedPurge.componentIDs(database)
            let rollups = RollupWriter(database: database)
            for dataset in order {
                var result = planner.emptyResult(dataset)
                if let table = RetentionPlanner.table(dataset) {
                    var purge = BatchedPurge(database: database)
                    purge.batchSize = batchSize
                    if let progress { purge.progress = { progress(dataset, $0) } }
                    if dataset == .checks {
                        // Every hour before the cutoff has its rollup before any raw row goes.
                        for id in components {
                            let pending = try rollups.pendingRollups(componentID: id, before: result.cutoff)
                            result.rollupHours += try rollups.write(pending, componentID: id)
                        }
                    }
                    if table == .rollups {
                        for id in components {
                            result.rows += try purge.delete(table, componentID: id, before: result.cutoff, removedSoFar: result.rows)
                        }
                    } else {
                        result.rows = try purge.deleteInRowidOrder(table, before: result.cutoff)
                    }
                }
                outcome.datasets.append(result)
            }
            let incremental = try database.scalarInt("PRAGMA auto_vacuum") == 2
            if outcome.rowsRemoved > 0 || !incremental {
                let reclaimed = try BatchedPurge(database: database).reclaimSpace()
                outcome.bytesReclaimed = reclaimed.bytes
                outcome.convertedToIncremental = reclaimed.converted
            }
        }
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
