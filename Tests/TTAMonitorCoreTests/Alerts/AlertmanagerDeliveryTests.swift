import Foundation
import Testing
@testable import TTAMonitorCore

@Suite("Alertmanager channel", .serialized)
struct AlertmanagerDeliveryTests {
    /// The alerts Alertmanager holds as active, as its API lists them.
    static func activeAlerts(_ alertmanager: AlertmanagerProcess) async throws -> [JSONValue] {
        let response = await HTTPProbe.perform(HTTPProbeRequest(url: alertmanager.url + "/api/v2/alerts"))
        #expect(response.statusCode == 200)
        guard case .array(let alerts) = try JSONParser.parse(String(decoding: response.body, as: UTF8.self)) else { return [] }
        return alerts
    }

    @Test("a real Alertmanager receives firing alerts with their labels; resolved ones leave it")
    func firingThenResolved() async throws {
        let alertmanager = try await AlertmanagerProcess.start()
        defer { alertmanager.stop() }
        let fixture = try OutboxFixture(channels: "      - {name: am, type: alertmanager, url: \"\(alertmanager.url)/\"}\n")
        let now = WallClock.nowMilliseconds()
        try fixture.enqueue(OutboxFixture.notification(component: "redis", at: now), channel: "am")
        try fixture.enqueue(OutboxFixture.notification(rule: "slow-api", component: "player-api", summary: "p95 812 ms", at: now),
                            channel: "am")
        let report = try await fixture.deliver(now: now)
        #expect(report.delivered == 2, "\(report.errors)")

        let alerts = try await Self.activeAlerts(alertmanager)
        #expect(alerts.count == 2)
        let redis = try #require(alerts.first { $0["labels"]?["component"] == .string("redis") })
        #expect(redis["labels"]?["alertname"] == .string("component-down"))
        #expect(redis["labels"]?["severity"] == .string("critical"))
        #expect(redis["labels"]?["team"] == .string("platform"))
        #expect(redis["annotations"]?["summary"] == .string("redis is down"))
        #expect(redis["annotations"]?["runbook_url"] == .string("https://runbooks.example/component-down"))
        #expect(redis["status"]?["state"] == .string("active"))
        #expect(redis["startsAt"] == .string(Timestamps.rfc3339(milliseconds: now - 180_000)))
        let api = try #require(alerts.first { $0["labels"]?["alertname"] == .string("slow-api") })
        #expect(api["annotations"]?["summary"] == .string("p95 812 ms"))

        // amtool, as an operator would look.
        let alertmanagerURL = alertmanager.url
        let amtool = try await offloaded { () throws -> String in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/amtool")
            process.arguments = ["alert", "query", "--alertmanager.url=\(alertmanagerURL)", "-o", "simple", "alertname=component-down"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        #expect(amtool.contains("component-down") && amtool.contains("redis is down"), "\(amtool)")

        let resolvedAt = WallClock.nowMilliseconds()
        try fixture.enqueue(OutboxFixture.notification(.resolved, component: "redis", at: resolvedAt), channel: "am")
        #expect(try await fixture.deliver(now: resolvedAt).delivered == 1)
        let remaining = try await Self.activeAlerts(alertmanager)
        #expect(remaining.count == 1)
        #expect(remaining.first?["labels"]?["alertname"] == .string("slow-api"))
    }

    @Test("firing alerts end resolve_timeout after the send; label names are made valid for Alertmanager")
    func alertShape() {
        var channel = AlertmanagerChannel(url: "http://am:9093")
        channel.resolveTimeout = .seconds(3_600)
        var notification = OutboxFixture.notification()
        notification.labels.append(("app.kubernetes.io/name", "tta"))
        notification.notificationID = 9
        let sentAt: Int64 = 1_700_000_100_000
        let alert = channel.alert(notification, sentAt: sentAt)
        #expect(alert["endsAt"] == .string(Timestamps.rfc3339(milliseconds: sentAt + 3_600_000)))
        #expect(alert["labels"]?["app_kubernetes_io_name"] == .string("tta"))
        #expect(alert["annotations"]?["notification_id"] == .string("9"))
        let resolved = channel.alert(OutboxFixture.notification(.resolved), sentAt: sentAt)
        #expect(resolved["endsAt"] == .string(Timestamps.rfc3339(milliseconds: 1_700_000_000_000)))
        #expect(AlertmanagerChannel.labelName("9lives") == "_9lives")
    }
}
