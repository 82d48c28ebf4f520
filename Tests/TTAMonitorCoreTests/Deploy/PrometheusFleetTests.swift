import Foundation
import Testing
@testable import TTAMonitorCore

/// The fleet path with real parts: a real Prometheus scrapes a real node_exporter and a page of
/// our own `check --format openmetrics` output (made by the real binary), evaluates
/// deploy/'s alerting rules, and a rule that fires reaches a real Alertmanager. The same
/// harness scrapes `serve` instances once serve exists.
@Suite(.serialized) struct PrometheusFleetTests {
    /// The alert names Alertmanager holds, with their `check` or `instance` label.
    static func alertmanagerAlerts(_ alertmanager: AlertmanagerProcess) async -> [String] {
        let response = await HTTPProbe.perform(HTTPProbeRequest(url: alertmanager.url + "/api/v2/alerts", timeout: .seconds(5)))
        guard response.statusCode == 200, case .array(let alerts)? = try? JSONParser.parse(String(decoding: response.body, as: UTF8.self))
        else { return [] }
        return alerts.compactMap { alert in
            guard let name = alert["labels"]?["alertname"]?.scalarText else { return nil }
            return name + ":" + (alert["labels"]?["check"]?.scalarText ?? alert["labels"]?["instance"]?.scalarText ?? "")
        }
    }

    /// The value of an instant-vector sample, `"value": [TIME, "VALUE"]`.
    static func sampleValue(_ series: JSONValue) -> String? {
        guard case .array(let pair)? = series["value"], pair.count == 2 else { return nil }
        return pair[1].scalarText
    }

    @Test func prometheusScrapesOurPageAndNodeExporterAndADeployRuleReachesAlertmanager() async throws {
        let up = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
        defer { up.stop() }
        let closed = try LoopbackListener.closedPort()
        let host = try await FleetHost(checks: """
                - {name: redis, type: tcp, url: "tcp://127.0.0.1:\(closed)", critical: true}
                - {name: player-api, type: http, url: "\(up.url("/ok"))", critical: true}

            """, token: "fleet-token", expectedExit: 2)
        defer { host.stop() }
        let directory = try TemporaryDirectory()
        let exporter = try await NodeExporterProcess.start()
        defer { exporter.stop() }
        let alertmanager = try await AlertmanagerProcess.start()
        defer { alertmanager.stop() }
        let exporterAddress = try #require(URL(string: exporter.metricsURL)?.port).description
        let unreachable = try LoopbackListener.closedPort()
        let prometheus = try await PrometheusServerProcess.start(
            targets: [.init(job: "tta-monitor", address: host.address, labels: ["environment": "test"],
                            criticalChecks: ["redis", "player-api"], bearerToken: "fleet-token"),
                      // A host whose serve is down: deploy/'s TTAMonitorDown is for it.
                      .init(job: "tta-monitor", address: "127.0.0.1:\(unreachable)"),
                      .init(job: "node", address: "127.0.0.1:" + exporterAddress)],
            ruleFiles: [PrometheusServerProcess.deployRules(in: directory)], alertmanager: alertmanager.url)
        defer { prometheus.stop() }

        // Our series, with the labels the rules rely on.
        let statuses = try await PrometheusServerProcess.poll({ try await prometheus.query("tta_monitor_check_status") }) { $0.count == 2 }
        let byCheck = Dictionary(statuses.compactMap { series in
            series["metric"]?["check"]?.scalarText.map { ($0, series) }
        }) { first, _ in first }
        #expect(byCheck["redis"].flatMap(Self.sampleValue) == "2", "\(statuses)")
        #expect(byCheck["player-api"].flatMap(Self.sampleValue) == "0", "\(statuses)")
        #expect(byCheck["redis"]?["metric"]?["critical"] == .string("true"), "\(statuses)")
        #expect(byCheck["redis"]?["metric"]?["kind"] == .string("tcp"), "\(statuses)")
        #expect(byCheck["redis"]?["metric"]?["environment"] == .string("test"), "\(statuses)")
        // node_exporter's, from the same server.
        let node = try await PrometheusServerProcess.poll({ try await prometheus.query("node_exporter_build_info") }) { !$0.isEmpty }
        #expect(node.count == 1, "\(node)")

        // deploy/'s rules: the CRITICAL critical component and the unreachable host fire; the
        // OK check does not.
        let firing = try await PrometheusServerProcess.poll(timeout: .seconds(60), { try await prometheus.alerts() }) { alerts in
            let names = Set(alerts.filter { $0["state"] == .string("firing") }.compactMap { $0["labels"]?["alertname"]?.scalarText })
            return names.isSuperset(of: ["TTACriticalComponentDown", "TTAMonitorDown"])
        }
        let critical = firing.filter { $0["labels"]?["alertname"] == .string("TTACriticalComponentDown") }
        #expect(critical.count == 1, "\(firing)")
        #expect(critical.first?["labels"]?["check"] == .string("redis"), "\(firing)")
        #expect(critical.first?["labels"]?["severity"] == .string("page"), "\(firing)")
        #expect(critical.first?["annotations"]?["summary"]?.scalarText?.hasPrefix("redis on 127.0.0.1:") == true, "\(firing)")
        #expect(!firing.contains { $0["labels"]?["alertname"] == .string("TTACheckCritical") }, "\(firing)")

        // …and reach Alertmanager.
        let received = try await PrometheusServerProcess.poll(timeout: .seconds(60), { await Self.alertmanagerAlerts(alertmanager) }) {
            $0.contains("TTACriticalComponentDown:redis") && $0.contains("TTAMonitorDown:127.0.0.1:\(unreachable)")
        }
        #expect(received.contains("TTACriticalComponentDown:redis"), "\(received)")
        #expect(received.contains("TTAMonitorDown:127.0.0.1:\(unreachable)"), "\(received)")
        #expect(!received.contains("TTACriticalComponentDown:player-api"), "\(received)")
    }
}
