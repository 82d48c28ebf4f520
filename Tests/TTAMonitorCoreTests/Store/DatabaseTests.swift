import Foundation
import Testing
@testable import TTAMonitorCore

@Suite struct DatabaseTests {
    @Test func newDatabaseIsPrivateMigratedAndInWALMode() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("monitor.db")
        let database = try Database(path: path)
        #expect(try database.scalarInt("PRAGMA user_version") == Migrations.currentVersion)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let journal = try database.prepare("PRAGMA journal_mode")
        #expect(try journal.step())
        #expect(journal.text(0) == "wal")
    }

    @Test func newerSchemaIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("monitor.db")
        do {
            let database = try Database(path: path)
            try database.execute("PRAGMA user_version = 99")
        }
        #expect {
            _ = try Database(path: path)
        } throws: { error in
            let store = error as? StoreError
            return store?.exitCode == .ioError && store?.message.contains("schema version 99 is newer") == true
        }
    }

    @Test func notADatabaseIsAnIOError() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("monitor.db", String(repeating: "this is not sqlite\n", count: 100))
        #expect(throws: StoreError.self) { _ = try Database(path: path) }
    }

    @Test func failedTransactionLeavesNothingBehind() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.file("monitor.db"))
        #expect(throws: StoreError.self) {
            try database.writeTransaction { () throws(StoreError) in
                try database.execute("INSERT INTO runs (started_at, finished_at, checks, worst_status, tool_version) VALUES (1, 2, 0, 0, 'x')")
                try database.execute("INSERT INTO no_such_table VALUES (1)")
            }
        }
        #expect(try database.scalarInt("SELECT count(*) FROM runs") == 0)
    }

    @Test func writerWaitsForAnotherWritersLockInsteadOfFailing() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("monitor.db")
        let holder = try Database(path: path)
        try holder.execute("BEGIN IMMEDIATE")
        let released = Task.detached {
            try await Task.sleep(for: .milliseconds(300))
            try holder.execute("COMMIT")
        }
        let writer = try Database(path: path)
        let store = ResultStore(database: writer)
        let result = CheckResult(check: "redis", kind: "redis", status: .ok, startedAt: 1_000, latencyMs: 1, message: "PONG")
        _ = try store.recordRun(startedAt: 1_000, finishedAt: 1_001, results: [result], components: [:])
        try await released.value
        #expect(try writer.scalarInt("SELECT count(*) FROM check_results") == 1)
    }
}

@Suite struct ResultStoreTests {
    func result(_ name: String, _ status: CheckStatus, at ts: Int64, latency: Double = 1) -> CheckResult {
        CheckResult(check: name, kind: "http", status: status, startedAt: ts, latencyMs: latency, message: "\(status) at \(ts)")
    }

    @Test func streakSinceTracksStatusChanges() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.file("monitor.db"))
        let store = ResultStore(database: database)
        for (ts, status) in [(1_000, CheckStatus.ok), (2_000, .ok), (3_000, .critical), (4_000, .critical), (5_000, .critical)] {
            _ = try store.recordRun(startedAt: Int64(ts), finishedAt: Int64(ts) + 1, results: [result("api", status, at: Int64(ts))], components: [:])
        }
        let state = try #require(try StatusQuery(database: database).components()["api"])
        #expect(state.lastStatus == .critical)
        #expect(state.statusSince == 3_000)
        #expect(state.consecutive == 3)
        #expect(state.lastTimestamp == 5_000)
        #expect(state.lastMessage == "CRITICAL at 5000")
    }

    @Test func windowStatsCountAvailabilityAndPercentiles() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.file("monitor.db"))
        let store = ResultStore(database: database)
        var results: [CheckResult] = []
        // 100 results 1..100 ms: 90 OK, 5 WARNING, 4 CRITICAL, 1 UNKNOWN; one old result outside the window.
        for index in 1...100 {
            let status: CheckStatus = index <= 90 ? .ok : index <= 95 ? .warning : index <= 99 ? .critical : .unknown
            results.append(result("api", status, at: 10_000 + Int64(index), latency: Double(index)))
        }
        for chunk in stride(from: 0, to: results.count, by: 10) {
            _ = try store.recordRun(startedAt: 0, finishedAt: 0, results: Array(results[chunk..<chunk + 10]), components: [:])
        }
        _ = try store.recordRun(startedAt: 0, finishedAt: 0, results: [result("api", .critical, at: 5, latency: 9_999)], components: [:])
        let stats = try StatusQuery(database: database).windowStats(component: "api", since: 10_000)
        #expect(stats.total == 100)
        #expect(stats.up == 95)
        #expect(stats.unknown == 1)
        #expect(stats.availabilityPercent == 95.0 / 99.0 * 100)
        #expect(stats.p50 == 50)
        #expect(stats.p95 == 95)
    }

    @Test func percentileNearestRank() {
        #expect(Percentile.nearestRank([], 50) == nil)
        #expect(Percentile.nearestRank([7], 95) == 7)
        #expect(Percentile.nearestRank([1, 2, 3, 4], 50) == 2)
        #expect(Percentile.nearestRank([1, 2, 3, 4], 95) == 4)
    }
}
