/// Reads what `status` shows: each component's current streak and its window statistics.
public struct StatusQuery {
    /// The connection used.
    public let database: Database

    /// Wraps an open database.
    public init(database: Database) { self.database = database }

    /// A component's stored state.
    public struct ComponentState: Sendable {
        /// Component (check) name.
        public var name: String
        /// Check kind.
        public var kind: String
        /// Whether it is marked critical.
        public var critical: Bool
        /// Configured interval at the last run, in ms.
        public var intervalMs: Int64?
        /// Status of the latest result.
        public var lastStatus: CheckStatus?
        /// Time of the latest result (ms since epoch).
        public var lastTimestamp: Int64?
        /// Start of the current streak of `lastStatus`.
        public var statusSince: Int64?
        /// Results in the current streak.
        public var consecutive: Int64
        /// Message of the latest result.
        public var lastMessage: String?
        /// The probed status being counted against the reported one (flap suppression).
        public var softStatus: CheckStatus?
        /// How many consecutive results had `softStatus`.
        public var softCount: Int = 0
    }

    /// Availability and latency over a window.
    public struct WindowStats: Sendable {
        /// Results in the window.
        public var total: Int
        /// OK or WARNING results (the component answered).
        public var up: Int
        /// UNKNOWN results (no verdict), left out of availability.
        public var unknown: Int
        /// Median latency.
        public var p50: Double?
        /// 95th percentile latency.
        public var p95: Double?

        /// up / (total − unknown) in percent; nil when there is nothing to judge.
        public var availabilityPercent: Double? {
            let judged = total - unknown
            return judged > 0 ? Double(up) / Double(judged) * 100 : nil
        }
    }

    /// Every component the database knows, by name.
    public func components() throws(StoreError) -> [String: ComponentState] {
        let statement = try database.prepare("""
            SELECT name, kind, critical, interval_ms, last_status, last_ts, status_since, consecutive, last_message,
                   soft_status, soft_count
            FROM components
            """)
        var result: [String: ComponentState] = [:]
        while try statement.step() {
            let row = statement.row
            let name = try row.text("name") ?? ""
            result[name] = ComponentState(
                name: name, kind: try row.text("kind") ?? "", critical: try row.int("critical") != 0,
                intervalMs: try row.optionalInt("interval_ms"),
                lastStatus: try row.optionalInt("last_status").flatMap { CheckStatus(rawValue: Int($0)) },
                lastTimestamp: try row.optionalInt("last_ts"), statusSince: try row.optionalInt("status_since"),
                consecutive: try row.int("consecutive"), lastMessage: try row.text("last_message"),
                softStatus: try row.optionalInt("soft_status").flatMap { CheckStatus(rawValue: Int($0)) },
                softCount: Int(try row.int("soft_count")))
        }
        return result
    }

    /// Window statistics for `name` from `since` (ms since epoch) on. Reads only the covering
    /// index (component, ts, status, latency), so it stays fast on long histories.
    ///
    /// Where `retention purge` has removed raw results, the whole hours of the window that end
    /// before the oldest remaining raw row come from `rollups`: their counts are exact; their
    /// latency percentiles are approximate: each hour stands in as its p50 (half its
    /// latencies), p95 (45 %) and max (5 %), so one hour alone gives back its own p50 and p95.
    public func windowStats(component name: String, since: Int64,
                            now: Int64 = WallClock.nowMilliseconds()) throws(StoreError) -> WindowStats {
        guard let id = try database.scalarInt("SELECT id FROM components WHERE name = ?", [.text(name)]) else {
            return WindowStats(total: 0, up: 0, unknown: 0)
        }
        let statement = try database.prepare("""
            SELECT r.status, r.latency_ms FROM check_results AS r WHERE r.component_id = ? AND r.ts >= ? AND r.ts <= ?
            """)
        // Results from the future are no evidence about the window (see FutureResults).
        try statement.bind([.integer(id), .integer(since), .integer(FutureResults.horizon(now: now))])
        var stats = WindowStats(total: 0, up: 0, unknown: 0)
        // Raw latencies stay plain Doubles: sorting them is the hot path of `status` on a
        // long history; weights are only needed once rollups take part.
        var latencies: [Double] = []
        // The hot loop of `status`: names resolve to indexes once, before it.
        let statusColumn = try statement.columnIndex("status"), latencyColumn = try statement.columnIndex("latency_ms")
        while try statement.step() {
            stats.total += 1
            switch statement.int(statusColumn) {
            case 0, 1: stats.up += 1
            case 3: stats.unknown += 1
            default: break
            }
            if let latency = statement.optionalDouble(latencyColumn) { latencies.append(latency) }
        }
        var rolledUp: [(value: Double, weight: Double)] = []
        let oldestRaw = try database.scalarInt("SELECT MIN(ts) FROM check_results WHERE component_id = ?", [.integer(id)])
        // Rollups can only fill whole hours that end before the oldest raw row.
        if (oldestRaw ?? Int64.max) - since >= 3_600_000 {
            let rollups = try database.prepare("""
                SELECT count, ok, warning, unknown, latency_count, latency_p50, latency_p95, latency_max FROM rollups
                WHERE component_id = ? AND hour_start >= ? AND hour_start + 3600000 <= ?
                """)
            try rollups.bind([.integer(id), .integer(since), .integer(oldestRaw ?? Int64.max)])
            while try rollups.step() {
                let row = rollups.row
                stats.total += Int(try row.int("count"))
                stats.up += Int(try row.int("ok") + row.int("warning"))
                stats.unknown += Int(try row.int("unknown"))
                let count = Double(try row.int("latency_count"))
                if count > 0, let p50 = try row.optionalDouble("latency_p50"), let p95 = try row.optionalDouble("latency_p95"),
                   let max = try row.optionalDouble("latency_max") {
                    rolledUp += [(p50, count * 0.5), (p95, count * 0.45), (max, count * 0.05)]
                }
            }
        }
        if rolledUp.isEmpty {
            latencies.sort()
            stats.p50 = Percentile.nearestRank(latencies, 50)
            stats.p95 = Percentile.nearestRank(latencies, 95)
        } else {
            let weighted = (latencies.map { (value: $0, weight: 1.0) } + rolledUp).sorted { $0.value < $1.value }
            stats.p50 = Percentile.weightedNearestRank(weighted, 50)
            stats.p95 = Percentile.weightedNearestRank(weighted, 95)
        }
        return stats
    }

    /// The latest `retention purge` run, if any.
    public func lastPurge() throws(StoreError) -> PurgeRecord? {
        let statement = try database.prepare("""
            SELECT started_at, finished_at, dry_run, rows_removed, bytes_reclaimed, details
            FROM purge_log ORDER BY id DESC LIMIT 1
            """)
        guard try statement.step() else { return nil }
        let row = statement.row
        return PurgeRecord(startedAt: try row.int("started_at"), finishedAt: try row.int("finished_at"),
                           dryRun: try row.int("dry_run") != 0, rowsRemoved: try row.int("rows_removed"),
                           bytesReclaimed: try row.int("bytes_reclaimed"), details: try row.text("details") ?? "{}")
    }

    /// One row of `purge_log`.
    public struct PurgeRecord: Sendable {
        /// Start and end, ms since the epoch.
        public var startedAt: Int64, finishedAt: Int64
        /// Whether it changed nothing.
        public var dryRun: Bool
        /// Rows removed over all datasets, and bytes the file shrank by.
        public var rowsRemoved: Int64, bytesReclaimed: Int64
        /// Per-dataset JSON: window_ms, cutoff, rows, rollup_hours.
        public var details: String
    }
}

/// Percentiles by the nearest-rank method: always an observed value, no interpolation.
public enum Percentile {
    /// The `percent`th percentile of `sorted` (ascending); nil when empty.
    public static func nearestRank(_ sorted: [Double], _ percent: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    /// Nearest rank over weighted values sorted ascending: the first value whose cumulative
    /// weight reaches `percent` of the total.
    public static func weightedNearestRank(_ sorted: [(value: Double, weight: Double)], _ percent: Double) -> Double? {
        let total = sorted.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return nil }
        if sorted.allSatisfy({ $0.weight == 1 }) { return nearestRank(sorted.map(\.value), percent) }
        let target = percent / 100 * total
        var cumulative = 0.0
        for entry in sorted {
            cumulative += entry.weight
            if cumulative >= target - 1e-9 { return entry.value }
        }
        return sorted.last?.value
    }
}
