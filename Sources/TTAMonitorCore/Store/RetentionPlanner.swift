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

    /// One dataset's part of a purge.
    public struct DatasetResult: Sendable {
        /// The dataset.
        public var dataset: RetentionConfig.Dataset
        /// Its window in ms.
        public var windowMs: Int64
        /// Rows older than this (ms since the epoch) go.
        public var cutoff: Int64
        /// Rows removed (or that a real run would remove).
        public var rows: Int64 = 0
        /// New hourly rollups written (checks only).
        public var rollupHours: Int64 = 0
        /// Why nothing is purged, for datasets that have no table yet.
        public var note: String?
    }

    /// Datasets whose tables do not exist in this schema yet.
    static let withoutTable: Set<RetentionConfig.Dataset> = [.alerts, .carbon, .notifications]

    /// The cutoff for `dataset`. Raw checks are cut at a whole UTC hour (rounded down) so that
    /// only complete hours are rolled up: they may outlive their window by under an hour.
    public func cutoff(_ dataset: RetentionConfig.Dataset) -> Int64 {
        let plain = now - config.window(dataset).milliseconds
        guard dataset == .checks else { return plain }
        let hour = RollupWriter.hourMs
        return plain - ((plain % hour) + hour) % hour
    }

    /// An empty result for `dataset` with its window and cutoff filled in.
    public func emptyResult(_ dataset: RetentionConfig.Dataset) -> DatasetResult {
        var result = DatasetResult(dataset: dataset, windowMs: config.window(dataset).milliseconds, cutoff: cutoff(dataset))
        if Self.withoutTable.contains(dataset) { result.note = "nothing stored yet (no \(dataset.rawValue) table in this version)" }
        return result
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
                var result = emptyResult(dataset)
                guard let table = Self.table(dataset) else { return result }
                for id in components {
                    result.rows += try BatchedPurge.count(table, componentID: id, before: result.cutoff, in: database)
                    if dataset == .checks {
                        let hours = try rollups.pendingRollups(componentID: id, before: result.cutoff).map(\.hourStart)
                        pendingHours[id] = hours
                        result.rollupHours += Int64(hours.count)
                    }
                    if dataset == .rollups {
                        result.rows += Int64(pendingHours[id, default: []].filter { $0 < result.cutoff }.count)
                    }
                }
                return result
            }
        }
    }

    /// The table a dataset lives in, if it has one yet.
    static func table(_ dataset: RetentionConfig.Dataset) -> BatchedPurge.Table? {
        switch dataset {
        case .checks: .checkResults
        case .metrics: .metrics
        case .rollups: .rollups
        case .alerts, .carbon, .notifications: nil
        }
    }
}
