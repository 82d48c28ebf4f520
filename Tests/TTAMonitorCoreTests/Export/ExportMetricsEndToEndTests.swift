import Foundation
import Testing
@testable import TTAMonitorCore

/// OpenMetrics and Prometheus text under promtool, the Pushgateway end to end, and the
/// atomic-output guarantees.
@Suite struct ExportMetricsEndToEndTests {
    @Test func openMetricsAndPrometheusTextPassPromtool() async throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("monitor.db")
        try ExportFixture.make(db, now: WallClock.nowMilliseconds())
        for format in ["openmetrics", "prometheus"] {
            let file = "tta.\(format == "prometheus" ? "prom" : "om")"
            let run = try await ExportFixture.export(["--format", format, "--output", file], db: db, in: directory)
            #expect(run.code == 0, "\(run.err)")
            let text = try String(contentsOfFile: directory.file(file), encoding: .utf8)
            let lint = try await ReportConsumers.promtool(directory.file(file))
            #expect(lint.status == 0, "promtool: \(lint.stdout)\(lint.stderr)")
            #expect(lint.stdout.isEmpty && lint.stderr.isEmpty, "promtool: \(lint.stdout)\(lint.stderr)")
            #expect(text.contains("tta_monitor_check_status{check=\"neo4j\",kind=\"http\"} 2"))
            #expect(text.contains("tta_monitor_check_availability_ratio{check=\"neo4j\",kind=\"http\"} 0.9"))
            #expect(text.contains("tta_monitor_alerts_firing{severity=\"critical\"} 1"))
            #expect(text.contains("tta_monitor_carbon_energy_joules 3600000"))
            #expect(text.contains("tta_monitor_carbon_emissions_grams 300"))
            #expect(text.contains("tta_monitor_check_last_result_timestamp_seconds{check=\"api\""))
            if format == "openmetrics" {
                #expect(text.hasSuffix("# EOF\n"))
                #expect(text.contains("# UNIT tta_monitor_check_latency_seconds seconds"))
            } else {
                #expect(!text.contains("# EOF") && !text.contains("# UNIT"))
            }
            // No sample carries a timestamp: the line is `name{labels} value`.
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let value = line.contains("} ") ? line.split(separator: "} ").last! : line.split(separator: " ").dropFirst().joined(separator: " ")[...]
                #expect(value.split(separator: " ").count == 1, "\(line)")
            }
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func pushgatewayReceivesOurSeries() async throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("monitor.db")
        try ExportFixture.make(db, now: WallClock.nowMilliseconds())
        let gateway = try await PushgatewayProcess.start(in: directory)
        defer { gateway.stop() }
        let run = try await ExportFixture.export(["--format", "prometheus", "--push", "http://127.0.0.1:\(gateway.port)/"], db: db, in: directory)
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.isEmpty)
        #expect(run.err.contains("pushed"))
        let metrics = try await gateway.metrics()
        let host = ExportCommand.hostName()
        #expect(metrics.contains("tta_monitor_check_status{check=\"neo4j\",instance=\"\(host)\",job=\"tta-monitor\",kind=\"http\"} 2"),
                "\(metrics.prefix(2_000))")
        #expect(metrics.contains("tta_monitor_alerts_firing{instance=\"\(host)\",job=\"tta-monitor\",severity=\"critical\"} 1"))

        let refused = try await ExportFixture.export(["--format", "openmetrics", "--push", "http://127.0.0.1:\(try LoopbackListener.closedPort())"],
                                                     db: db, in: directory)
        #expect(refused.code == 74)
        #expect(refused.err.contains("cannot push"))
    }

    @Test func failedExportsLeaveNoFileAndNoTemporary() async throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("monitor.db")
        try ExportFixture.make(db, now: WallClock.nowMilliseconds())
        // The target is a directory: everything is written, then the rename fails.
        try FileManager.default.createDirectory(atPath: directory.file("out"), withIntermediateDirectories: false)
        let rename = try await ExportFixture.export(["--format", "csv", "--report", "checks", "--output", "out"], db: db, in: directory)
        #expect(rename.code == 74, "\(rename.err)")
        #expect(rename.err.contains("out"))
        // A missing directory: nothing can be created.
        let missing = try await ExportFixture.export(["--format", "json", "--output", "nowhere/x.json"], db: db, in: directory)
        #expect(missing.code == 74)
        // A database that is not one: the old output file stays as it was.
        try "old contents".write(toFile: directory.file("keep.csv"), atomically: true, encoding: .utf8)
        try "this is not a database".write(toFile: directory.file("broken.db"), atomically: true, encoding: .utf8)
        let broken = try await ExportFixture.export(["--format", "csv", "--report", "checks", "--output", "keep.csv"],
                                                    db: directory.file("broken.db"), in: directory)
        #expect(broken.code == 74, "\(broken.err)")
        #expect(try String(contentsOfFile: directory.file("keep.csv"), encoding: .utf8) == "old contents")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".std") }
        #expect(Set(names).isSubset(of: ["monitor.db", "monitor.db-wal", "monitor.db-shm", "out", "keep.csv", "broken.db"]), "\(names)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.file("out")).isEmpty)
    }
}
