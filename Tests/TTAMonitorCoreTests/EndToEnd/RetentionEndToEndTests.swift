import Foundation
import Testing
@testable import TTAMonitorCore

@Suite struct RetentionEndToEndTests {
    typealias History = RetentionHistory

    @Test func purgeThroughTheBinaryThenStatusShowsLastPurge() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("monitor.db")
        let now = WallClock.nowMilliseconds()
        do {
            let database = try Database(path: path)
            // 40 days of results and metrics, a rollup past its 90 days and the alerting
            // history: every dataset has rows past its window.
            try History.add(database, component: "api", from: now - 40 * History.day, count: 5_000, stepMs: 600_000, metrics: true)
            try database.execute("INSERT INTO rollups VALUES (1, \(now - 200 * History.day), 1, 1, 0, 0, 0, 0, NULL, NULL, NULL)")
            try History.addAlertingHistory(database, now: now)
        }
        let dry = try await BinaryRunner.run(["--json", "--db", path, "retention", "purge", "--dry-run"], in: directory.path)
        #expect(dry.code == 0, "\(dry.err)")
        let dryDocument = try JSONParser.parse(dry.out)
        let wouldRemove = dryDocument["rows_removed"]
        #expect(dryDocument["dry_run"] == .bool(true))

        let real = try await BinaryRunner.run(["--json", "--db", path, "retention", "purge"], in: directory.path)
        #expect(real.code == 0, "\(real.err)")
        let document = try JSONParser.parse(real.out)
        #expect(document["rows_removed"] == wouldRemove)
        #expect(document["schema_version"] == .int(1))
        guard case .array(let datasets)? = document["datasets"] else { Issue.record("no datasets"); return }
        #expect(datasets.count == RetentionConfig.Dataset.allCases.count)
        for dataset in datasets {
            guard case .int(let rows)? = dataset["rows"] else { Issue.record("no rows in \(dataset)"); continue }
            #expect(rows > 0, "\(dataset)")
        }
        let alerts = datasets.first { $0["name"] == .string("alerts") }
        #expect(alerts?["rows"] == .int(5))
        #expect(alerts?["tables"]?["alert_events"] == .int(6))
        #expect(alerts?["note"] == .string("kept 2 pending or firing alerts older than the window"))
        let notifications = datasets.first { $0["name"] == .string("notifications") }
        #expect(notifications?["rows"] == .int(4))
        #expect(datasets.first { $0["name"] == .string("carbon") }?["tables"]?["carbon_attribution"] == .int(6))
        let database = try Database(path: path)
        #expect(try database.scalarInt("SELECT COUNT(*) FROM notifications WHERE delivered_at IS NULL") == 3)
        #expect(try database.scalarInt("SELECT COUNT(*) FROM alerts WHERE state <> 'resolved'") == 2)

        let status = try await BinaryRunner.run(["--json", "--db", path, "status"], in: directory.path)
        let lastPurge = try JSONParser.parse(status.out)["last_purge"]
        #expect(lastPurge?["dry_run"] == .bool(false))
        #expect(lastPurge?["rows_removed"] == wouldRemove)
        #expect(lastPurge?["datasets"]?["checks"]?["rows"] != nil)
        #expect(lastPurge?["datasets"]?["alerts"]?["rows"] == .int(5))
    }

    @Test func tableOutputAndDatasetSelection() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("monitor.db")
        do {
            let database = try Database(path: path)
            try History.add(database, component: "api", from: WallClock.nowMilliseconds() - 10 * History.day, count: 100, stepMs: 600_000)
        }
        let run = try await BinaryRunner.run(["--db", path, "retention", "purge", "--dataset", "checks", "--dataset", "alerts"], in: directory.path)
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.contains("checks") && run.out.contains("alerts") && !run.out.contains("metrics"))
        #expect(!run.out.contains("no alerts table"))
        #expect(run.out.contains("Removed 100 rows"))
        let typo = try await BinaryRunner.run(["--db", path, "retention", "purge", "--dataset", "chekcs"], in: directory.path)
        #expect(typo.code == 64)
    }
}
