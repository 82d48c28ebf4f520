/// A component's history cut into equal buckets — availability, p50/p95 latency and status
/// counts per bucket — for the API's series endpoint and charts. Raw results where they are
/// kept; hourly rollups for whole hours before the oldest raw result (purged history), with
/// the same weighting `status` uses (p50 half the hour's results, p95 45%, max 5%), so
/// percentiles of rolled-up buckets are estimates.
public struct SeriesQuery {
    /// The connection used.
    public let database: Database

    /// Wraps an open database.
    public init(database: Database) { self.database = database }

    /// One bucket `[start, start + step)`.
    public struct Bucket: Sendable {
        public var start: Int64
        public var ok = 0, warning = 0, critical = 0, unknown = 0
        public var p50: Double?, p95: Double?
        /// OK or WARNING among judged (non-UNKNOWN) results, in percent; nil with none.
        public var availabilityPercent: Double? {
            let judged = ok + warning + critical
            return judged > 0 ? Double(ok + warning) / Double(judged) * 100 : nil
        }
        public var count: Int { ok + warning + critical + unknown }
    }

    /// Buckets of `step` ms from `since` (aligned down to a multiple of `step`) to `until`;
    /// nil when the database has no such component. Empty buckets are included.
    public func buckets(component: String, since: Int64, until: Int64, step: Int64) throws(StoreError) -> [Bucket]? {
        guard let id = try database.scalarInt("SELECT id FROM components WHERE name = ?", [.text(component)]) else { return nil }
        let first = since - ((since % step) + step) % step
        let count = Int((until - first + step - 1) / step)
        var buckets = (0..<max(0, count)).map { Bucket(start: first + Int64($0) * step) }
        // Raw latencies stay plain Doubles (sorting them is the hot path); weights only
        // where rollups take part, as in `StatusQuery.windowStats`.
        var latencies = [[Double]](repeating: [], count: buckets.count)
        var rolledUp: [Int: [(value: Double, weight: Double)]] = [:]
        func index(_ ts: Int64) -> Int? {
            let slot = Int((ts - first) / step)
            return ts >= first && slot < buckets.count ? slot : nil
        }
        func add(_ status: Int64, _ amount: Int, to slot: Int) {
            switch status {
            case 0: buckets[slot].ok += amount
            case 1: buckets[slot].warning += amount
            case 2: buckets[slot].critical += amount
            default: buckets[slot].unknown += amount
            }
        }
        // The covering index (component_id, ts, status, latency_ms) answers this without
        // touching the table.
        let raw = try database.prepare("""
            SELECT ts, status, latency_ms FROM check_results WHERE component_id = ? AND ts >= ? AND ts < ?
            """)
        try raw.bind([.integer(id), .integer(since), .integer(until)])
        while try raw.step() {
            guard let slot = index(raw.int(0)) else { continue }
            add(raw.int(1), 1, to: slot)
            if let latency = raw.optionalDouble(2) { latencies[slot].append(latency) }
        }
        let oldestRaw = try database.scalarInt("SELECT MIN(ts) FROM check_results WHERE component_id = ?", [.integer(id)]) ?? Int64.max
        let rollups = try database.prepare("""
            SELECT hour_start, ok, warning, critical, unknown, latency_count, latency_p50, latency_p95, latency_max FROM rollups
            WHERE component_id = ? AND hour_start >= ? AND hour_start < ? AND hour_start + 3600000 <= ?
            """)
        try rollups.bind([.integer(id), .integer(since), .integer(until), .integer(oldestRaw)])
        while try rollups.step() {
            guard let slot = index(rollups.int(0)) else { continue }
            for (offset, status) in [(1, Int64(0)), (2, 1), (3, 2), (4, 3)] { add(status, Int(rollups.int(Int32(offset))), to: slot) }
            let weight = Double(rollups.int(5))
            if weight > 0, let p50 = rollups.optionalDouble(6), let p95 = rollups.optionalDouble(7), let max = rollups.optionalDouble(8) {
                rolledUp[slot, default: []] += [(p50, weight * 0.5), (p95, weight * 0.45), (max, weight * 0.05)]
            }
        }
        for slot in buckets.indices where !latencies[slot].isEmpty && rolledUp[slot] == nil {
            latencies[slot].sort()
            buckets[slot].p50 = Percentile.nearestRank(latencies[slot], 50)
            buckets[slot].p95 = Percentile.nearestRank(latencies[slot], 95)
        }
        for (slot, weighted) in rolledUp {
            let values = (latencies[slot].map { (value: $0, weight: 1.0) } + weighted).sorted { $0.value < $1.value }
            buckets[slot].p50 = Percentile.weightedNearestRank(values, 50)
            buckets[slot].p95 = Percentile.weightedNearestRank(values, 95)
        }
        return buckets
    }
}
