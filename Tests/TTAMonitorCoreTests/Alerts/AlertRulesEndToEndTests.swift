import Foundation
import Testing
@testable import TTAMonitorCore

/// The rule kinds that judge history, on generated series with known answers, through
/// `alerts evaluate`.
@Suite struct AlertRulesEndToEndTests {
    static let minute: Int64 = 60_000

    /// Alerts as `rule component state` plus each summary, by id.
    func summaries(_ sandbox: AlertSandbox) throws -> [String] {
        try SQLiteRows.strings(sandbox.dbPath, "SELECT summary FROM alerts ORDER BY id").map { $0[0] }
    }

    @Test func forecastPredictsWhenALinearDiskSeriesIsFull() async throws {
        let sandbox = try AlertSandbox(checks: ["disk"], alerts: """
            rules:
              - {name: disk-fill, kind: forecast, check: disk, metric: used_percent, reaches: 100, within: 24h, severity: critical}
              - {name: disk-fill-soon, kind: forecast, check: disk, metric: used_percent, reaches: 100, within: 2h}
              - {name: disk-empty, kind: forecast, check: disk, metric: used_percent, reaches: 10, direction: down}
              - {name: free-gone, kind: forecast, check: disk, metric: free_gb, reaches: 0, direction: down, within: 1d}
            route: {critical: [pager]}
            """)
        // 50 % rising 1 % every 10 minutes for 3 h: 68 % at t0, full 320 minutes later.
        let t0 = WallClock.nowMilliseconds() / 60_000 * 60_000
        try sandbox.addResults("disk", (0...18).map { step in
            (t0 - Int64(18 - step) * 10 * Self.minute, 0, 1, "{\"used_percent\": \(50 + step), \"free_gb\": \(50 - step)}")
        })
        let evaluated = try await sandbox.evaluate(now: t0)
        // Rising to 100 in 5h20m: within 24h, not within 2h; it is not heading down to 10;
        // free_gb (32 at t0, falling 1 every 10 minutes) is gone in 5h20m too.
        #expect(try sandbox.alerts() == ["disk-fill disk firing", "free-gone disk firing"])
        let predicted = Timestamps.rfc3339(milliseconds: t0 + 320 * Self.minute)
        #expect(try summaries(sandbox) == ["disk used_percent is predicted to reach 100 at \(predicted) (in 5h 20m)",
                                           "disk free_gb is predicted to reach 0 at \(predicted) (in 5h 20m)"])
        #expect(try sandbox.outbox() == ["pager firing"])
        guard case .array(let changes)? = evaluated["changes"] else { Issue.record("\(evaluated)"); return }
        #expect(changes.first?["to"] == .string("firing"))
        let value = try SQLiteRows.strings(sandbox.dbPath, "SELECT value FROM alerts").first?.first
        #expect(value.flatMap(Double.init).map { abs($0 - 68) < 1e-6 } == true)
    }

    @Test func anomalyCatchesALatencySpikeAgainstItsOwnBaseline() async throws {
        let sandbox = try AlertSandbox(checks: ["api", "steady"], alerts: """
            rules:
              - {name: slow, kind: anomaly}
            """)
        let t0 = WallClock.nowMilliseconds()
        func series(spike: Bool) -> [(ts: Int64, status: Int, latency: Double?, details: String?)] {
            (0..<360).map { index in
                let ts = t0 - Int64(359 - index) * Self.minute
                let normal = 100.0 + Double(index % 7) - 3
                return (ts, 0, spike && index >= 357 ? 400 : normal, nil)
            }
        }
        try sandbox.addResults("api", series(spike: true))
        try sandbox.addResults("steady", series(spike: false))
        _ = try await sandbox.evaluate(now: t0 + 1)
        #expect(try sandbox.alerts() == ["slow api firing"])
        let summary = try summaries(sandbox).first ?? ""
        #expect(summary.hasPrefix("api latency_ms is 400, far above its baseline 100"), "\(summary)")

        // Two anomalous samples are not yet three: pending.
        let early = try AlertSandbox(checks: ["api"], alerts: "rules:\n  - {name: slow, kind: anomaly}")
        try early.addResults("api", Array(series(spike: true).dropLast()))
        _ = try await early.evaluate(now: t0 - Self.minute + 1)
        #expect(try early.alerts() == ["slow api pending"])
    }

    @Test func absentFiresAfterAHeartbeatStops() async throws {
        let sandbox = try AlertSandbox(checks: ["backup", "fresh", "never"], alerts: """
            rules:
              - {name: heartbeat, kind: absent, for: 1h}
            """)
        let t0 = WallClock.nowMilliseconds()
        try sandbox.addStatuses("backup", status: 0, count: 3, end: t0 - 2 * 60 * Self.minute)
        try sandbox.addStatuses("fresh", status: 0, count: 3, end: t0 - Self.minute)
        _ = try await sandbox.evaluate(now: t0)
        #expect(try sandbox.alerts() == ["heartbeat backup firing", "heartbeat never pending"])
        #expect(try summaries(sandbox).first == "no result from backup for 2h (expected within 1h)")
        _ = try await sandbox.evaluate(now: t0 + 61 * Self.minute)
        #expect(try sandbox.alerts() == ["heartbeat backup firing", "heartbeat never firing", "heartbeat fresh firing"])
    }

    @Test func availabilityBelowTargetFires() async throws {
        let sandbox = try AlertSandbox(checks: ["api", "db"], alerts: """
            rules:
              - {name: slo, kind: availability, window: 24h, below: 99.5, severity: critical}
            """)
        let t0 = WallClock.nowMilliseconds()
        try sandbox.addResults("api", (0..<100).map { (t0 - Int64($0) * 10 * Self.minute, $0 < 2 ? 2 : 0, 5, nil) })
        try sandbox.addStatuses("db", status: 0, count: 100, end: t0, stepMs: 10 * Self.minute)
        _ = try await sandbox.evaluate(now: t0 + 1)
        #expect(try sandbox.alerts() == ["slo api firing"])
        let summary = try summaries(sandbox)
        #expect(summary == ["api availability is 98% over 1d, below 99.5%"])
    }

    @Test func thresholdNeedsItsDurationAndCarbonSumsToday() async throws {
        let sandbox = try AlertSandbox(checks: ["api"], alerts: """
            rules:
              - {name: slow-api, kind: threshold, check: api, metric: latency_ms, op: ">", value: 500, for: 5m, summary: "{{check}} took {{value}} ms (limit {{threshold}})"}
              - {name: carbon-budget, kind: carbon, value: 1.0}
            """)
        let t0 = WallClock.nowMilliseconds()
        try sandbox.addResults("api", (0..<4).map { (t0 - Int64(3 - $0) * Self.minute, 0, 900, nil) })
        let database = try Database(path: sandbox.dbPath)
        let day = CarbonRule.localDay(milliseconds: t0)
        for (index, kg) in [0.75, 0.5].enumerated() {
            try database.prepare("INSERT INTO carbon_runs (source, row_key, ts, local_day, emissions_kg) VALUES ('codecarbon', ?, ?, ?, ?)")
                .run([.text("k\(index)"), .integer(t0), .text(day), .real(kg)])
        }
        _ = try await sandbox.evaluate(now: t0)
        #expect(try sandbox.alerts() == ["slow-api api pending", "carbon-budget - firing"])
        #expect(try summaries(sandbox).last == "today's emissions 1.25 kg CO2e exceed 1 kg")
        try sandbox.addResults("api", [(t0 + 2 * Self.minute, 0, 950, nil)])
        _ = try await sandbox.evaluate(now: t0 + 2 * Self.minute)
        #expect(try sandbox.alerts() == ["slow-api api firing", "carbon-budget - firing"])
        #expect(try summaries(sandbox).first == "api took 950 ms (limit 500)")
    }
}
