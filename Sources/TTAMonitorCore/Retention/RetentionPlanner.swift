/// Works out, per dataset, the cutoff and what a purge removes, without changing anything:
/// `--dry-run` is this, and the real purge reports the same numbers.
public struct RetentionPlanner {
    /// The connection used.
    public let database: Database
    /// The windows.
    public let config: RetentionConfig
    /// The purge's "now", ms since the epoch.
    public let now: Int64

    /// Creates a planner.
    public init(database: Database, config: RetentionConfig, now: Int64) {
        self.database = database
        self.config = config
        self.now = now
    }

    /// Rows removed from one table.
    public struct TableCount: Sendable, Equatable {
        /// The table.
        public var table: String
        /// Rows removed (or that a real run would remove).
        public var rows: Int64
    }

    /// One dataset's part of a purge.
    public struct DatasetResult: Sendable {
        /// The dataset.
        public var dataset: RetentionConfig.Dataset
        /// Its window in ms.
        public var windowMs: Int64
        /// Rows older than this (ms since the epoch) go.
        public var cutoff: Int64
        /// Rows removed (or that a real run would remove) from the dataset's own tables;
        /// child rows that go with them by cascade (alert events, carbon attribution) are
        /// listed in `tables` only.
        public var rows: Int64 = 0
        /// Per table, cascaded child tables included.
        public var tables: [TableCount] = []
        /// New hourly rollups written (checks only).
        public var rollupHours: Int64 = 0
        /// What was kept although older than the window (firing alerts, undelivered
        /// notifications), if anything.
        public var note: String?
    }

    /// The cutoff for `dataset`. Raw checks are cut at a whole UTC hour (rounded down) so that
    /// only complete hours are rolled up: they may outlive their window by under an hour.
    public func cutoff(_ dataset: RetentionConfig.Dataset) -> Int64 {
        let plain = now - config.window(dataset).milliseconds
        guard dataset == .checks else { return plain }
        let hour = RollupWriter.hourMs
        return plain - ((plain % hour) + hour) % hour
    }

    /// An empty result for `dataset` with its window, cutoff and note filled in.
    public func emptyResult(_ dataset: RetentionConfig.Dataset) throws(StoreError) -> DatasetResult {
        var result = DatasetResult(dataset: dataset, windowMs: config.window(dataset).milliseconds, cutoff: cutoff(dataset))
        result.note = try keptNote(dataset, cutoff: result.cutoff)
        return result
    }

    /// Says how many rows older than the window are kept on purpose, for the datasets that
    /// have such rows: open (pending or firing) alerts and undelivered notifications.
    func keptNote(_ dataset: RetentionConfig.Dataset, cutoff: Int64) throws(StoreError) -> String? {
        let kept: Int64
        let what: String
        switch dataset {
        case .alerts:
            kept = try database.scalarInt("SELECT COUNT(*) FROM alerts WHERE state <> 'resolved' AND started_at < ?", [.integer(cutoff)]) ?? 0
            what = "pending or firing alert"
        case .notifications:
            kept = try database.scalarInt("SELECT COUNT(*) FROM notifications WHERE delivered_at IS NULL AND created_at < ?", [.integer(cutoff)]) ?? 0
            what = "undelivered notification"
        default:
            return nil
        }
        return kept == 0 ? nil : "kept \(kept) \(what)\(kept == 1 ? "" : "s") older than the window"
    }

    /// What a purge of `datasets` would remove.
    /// `datasets` must be in purge order (`RetentionPurge.ordered`).
    public func plan(_ datasets: [RetentionConfig.Dataset]) throws(StoreError) -> [DatasetResult] {
        try database.readTransaction { () throws(StoreError) -> [DatasetResult] in
            let components = try BatchedPurge.componentIDs(database)
            let rollups = RollupWriter(database: database)
            // Hours the checks purge rolls up first; those already past the rollups window
            // are removed again by the same run and counted there.
            var pendingHours: [Int64: [Int64]] = [:]
            return try datasets.map { dataset throws(StoreError) -> DatasetResult in
                var result = try emptyResult(dataset)
                switch dataset {
                case .checks, .metrics, .rollups:
                    let rule = PurgeRule.rules(dataset)[0]
                    // Per component: each count is one range of an index on (component_id, ts).
                    for id in components {
                        result.rows += try database.scalarInt("SELECT COUNT(*) FROM \(rule.table) WHERE component_id = ?2 AND \(rule.condition)",
                                                              [.integer(result.cutoff), .integer(id)]) ?? 0
                        if dataset == .checks {
                            let hours = try rollups.pendingRollups(componentID: id, before: result.cutoff).map(\.hourStart)
                            pendingHours[id] = hours
                            result.rollupHours += Int64(hours.count)
                        }
                        if dataset == .rollups {
                            result.rows += Int64(pendingHours[id, default: []].filter { $0 < result.cutoff }.count)
                        }
                    }
                    result.tables = [TableCount(table: rule.table, rows: result.rows)]
                case .alerts, .carbon, .notifications:
                    for rule in PurgeRule.rules(dataset) {
                        let rows = try rule.count(before: result.cutoff, in: database)
                        result.rows += rows
                        result.tables.append(TableCount(table: rule.table, rows: rows))
                        for cascade in rule.cascades {
                            result.tables.append(TableCount(table: cascade.table,
                                                            rows: try rule.count(cascade, before: result.cutoff, in: database)))
                        }
                    }
                }
                return result
            }
        }
    }
}
