import Foundation
import Testing
@testable import TTAMonitorCore

/// The `status` report's period statistics: many components (summarised by parallel
/// workers) come back complete and in name order, and hours that only rollups still cover
/// count as `status` counts them.
@Suite struct ExportStatusSummaryTests {
    @Test func manyComponentsAreEachSummarisedOnceInNameOrder() async throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("monitor.db")
        let now = WallClock.nowMilliseconds()
        let names = (0..<13).map { "svc-\(String(format: "%02d", $0))" }
        do {
            let database = try Database(path: db)
            for (index, name) in names.enumerated().reversed() {
                try RetentionHistory.add(database, component: name, from: now - 3_600_000, count: index + 1, stepMs: 60_000)
            }
        }
        let run = try await ExportFixture.export(["--format", "jsonl"], db: db, in: directory)
        #expect(run.code == 0, "\(run.err)")
        let rows = try run.out.split(separator: "\n").dropFirst().map { try JSONParser.parse(String($0)) }
        #expect(rows.map { $0["check"]?.scalarText ?? "" } == names)
        #expect(rows.map { $0["results"] } == names.indices.map { JSONValue.int(Int64($0 + 1)) })
    }

    @Test func rolledUpHoursCountTowardsThePeriod() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("monitor.db")
        let hour: Int64 = 3_600_000
        let start = RetentionHistory.now - 10 * hour
        let database = try Database(path: path)
        // Raw results only for the last 2 hours; the 8 hours before survive as rollups.
        try RetentionHistory.add(database, component: "api", from: start + 8 * hour, count: 120, stepMs: 60_000)
        try database.execute("""
            INSERT INTO rollups (component_id, hour_start, count, ok, warning, critical, unknown, latency_count,
                                 latency_p50, latency_p95, latency_max)
            SELECT 1, \(start) + value * 3600000, 60, 50, 5, 5, 0, 60, 10.0, 20.0, 30.0
            FROM (WITH RECURSIVE s(value) AS (SELECT 0 UNION ALL SELECT value + 1 FROM s WHERE value < 7) SELECT value FROM s)
            """)
        let period = ExportPeriod(since: start, until: start + 10 * hour)
        let snapshot = try ExportSnapshot.read(database, period: period, checks: [])
        let api = try #require(snapshot.components.first)
        let raw = try StatusQuery(database: database).windowStats(component: "api", since: start + 8 * hour)
        #expect(api.total == raw.total + 8 * 60)
        #expect(api.up == raw.up + 8 * 55)
        #expect(api.unknown == raw.unknown)
        // The chart has points for the rolled-up hours too.
        let withData = api.buckets.filter { $0.latencyCount > 0 }.count
        #expect(withData == snapshot.buckets.count)
    }
}
