import Foundation
import Testing
@testable import TTAMonitorCore

/// deploy/prometheus/prometheus.yml itself, run by a real Prometheus with only its addresses,
/// its token path and its intervals changed: a host from `static_configs` and one from the
/// `file_sd` targets file are scraped with the token, the critical-component relabelling
/// marks the right checks, and deploy/'s rules reach a real Alertmanager through the
/// config's `alerting` section.
@Suite(.serialized) struct DeployedPrometheusTests {
    @Test func theDeployedConfigScrapesBothKindsOfTargetAndRoutesAlerts() async throws {
        let up = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
        defer { up.stop() }
        let closed = try LoopbackListener.closedPort()
        let production = try await FleetHost(checks: """
                - {name: redis, type: tcp, url: "tcp://127.0.0.1:\(closed)", critical: true}
                - {name: disk-cache, type: tcp, url: "tcp://127.0.0.1:\(closed)"}

            """, token: "deploy-token", expectedExit: 2)
        defer { production.stop() }
        let staging = try await FleetHost(checks: """
                - {name: player-api, type: http, url: "\(up.url("/ok"))", critical: true}

            """, token: "deploy-token", expectedExit: 0)
        defer { staging.stop() }
        let alertmanager = try await AlertmanagerProcess.start()
        defer { alertmanager.stop() }
        let unreachable = try LoopbackListener.closedPort()
        let scratch = try TemporaryDirectory()
        let token = try scratch.write("tta-monitor.token", "deploy-token\n")

        var config = try DocumentationFiles.read("deploy/prometheus/prometheus.yml")
        var targets = try DocumentationFiles.read("deploy/prometheus/targets/tta-monitor-hosts.yml")
        for (text, replacement) in [("scrape_interval: 15s", "scrape_interval: 1s"), ("evaluation_interval: 15s", "evaluation_interval: 1s"),
                                    ("/etc/prometheus/tta-monitor.token", token),
                                    ("tta-app-1.example.internal:8977", production.address),
                                    ("tta-app-2.example.internal:8977", "127.0.0.1:\(unreachable)"),
                                    ("tta-legacy-1.example.internal:9100", "127.0.0.1:\(unreachable)"),
                                    ("alertmanager.example.internal:9093", alertmanager.url.replacingOccurrences(of: "http://", with: ""))] {
            #expect(config.contains(text), "prometheus.yml no longer contains \(text)")
            config = config.replacingOccurrences(of: text, with: replacement)
        }
        #expect(targets.contains("tta-staging-1.example.internal:8977"))
        targets = targets.replacingOccurrences(of: "tta-staging-1.example.internal:8977", with: staging.address)
        let prometheus = try await PrometheusServerProcess.start(configFile: config, files: [
            "tta-monitor.rules.yml": try PrometheusServerProcess.deployRulesText(),
            "targets/tta-monitor-hosts.yml": targets,
        ])
        defer { prometheus.stop() }

        // Both hosts' series, each with its environment; the relabelling marks redis and
        // player-api critical and leaves disk-cache alone.
        let statuses = try await PrometheusServerProcess.poll({ try await prometheus.query("tta_monitor_check_status") }) { $0.count == 3 }
        let labels = statuses.map { series in
            ["check", "environment", "critical"].map { series["metric"]?[$0]?.scalarText ?? "-" }.joined(separator: " ")
        }.sorted()
        #expect(labels == ["disk-cache production -", "player-api staging true", "redis production true"], "\(statuses)")

        let received = try await PrometheusServerProcess.poll(timeout: .seconds(60), { await PrometheusFleetTests.alertmanagerAlerts(alertmanager) }) {
            $0.contains("TTACriticalComponentDown:redis") && $0.contains("TTACheckCritical:disk-cache")
                && $0.contains("TTAMonitorDown:127.0.0.1:\(unreachable)")
        }
        #expect(received.contains("TTACriticalComponentDown:redis"), "\(received)")
        #expect(received.contains("TTACheckCritical:disk-cache"), "\(received)")
        #expect(received.contains("TTAMonitorDown:127.0.0.1:\(unreachable)"), "\(received)")
        #expect(!received.contains { $0.hasSuffix(":player-api") }, "\(received)")
        // The node job's unreachable exporter is not a serve: TTAMonitorDown watches job="tta-monitor" only.
        let down = try await prometheus.alerts().filter { $0["labels"]?["alertname"] == .string("TTAMonitorDown") }
        #expect(down.allSatisfy { $0["labels"]?["job"] == .string("tta-monitor") }, "\(down)")
    }
}
