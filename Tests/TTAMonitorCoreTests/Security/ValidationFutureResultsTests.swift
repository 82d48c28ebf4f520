import Foundation
import Testing
@testable import TTAMonitorCore

/// Item 14: results stored while the clock ran ahead are no evidence of a recent check:
/// `status` shows them stale with a warning, alert rules leave them out, and a streak that
/// "began" in the future is clamped to now at the next stored run (through the real binary).
@Suite struct ValidationFutureResultsTests {
    static let year: Int64 = 365 * 86_400_000
    static let minute: Int64 = 60_000

    /// A config with one command check that always succeeds, run once so the database exists.
    private func recordedSandbox() async throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", """
            monitoring:
              storage: {path: monitor.db}
              defaults: {interval: 1m}
              checks:
                - {name: heartbeat, type: command, command: ["/bin/true"]}
            """)
        let check = try await BinaryRunner.run(["check"], in: directory.path)
        #expect(check.code == 0, "\(check.err)")
        return directory
    }

    private func moveIntoTheFuture(_ path: String, by offset: Int64) throws {
        let database = try Database(path: path)
        try database.writeTransaction { () throws(StoreError) in
            try database.prepare("UPDATE check_results SET ts = ts + ?").run([.integer(offset)])
            try database.prepare("UPDATE components SET last_ts = last_ts + ?, status_since = status_since + ?")
                .run([.integer(offset), .integer(offset)])
        }
    }

    @Test func statusShowsAResultFromTheFutureAsStaleWithAWarning() async throws {
        let directory = try await recordedSandbox()
        try moveIntoTheFuture(directory.file("monitor.db"), by: Self.year)
        let table = try await BinaryRunner.run(["status"], in: directory.path)
        #expect(table.code == 3, "\(table.out) \(table.err)")
        #expect(table.out.contains("UNKNOWN"), "\(table.out)")
        #expect(table.out.contains("in the future"), "\(table.out)")
        #expect(!table.out.contains("0s ago"), "\(table.out)")
        #expect(table.err.contains("warning: the latest result of heartbeat is stamped in the future"), "\(table.err)")

        let json = try await BinaryRunner.run(["status", "--json"], in: directory.path)
        #expect(json.code == 3)
        let document = try JSONParser.parse(json.out)
        guard case .array(let components)? = document["components"], let row = components.first else {
            Issue.record("no components in \(json.out)")
            return
        }
        #expect(row["stale"] == .bool(true))
        #expect(row["status"] == .string("UNKNOWN"))
        // The window's availability counts no result from the future.
        #expect(row["window"]?["checks"] == .int(0), "\(json.out)")
    }

    @Test func aResultWithinTheToleranceIsStillBelieved() async throws {
        let directory = try await recordedSandbox()
        try moveIntoTheFuture(directory.file("monitor.db"), by: 20_000)
        let status = try await BinaryRunner.run(["status"], in: directory.path)
        #expect(status.code == 0, "\(status.out) \(status.err)")
        #expect(!status.err.contains("future"))
    }

    @Test func theNextRunClampsAStreakThatBeganInTheFuture() async throws {
        let directory = try await recordedSandbox()
        try moveIntoTheFuture(directory.file("monitor.db"), by: Self.year)
        let before = WallClock.nowMilliseconds()
        let check = try await BinaryRunner.run(["check"], in: directory.path)
        #expect(check.code == 0, "\(check.err)")
        let rows = try SQLiteRows.strings(directory.file("monitor.db"), "SELECT status_since, last_ts FROM components")
        let since = Int64(rows.first?[0] ?? "") ?? .max
        #expect(since <= WallClock.nowMilliseconds() && since >= before - Self.minute, "\(rows)")
        let status = try await BinaryRunner.run(["status"], in: directory.path)
        #expect(status.code == 0, "\(status.out) \(status.err)")
    }

    @Test func anAbsentRuleFiresAlthoughAResultFromTheFutureExists() async throws {
        let sandbox = try AlertSandbox(checks: ["backup"], alerts: """
            rules:
              - {name: heartbeat, kind: absent, for: 1h}
            """)
        let t0 = WallClock.nowMilliseconds()
        try sandbox.addStatuses("backup", status: 0, count: 3, end: t0 + Self.year)
        _ = try await sandbox.evaluate(now: t0)
        _ = try await sandbox.evaluate(now: t0 + 61 * Self.minute)
        #expect(try sandbox.alerts() == ["heartbeat backup firing"])
    }

    @Test func aStatusRuleWithADurationFiresAlthoughAnOKResultFromTheFutureExists() async throws {
        let sandbox = try AlertSandbox(checks: ["api"], alerts: """
            rules:
              - {name: down, kind: status, for: 5m, severity: critical}
            """)
        let t0 = WallClock.nowMilliseconds()
        try sandbox.addStatuses("api", status: 2, count: 10, end: t0)
        try sandbox.addResults("api", [(t0 + Self.year, 0, 5, nil)])
        _ = try await sandbox.evaluate(now: t0 + 1)
        #expect(try sandbox.alerts() == ["down api firing"])
    }
}
