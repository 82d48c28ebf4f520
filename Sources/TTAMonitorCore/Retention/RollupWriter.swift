/// Folds raw check results into hourly rollups before `retention purge` deletes them, so
/// availability and latency history outlive the raw rows.
///
/// Only whole UTC hours that end at or before the cutoff are rolled up, and an hour that
/// already has a rollup is never rewritten (`INSERT OR IGNORE`): a second purge, or one
/// resumed after a crash part way through, changes nothing. `RollupFeed` computes them ahead
/// of the deletes; the purge inserts each hour's rollup in the same transaction as (or one
/// before) the first delete that touches its raw rows.
public struct RollupWriter {
    /// The connection used.
    public let database: Database
    /// One hour in milliseconds.
    public static let hourMs: Int64 = 3_600_000

    /// Wraps an open database.
    public init(database: Database) { self.database = database }

    /// One component's hour, as stored in `rollups`.
    public struct Rollup: Sendable, Equatable {
        /// Start of the UTC hour, ms since the epoch.
        public var hourStart: Int64
        /// Results in the hour, and how many had each status.
        public var count: Int64 = 0, ok: Int64 = 0, warning: Int64 = 0, critical: Int64 = 0, unknown: Int64 = 0
        /// Results that had a latency, and its nearest-rank p50/p95 and maximum.
        public var latencyCount: Int64 = 0
        /// Median latency.
        public var p50: Double?
        /// 95th percentile latency.
        public var p95: Double?
        /// Highest latency.
        public var max: Double?
    }

    /// Rollups of `componentID`'s raw results before `cutoff` (hour-aligned) for hours that
    /// have none yet. Reads only the covering index, in time order, one hour in memory at once.
    public func pendingRollups(componentID: Int64, before cutoff: Int64) throws(StoreError) -> [Rollup] {
        try Scan(database: database).pending(componentID: componentID, from: Int64.min, before: cutoff)
    }

    /// The two statements of a rollup scan, prepared once for all components.
    struct Scan {
        let known: Statement, rows: Statement

        init(database: Database) throws(StoreError) {
            known = try database.prepare("SELECT hour_start FROM rollups WHERE component_id = ? AND hour_start >= ? AND hour_start < ?")
            rows = try database.prepare("""
                SELECT ts, status, latency_ms FROM check_results WHERE component_id = ? AND ts >= ? AND ts < ? ORDER BY ts
                """)
        }

        /// Rollups of the hours in [`start`, `cutoff`) (both hour-aligned, or `Int64.min`)
        /// that have raw results and no rollup yet.
        func pending(componentID: Int64, from start: Int64, before cutoff: Int64) throws(StoreError) -> [Rollup] {
            var existing = Set<Int64>()
            try known.bind([.integer(componentID), .integer(start), .integer(cutoff)])
            while try known.step() { existing.insert(known.int(0)) }
            try known.bind([])

            try rows.bind([.integer(componentID), .integer(start), .integer(cutoff)])
            defer { _ = try? rows.bind([]) }   // ends the read: no snapshot left pinned
            var result: [Rollup] = []
            var current = Rollup(hourStart: Int64.min)
            // One reusable buffer for the latencies of the hour being read.
            var latencies: [Double] = []
            latencies.reserveCapacity(4_096)
            func close() {
                guard current.count > 0 else { return }
                latencies.sort()
                current.latencyCount = Int64(latencies.count)
                current.p50 = Percentile.nearestRank(latencies, 50)
                current.p95 = Percentile.nearestRank(latencies, 95)
                current.max = latencies.last
                if !existing.contains(current.hourStart) { result.append(current) }
                latencies.removeAll(keepingCapacity: true)
            }
            // Every raw row about to be purged passes here: names resolve to indexes once.
            let tsColumn = try rows.columnIndex("ts"), statusColumn = try rows.columnIndex("status")
            let latencyColumn = try rows.columnIndex("latency_ms")
            while try rows.step() {
                let ts = rows.int(tsColumn)
                let hour = ts - ((ts % RollupWriter.hourMs) + RollupWriter.hourMs) % RollupWriter.hourMs
                if current.hourStart != hour {
                    close()
                    current = Rollup(hourStart: hour)
                }
                current.count += 1
                switch rows.int(statusColumn) {
                case 0: current.ok += 1
                case 1: current.warning += 1
                case 2: current.critical += 1
                default: current.unknown += 1
                }
                if !rows.isNull(latencyColumn) { latencies.append(rows.double(latencyColumn)) }
            }
            close()
            return result
        }
    }

    /// Inserts `rollups` inside the caller's write transaction, skipping hours that already
    /// have one; returns how many were new.
    func insert(_ rollups: [RollupFeed.Item]) throws(StoreError) -> Int64 {
        guard !rollups.isEmpty else { return 0 }
        let insert = try database.prepare("""
            INSERT OR IGNORE INTO rollups (component_id, hour_start, count, ok, warning, critical, unknown,
                latency_count, latency_p50, latency_p95, latency_max)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var written: Int64 = 0
        for item in rollups {
            let rollup = item.rollup
            try insert.run([.integer(item.componentID), .integer(rollup.hourStart), .integer(rollup.count),
                            .integer(rollup.ok), .integer(rollup.warning), .integer(rollup.critical),
                            .integer(rollup.unknown), .integer(rollup.latencyCount),
                            rollup.p50.map { .real($0) } ?? .null, rollup.p95.map { .real($0) } ?? .null,
                            rollup.max.map { .real($0) } ?? .null])
            written += try database.scalarInt("SELECT changes()") ?? 0
        }
        return written
    }
}
