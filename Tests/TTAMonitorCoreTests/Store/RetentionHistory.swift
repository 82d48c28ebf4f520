@testable import TTAMonitorCore

/// Generated history for retention tests, written straight into the tables.
enum RetentionHistory {
    static let day: Int64 = 86_400_000
    /// A whole UTC hour, so that windows measured from it start on hour boundaries.
    static let now: Int64 = 1_790_000_000_000 - 1_790_000_000_000 % 3_600_000

    /// Adds `component` with `count` results every `stepMs` from `start`; statuses cycle so
    /// that every status occurs (one in 10 CRITICAL, one in 7 WARNING, one in 13 UNKNOWN).
    static func add(_ database: Database, component: String, from start: Int64, count: Int, stepMs: Int64,
                    metrics: Bool = false) throws {
        try database.writeTransaction { () throws(StoreError) in
            try database.prepare("INSERT OR IGNORE INTO components (name, kind) VALUES (?, 'http')").run([.text(component)])
            try database.execute("INSERT OR IGNORE INTO runs (id, started_at, finished_at, checks, worst_status, tool_version) VALUES (1, 0, 0, 1, 0, 'test')")
            let id = try database.scalarInt("SELECT id FROM components WHERE name = ?", [.text(component)])!
            try database.execute("""
                WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < \(count - 1))
                INSERT INTO check_results (run_id, component_id, ts, status, latency_ms, message)
                SELECT 1, \(id), \(start) + i * \(stepMs),
                       CASE WHEN i % 10 = 0 THEN 2 WHEN i % 7 = 0 THEN 1 WHEN i % 13 = 0 THEN 3 ELSE 0 END,
                       CASE WHEN i % 11 = 0 THEN NULL ELSE (i * 37) % 100 + 1.0 END, 'm' FROM seq
                """)
            if metrics {
                try database.execute("""
                    WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < \(count - 1))
                    INSERT INTO metrics (run_id, component_id, name, labels, ts, value)
                    SELECT 1, \(id), 'up', '{}', \(start) + i * \(stepMs), 1.0 FROM seq
                    """)
            }
        }
    }

    /// Every rollup row, for comparing before and after.
    static func rollups(_ database: Database) throws -> [String] {
        let statement = try database.prepare("SELECT * FROM rollups ORDER BY component_id, hour_start")
        var rows: [String] = []
        while try statement.step() {
            rows.append((0..<statement.columnCount).map { statement.text($0) ?? "null" }.joined(separator: "|"))
        }
        return rows
    }
}
