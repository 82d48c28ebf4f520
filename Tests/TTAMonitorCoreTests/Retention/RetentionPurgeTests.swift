import Foundation
import Synchronization
import Testing
@testable import TTAMonitorCore

@Suite struct RetentionPurgeTests {
    typealias History = RetentionHistory
    let all = RetentionConfig.Dataset.allCases

    @Test func rollupHoldsCountsAndNearestRankLatenciesOfTheHour() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.file("m.db"))
        let hour = History.now - 10 * History.day
        try database.writeTransaction { () throws(StoreError) in
            try database.execute("INSERT INTO components (id, name, kind) VALUES (1, 'api', 'http')")
            try database.execute("INSERT INTO runs (id, started_at, finished_at, checks, worst_status, tool_version) VALUES (1, 0, 0, 1, 0, 't')")
            let insert = try database.prepare("INSERT INTO check_results (run_id, component_id, ts, status, latency_ms, message) VALUES (1, 1, ?, ?, ?, '')")
            // Latencies 1…100 ms in shuffled order: 90 OK, 5 WARNING, 3 CRITICAL, 2 UNKNOWN.
            for i in 1...100 {
                let status: Int64 = i <= 90 ? 0 : i <= 95 ? 1 : i <= 98 ? 2 : 3
                try insert.run([.integer(hour + Int64((i * 7919) % 3_600_000)), .integer(status), .real(Double((i * 37) % 100 + 1))])
            }
        }
        let outcome = try RetentionPurge(database: database, config: RetentionConfig(), now: History.now).run(all, dryRun: false)
        #expect(outcome.datasets.first { $0.dataset == .checks }?.rows == 100)
        #expect(outcome.datasets.first { $0.dataset == .checks }?.rollupHours == 1)
        let row = try database.prepare("SELECT hour_start, count, ok, warning, critical, unknown, latency_count, latency_p50, latency_p95, latency_max FROM rollups")
        #expect(try row.step())
        #expect(row.int(0) == hour)
        #expect((1...6).map { row.int(Int32($0)) } == [100, 90, 5, 3, 2, 100])
        #expect(row.double(7) == 50 && row.double(8) == 95 && row.double(9) == 100)
        #expect(try database.scalarInt("SELECT COUNT(*) FROM check_results") == 0)
    }

    @Test func dryRunCountsEqualTheRealRunAndASecondRunChangesNothing() throws {
        let directory = try TemporaryDirectory()
        var databases: [Database] = []
        for name in ["dry.db", "real.db"] {
            let database = try Database(path: directory.file(name))
            try History.add(database, component: "api", from: History.now - 40 * History.day, count: 5_000, stepMs: 600_000, metrics: true)
            try History.add(database, component: "db", from: History.now - 100 * History.day + 123, count: 3_000, stepMs: 3_000_000)
            try History.addAlertingHistory(database, now: History.now)
            databases.append(database)
        }
        // Rollups past their own window exist only if a previous purge left them: make one.
        try databases.forEach { try $0.execute("INSERT INTO rollups VALUES (1, \(History.now - 200 * History.day), 1, 1, 0, 0, 0, 0, NULL, NULL, NULL)") }
        let dry = try RetentionPurge(database: databases[0], config: RetentionConfig(), now: History.now).run(all, dryRun: true)
        #expect(try databases[0].scalarInt("SELECT COUNT(*) FROM check_results") == 8_000)
        #expect(try databases[0].scalarInt("SELECT COUNT(*) FROM rollups") == 1)
        let real = try RetentionPurge(database: databases[1], config: RetentionConfig(), now: History.now).run(all, dryRun: false)
        #expect(dry.datasets.map(\.rows) == real.datasets.map(\.rows))
        #expect(dry.datasets.map(\.rollupHours) == real.datasets.map(\.rollupHours))
        #expect(real.rowsRemoved > 5_000)
        #expect(real.datasets.first { $0.dataset == .rollups }?.rows ?? 0 >= 1)
        #expect(dry.datasets.map(\.tables) == real.datasets.map(\.tables))
        #expect(dry.datasets.map(\.note) == real.datasets.map(\.note))
        #expect(real.datasets.filter { [.alerts, .carbon, .notifications].contains($0.dataset) }.allSatisfy { $0.rows > 0 })
        let alertingAfterFirst = try History.alertingCounts(databases[1])

        let rollupsAfterFirst = try History.rollups(databases[1])
        let again = try RetentionPurge(database: databases[1], config: RetentionConfig(), now: History.now).run(all, dryRun: false)
        #expect(again.rowsRemoved == 0)
        #expect(again.datasets.allSatisfy { $0.rollupHours == 0 })
        #expect(try History.rollups(databases[1]) == rollupsAfterFirst)
        #expect(try History.alertingCounts(databases[1]) == alertingAfterFirst)
        #expect(try databases[1].scalarInt("SELECT COUNT(*) FROM purge_log WHERE dry_run = 0") == 2)
        #expect(try databases[0].scalarInt("SELECT COUNT(*) FROM purge_log WHERE dry_run = 1") == 1)
    }

    @Test func noRowOlderThanItsWindowSurvives() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.file("m.db"))
        try History.add(database, component: "api", from: History.now - 400 * History.day + 777, count: 20_000, stepMs: 1_730_000, metrics: true)
        var config = RetentionConfig()
        config.overrides[.checks] = .seconds(3 * 86_400 + 1_234)
        config.overrides[.rollups] = .seconds(50 * 86_400)
        let purge = RetentionPurge(database: database, config: config, now: History.now)
        _ = try purge.run(all, dryRun: false)
        let checksCutoff = purge.planner.cutoff(.checks)
        #expect(checksCutoff <= History.now - 3 * History.day - 1_234_000)
        #expect(checksCutoff > History.now - 3 * History.day - 1_234_000 - 3_600_000)
        #expect(try database.scalarInt("SELECT COUNT(*) FROM check_results WHERE ts < ?", [.integer(checksCutoff)]) == 0)
        #expect(try database.scalarInt("SELECT COUNT(*) FROM check_results") ?? 0 > 0)
        #expect(try database.scalarInt("SELECT COUNT(*) FROM metrics WHERE ts < ?", [.integer(History.now - 30 * History.day)]) == 0)
        #expect(try database.scalarInt("SELECT COUNT(*) FROM metrics") ?? 0 > 0)
        #expect(try database.scalarInt("SELECT COUNT(*) FROM rollups WHERE hour_start < ?", [.integer(History.now - 50 * History.day)]) == 0)
        #expect(try database.scalarInt("SELECT COUNT(*) FROM rollups") ?? 0 > 0)
        // The space went back to the file system, and the file is incremental again.
        #expect(try database.scalarInt("PRAGMA freelist_count") == 0)
        #expect(try database.scalarInt("PRAGMA auto_vacuum") == 2)
    }

    @Test func alertsNotificationsAndCarbonKeepOnlyWhatTheirRulesKeep() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.file("m.db"))
        try History.addAlertingHistory(database, now: History.now)
        let purge = RetentionPurge(database: database, config: RetentionConfig(), now: History.now)
        let outcome = try purge.run(all, dryRun: false)
        func result(_ dataset: RetentionConfig.Dataset) -> RetentionPlanner.DatasetResult? {
            outcome.datasets.first { $0.dataset == dataset }
        }
        func tables(_ dataset: RetentionConfig.Dataset) -> [String: Int64] {
            Dictionary(uniqueKeysWithValues: (result(dataset)?.tables ?? []).map { ($0.table, $0.rows) })
        }
        func count(_ sql: String, _ dataset: RetentionConfig.Dataset) throws -> Int64? {
            try database.scalarInt(sql, [.integer(purge.planner.cutoff(dataset))])
        }
        #expect(tables(.alerts) == ["alerts": 3, "alert_events": 6, "silences": 2])
        #expect(result(.alerts)?.rows == 5)
        #expect(tables(.notifications) == ["notifications": 4])
        #expect(tables(.carbon) == ["carbon_runs": 3, "carbon_attribution": 6])
        #expect(try History.alertingCounts(database) == ["alerts": 3, "alert_events": 3, "silences": 2, "notifications": 4,
                                                          "carbon_runs": 1, "carbon_attribution": 1])
        // Nothing past its window survives…
        #expect(try count("SELECT COUNT(*) FROM alerts WHERE state = 'resolved' AND resolved_at < ?", .alerts) == 0)
        #expect(try count("SELECT COUNT(*) FROM silences WHERE removed_at < ?1 OR expires_at < ?1", .alerts) == 0)
        #expect(try count("SELECT COUNT(*) FROM notifications WHERE delivered_at < ?", .notifications) == 0)
        #expect(try count("SELECT COUNT(*) FROM carbon_runs WHERE ts < ?", .carbon) == 0)
        #expect(try database.scalarInt("SELECT COUNT(*) FROM alert_events WHERE alert_id NOT IN (SELECT id FROM alerts)") == 0)
        #expect(try database.scalarInt("SELECT COUNT(*) FROM carbon_attribution WHERE carbon_run_id NOT IN (SELECT id FROM carbon_runs)") == 0)
        // …but open alerts and undelivered notifications, whatever their age.
        #expect(try count("SELECT COUNT(*) FROM alerts WHERE state IN ('firing', 'pending') AND started_at < ?", .alerts) == 2)
        #expect(try count("SELECT COUNT(*) FROM notifications WHERE delivered_at IS NULL AND created_at < ?", .notifications) == 3)
        #expect(try database.scalarInt("SELECT COUNT(*) FROM notifications WHERE delivered_at IS NULL AND alert_id IS NULL AND event = 'resolved'") == 1,
                "the undelivered notification of a purged alert stays, detached from it")
        #expect(result(.alerts)?.note == "kept 2 pending or firing alerts older than the window")
        #expect(result(.notifications)?.note == "kept 3 undelivered notifications older than the window")
    }

    @Test func availabilityOverThirtyDaysIsTheSameFromRollups() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.file("m.db"))
        try History.add(database, component: "api", from: History.now - 29 * History.day, count: 4_000, stepMs: 600_000)
        let query = StatusQuery(database: database)
        let since = History.now - 30 * History.day
        let before = try query.windowStats(component: "api", since: since)
        _ = try RetentionPurge(database: database, config: RetentionConfig(), now: History.now).run(all, dryRun: false)
        #expect(try database.scalarInt("SELECT COUNT(*) FROM check_results") ?? 0 < 4_000 / 2)
        let after = try query.windowStats(component: "api", since: since)
        #expect(after.total == before.total && after.up == before.up && after.unknown == before.unknown)
        #expect(after.availabilityPercent == before.availabilityPercent)
        #expect(after.p50 != nil && after.p95 != nil)
    }

    @Test func newDatabasesUseIncrementalAutoVacuum() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.file("m.db"))
        #expect(try database.scalarInt("PRAGMA auto_vacuum") == 2)
    }

    @Test func concurrentWriterNeverWaitsLong() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("m.db")
        do {
            let database = try Database(path: path)
            try History.add(database, component: "api", from: History.now - 60 * History.day, count: 200_000, stepMs: 20_000)
        }
        let writer = ConcurrentCheckWriter(path: path)
        let removed = try await offloaded { () throws -> Int64 in
            let database = try Database(path: path)
            return try RetentionPurge(database: database, config: RetentionConfig(), now: History.now).run(all, dryRun: false).rowsRemoved
        }
        let (stored, longest) = try await writer.stop()
        #expect(removed > 150_000)
        #expect(stored > 5)
        #expect(longest < 0.2, "longest wait of the concurrent writer")
    }
}
