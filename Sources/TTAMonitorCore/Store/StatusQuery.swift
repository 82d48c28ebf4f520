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
            let name = statement.text(0) ?? ""
            result[name] = ComponentState(
                name: name, kind: statement.text(1) ?? "", critical: statement.int(2) != 0,
                intervalMs: statement.optionalInt(3),
                lastStatus: statement.optionalInt(4).flatMap { CheckStatus(rawValue: Int($0)) },
                lastTimestamp: statement.optionalInt(5), statusSince: statement.optionalInt(6),
                consecutive: statement.int(7), lastMessage: statement.text(8),
                softStatus: statement.optionalInt(9).flatMap { CheckStatus(rawValue: Int($0)) },
                softCount: Int(statement.int(10)))
        }
        return result
    }

    /// Window statistics for `name` from `since` (ms since epoch) on. Reads only the covering
    /// index (component, ts, status, latency), so it stays fast on long histories.
    public func windowStats(component name: String, since: Int64) throws(StoreError) -> WindowStats {
        let statement = try database.prepare("""
            SELECT r.status, r.latency_ms FROM check_results AS r
            WHERE r.component_id = (SELECT id FROM components WHERE name = ?) AND r.ts >= ?
            """)
        try statement.bind([.text(name), .integer(since)])
        var stats = WindowStats(total: 0, up: 0, unknown: 0)
        var latencies: [Double] = []
        while try statement.step() {
            stats.total += 1
            switch statement.int(0) {
            case 0, 1: stats.up += 1
            case 3: stats.unknown += 1
            default: break
            }
            if let latency = statement.optionalDouble(1) { latencies.append(latency) }
        }
        latencies.sort()
        stats.p50 = Percentile.nearestRank(latencies, 50)
        stats.p95 = Percentile.nearestRank(latencies, 95)
        return stats
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
}
