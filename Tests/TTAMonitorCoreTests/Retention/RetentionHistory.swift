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

    /// Alerts, silences, notifications and carbon runs around the default windows (alerts
    /// 180 days, notifications 30, carbon 365) as of `now`, written with plain SQL:
    /// - alerts: 3 resolved 200 days ago (2 events each) go; kept: 1 resolved 10 days ago,
    ///   1 firing and 1 pending that started 400 and 300 days ago (1 event each);
    /// - silences: expired 200 days ago and removed 190 days ago go; kept: one expiring
    ///   tomorrow and one that expired yesterday;
    /// - notifications: 4 delivered 40 days ago go; kept: 1 delivered yesterday and 3
    ///   undelivered created 100 days ago, one about a resolved alert that goes;
    /// - carbon: 3 runs 400 days ago (2 attributions each) go; kept: 1 run yesterday (1).
    static func addAlertingHistory(_ database: Database, now: Int64) throws {
        let ago = { (days: Int64) in now - days * day }
        try database.writeTransaction { () throws(StoreError) in
            let alert = try database.prepare("""
                INSERT INTO alerts (fingerprint, rule, kind, component, severity, state, labels, summary, started_at, fired_at,
                    resolved_at, last_evaluated_at) VALUES (?, 'api-down', 'status', 'api', 'critical', ?, '{}', 's', ?, ?, ?, ?)
                """)
            let event = try database.prepare("INSERT INTO alert_events (alert_id, ts, event) VALUES (?, ?, 'firing')")
            let alerts: [(String, Int64, Int64?, Int)] = [
                ("resolved", ago(201), ago(200), 2), ("resolved", ago(202), ago(200), 2), ("resolved", ago(203), ago(200), 2),
                ("resolved", ago(11), ago(10), 1), ("firing", ago(400), nil, 1), ("pending", ago(300), nil, 1),
            ]
            for (index, (state, started, resolved, events)) in alerts.enumerated() {
                try alert.run([.text("f\(index)"), .text(state), .integer(started), .integer(started),
                               resolved.map { .integer($0) } ?? .null, .integer(resolved ?? now)])
                let id = database.lastInsertRowID
                for _ in 0..<events { try event.run([.integer(id), .integer(started)]) }
            }
            try database.execute("""
                INSERT INTO silences (component, created_at, expires_at, removed_at) VALUES
                    ('api', \(ago(210)), \(ago(200)), NULL), ('api', \(ago(195)), \(now + day), \(ago(190))),
                    ('api', \(ago(1)), \(now + day), NULL), ('api', \(ago(2)), \(ago(1)), NULL);
                INSERT INTO notifications (alert_id, channel, event, payload, created_at, next_attempt_at, delivered_at) VALUES
                    (NULL, 'ops', 'test', '{}', \(ago(41)), \(ago(41)), \(ago(40))), (NULL, 'ops', 'test', '{}', \(ago(41)), \(ago(41)), \(ago(40))),
                    (NULL, 'ops', 'test', '{}', \(ago(41)), \(ago(41)), \(ago(40))), (4, 'ops', 'firing', '{}', \(ago(41)), \(ago(41)), \(ago(40))),
                    (NULL, 'ops', 'test', '{}', \(ago(2)), \(ago(2)), \(ago(1))),
                    (NULL, 'ops', 'test', '{}', \(ago(100)), \(now), NULL), (5, 'ops', 'firing', '{}', \(ago(100)), \(now), NULL),
                    (1, 'ops', 'resolved', '{}', \(ago(100)), \(now), NULL);
                """)
            let run = try database.prepare("INSERT INTO carbon_runs (source, row_key, ts, local_day) VALUES ('codecarbon', ?, ?, '2026-01-01')")
            let share = try database.prepare("""
                INSERT INTO carbon_attribution (carbon_run_id, component, cpu_seconds, share, energy_kwh, emissions_kg) VALUES (?, ?, 1, 0.5, 0.1, 0.01)
                """)
            for (index, (ts, parts)) in [(ago(400), 2), (ago(401), 2), (ago(402), 2), (ago(1), 1)].enumerated() {
                try run.run([.text("k\(index)"), .integer(ts)])
                let id = database.lastInsertRowID
                for part in 0..<parts { try share.run([.integer(id), .text("c\(part)")]) }
            }
        }
    }

    /// Row counts of the alerting and carbon tables, for comparing before and after.
    static func alertingCounts(_ database: Database) throws -> [String: Int64] {
        var counts: [String: Int64] = [:]
        for table in ["alerts", "alert_events", "silences", "notifications", "carbon_runs", "carbon_attribution"] {
            counts[table] = try database.scalarInt("SELECT COUNT(*) FROM \(table)")
        }
        return counts
    }
}
