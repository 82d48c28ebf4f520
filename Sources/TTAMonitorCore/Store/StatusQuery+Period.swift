import CSQLite

/// Period statistics for exports: like `windowStats`, with an end as well as a start and a
/// bucketed series for charts, computed in one pass over the covering index.
extension StatusQuery {
    /// Summarises component `state` over `period`. Raw results count where they exist; whole
    /// hours before the component's oldest raw row come from `rollups` (exact counts; each
    /// hour's latency stands in as its p50, p95 and max, as `windowStats` does).
    func periodSummary(_ state: StatusQuery.ComponentState, period: ExportPeriod, buckets: ChartBuckets)
        throws(StoreError) -> ComponentPeriodSummary {
        var summary = ComponentPeriodSummary(state: state, buckets: Array(repeating: .init(), count: buckets.count))
        guard let id = try database.scalarInt("SELECT id FROM components WHERE name = ?", [.text(state.name)]) else {
            return summary
        }
        let statement = try database.prepare("""
            SELECT ts, status, latency_ms FROM check_results WHERE component_id = ? AND ts >= ? AND ts < ? ORDER BY ts
            """)
        try statement.bind([.integer(id), .integer(period.since), .integer(period.until)])
        // The hot loop of a long report (millions of rows): plain arrays per bucket, the
        // bucket advanced rather than divided for (rows come in time order), columns read
        // straight from SQLite.
        let count = buckets.count
        var judged = [Int](repeating: 0, count: count), up = [Int](repeating: 0, count: count)
        var latencySum = [Double](repeating: 0, count: count), latencyCount = [Double](repeating: 0, count: count)
        var latencyMax = [Double](repeating: -.infinity, count: count)
        var latencies: [Double] = []
        // One result per interval is the usual density: reserve for it up front.
        if let interval = state.intervalMs, interval > 0 {
            latencies.reserveCapacity(Int(min(5_000_000, (period.until - period.since) / interval + 16)))
        }
        var total = 0, upTotal = 0, unknownTotal = 0
        var bucket = 0
        var bucketEnd = buckets.start + buckets.length
        var lastLatency: Double?
        let handle = statement.handle
        // Names resolve to indexes once, here: the loop itself reads by index.
        let tsColumn = try statement.columnIndex("ts"), statusColumn = try statement.columnIndex("status")
        let latencyColumn = try statement.columnIndex("latency_ms")
        while try statement.step() {
            let ts = sqlite3_column_int64(handle, tsColumn)
            let status = sqlite3_column_int64(handle, statusColumn)
            let hasLatency = sqlite3_column_type(handle, latencyColumn) != SQLITE_NULL
            let latency = hasLatency ? sqlite3_column_double(handle, latencyColumn) : 0
            total += 1
            let isUp = status == 0 || status == 1
            if isUp { upTotal += 1 }
            while ts >= bucketEnd, bucket < count - 1 {
                bucket += 1
                bucketEnd += buckets.length
            }
            if status == 3 {
                unknownTotal += 1
            } else {
                judged[bucket] += 1
                if isUp { up[bucket] += 1 }
            }
            if hasLatency, latency.isFinite {
                latencies.append(latency)
                latencySum[bucket] += latency
                latencyCount[bucket] += 1
                if latency > latencyMax[bucket] { latencyMax[bucket] = latency }
                lastLatency = latency
            } else {
                lastLatency = nil
            }
        }
        summary.total = total
        summary.up = upTotal
        summary.unknown = unknownTotal
        summary.lastLatency = lastLatency
        for index in 0..<count {
            summary.buckets[index] = .init(judged: judged[index], up: up[index], latencySum: latencySum[index],
                                           latencyCount: latencyCount[index],
                                           latencyMax: latencyMax[index].isFinite ? latencyMax[index] : nil)
        }
        var rolledUp: [(value: Double, weight: Double)] = []
        let oldestRaw = try database.scalarInt("SELECT MIN(ts) FROM check_results WHERE component_id = ?", [.integer(id)]) ?? Int64.max
        let rollupEnd = min(oldestRaw, period.until)
        if rollupEnd - period.since >= 3_600_000 {
            let rollups = try database.prepare("""
                SELECT hour_start, count, ok, warning, unknown, latency_count, latency_p50, latency_p95, latency_max FROM rollups
                WHERE component_id = ? AND hour_start >= ? AND hour_start + 3600000 <= ?
                """)
            try rollups.bind([.integer(id), .integer(period.since), .integer(rollupEnd)])
            let column = try RollupColumns(rollups)
            while try rollups.step() {
                let count = Int(rollups.int(column.count)), up = Int(rollups.int(column.ok) + rollups.int(column.warning))
                let unknown = Int(rollups.int(column.unknown))
                summary.total += count
                summary.up += up
                summary.unknown += unknown
                let latencyCount = Double(rollups.int(column.latencyCount))
                let p50 = rollups.optionalDouble(column.p50)
                if latencyCount > 0, let p50, let p95 = rollups.optionalDouble(column.p95), let max = rollups.optionalDouble(column.max) {
                    rolledUp += [(p50, latencyCount * 0.5), (p95, latencyCount * 0.45), (max, latencyCount * 0.05)]
                }
                let hourStart = rollups.int(column.hourStart)
                guard let first = buckets.index(hourStart) else { continue }
                summary.buckets[first].judged += count - unknown
                summary.buckets[first].up += up
                guard latencyCount > 0, let p50 else { continue }
                // The hour's median stands in for its mean (rollups keep no sum), spread over
                // every bucket the hour covers so a chart finer than an hour has no gaps.
                let last = buckets.index(hourStart + 3_599_999) ?? buckets.count - 1
                let share = latencyCount / Double(last - first + 1)
                for index in first...last {
                    summary.buckets[index].latencySum += p50 * share
                    summary.buckets[index].latencyCount += share
                    if let max = rollups.optionalDouble(column.max) {
                        summary.buckets[index].latencyMax = Swift.max(summary.buckets[index].latencyMax ?? max, max)
                    }
                }
            }
        }
        if rolledUp.isEmpty {
            // Selection instead of a full sort: two linear passes, exact nearest rank.
            summary.p50 = Selection.nearestRank(&latencies, 50)
            summary.p95 = Selection.nearestRank(&latencies, 95)
        } else {
            let weighted = (latencies.map { (value: $0, weight: 1.0) } + rolledUp).sorted { $0.value < $1.value }
            summary.p50 = Percentile.weightedNearestRank(weighted, 50)
            summary.p95 = Percentile.weightedNearestRank(weighted, 95)
        }
        return summary
    }
}

/// Nearest-rank percentiles by quickselect: the same value `Percentile.nearestRank` gives
/// on the sorted array, in linear expected time (a 30-day report has millions of samples).
enum Selection {
    /// The `percent`th percentile of `values` (reordered in place); nil when empty.
    static func nearestRank(_ values: inout [Double], _ percent: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let rank = Int((percent / 100 * Double(values.count)).rounded(.up))
        let k = min(values.count - 1, max(0, rank - 1))
        var low = 0, high = values.count - 1
        var generator = SplitMix(seed: UInt64(values.count))
        while low < high {
            let pivot = values[low + Int(generator.next() % UInt64(high - low + 1))]
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { high = j } else if k >= i { low = i } else { return values[k] }
        }
        return values[k]
    }

    /// SplitMix64, a tiny deterministic generator for pivots (no global RNG state, same
    /// answer each run); the tests use it for reproducible random input too.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
