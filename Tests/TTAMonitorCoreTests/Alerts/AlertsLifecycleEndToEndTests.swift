import Foundation
import Testing
@testable import TTAMonitorCore

/// The alert lifecycle through the real binary: firing once, resolving, repeats,
/// escalation and acknowledgement, silences, inhibition, and the JSON users read.
@Suite struct AlertsLifecycleEndToEndTests {
    static let minute: Int64 = 60_000

    @Test func checkFailingThreeTimesFiresOnceThenResolves() async throws {
        let sandbox = try AlertSandbox(checks: ["worker"], alerts: """
            rules:
              - {name: worker-down, kind: status, for: 3 checks, severity: critical, labels: {team: core}, runbook_url: https://runbooks.example/worker}
            route: {critical: [pager, audit]}
            """)
        for attempt in 1...4 {
            let run = try await sandbox.run(["check"])
            #expect(run.code == 1, "the check's own verdict (WARNING) stands: \(run.err)")
            #expect(run.err.contains("alerts: firing worker-down on worker") == (attempt == 3), "attempt \(attempt): \(run.err)")
        }
        #expect(try sandbox.outbox() == ["pager firing", "audit firing"])
        #expect(try sandbox.alerts() == ["worker-down worker firing"])

        let payload = try #require(SQLiteRows.strings(sandbox.dbPath, "SELECT payload FROM notifications LIMIT 1").first?.first)
        let notification = try #require(AlertNotification(stored: payload, notificationID: 1))
        #expect(notification.event == .firing && notification.component == "worker" && notification.severity == "critical")
        #expect(notification.labels.contains { $0 == ("team", "core") } && notification.labels.contains { $0 == ("alertname", "worker-down") })
        #expect(notification.runbookURL == "https://runbooks.example/worker")

        let list = try await sandbox.run(["--json", "alerts", "list"])
        #expect(list.code == 0, "\(list.err)")
        let listed = try JSONParser.parse(list.out)
        #expect(listed["schema_version"] == .int(1) && listed["state"] == .string("firing"))
        guard case .array(let alerts)? = listed["alerts"], let alert = alerts.first else { Issue.record("no alerts: \(list.out)"); return }
        #expect(alerts.count == 1)
        #expect(alert["rule"] == .string("worker-down") && alert["component"] == .string("worker") && alert["state"] == .string("firing"))
        #expect(alert["labels"]?["team"] == .string("core") && alert["acknowledged"] == .bool(false))
        let summary = alert["summary"]?.scalarText ?? ""
        #expect(summary.contains("worker is WARNING"), "\(summary)")
        let id = alert["id"]?.scalarText ?? "?"

        try "".write(toFile: sandbox.directory.file("worker.up"), atomically: true, encoding: .utf8)
        let recovered = try await sandbox.run(["check"])
        #expect(recovered.code == 0)
        #expect(recovered.err.contains("alerts: resolved worker-down on worker"), "\(recovered.err)")
        #expect(try sandbox.outbox() == ["pager firing", "audit firing", "pager resolved", "audit resolved"])
        let quiet = try await sandbox.run(["-q", "check"])
        #expect(quiet.err.isEmpty, "\(quiet.err)")

        let show = try await sandbox.run(["--json", "alerts", "show", id])
        #expect(show.code == 0, "\(show.err)")
        let shown = try JSONParser.parse(show.out)
        #expect(shown["alert"]?["state"] == .string("resolved") && shown["alert"]?["resolved_at"] != .null)
        guard case .array(let events)? = shown["events"], case .array(let rows)? = shown["notifications"] else { Issue.record("\(show.out)"); return }
        #expect(events.compactMap { $0["event"]?.scalarText } == ["pending", "firing", "resolved"])
        #expect(rows.compactMap { $0["event"]?.scalarText } == ["firing", "firing", "resolved", "resolved"])
        #expect(rows.first?["delivered_at"] == .null && rows.first?["attempts"] == .int(0))

        let history = try await sandbox.run(["--json", "alerts", "history"])
        guard case .array(let logged)? = try JSONParser.parse(history.out)["events"] else { Issue.record("\(history.out)"); return }
        #expect(logged.first?["event"] == .string("resolved") && logged.first?["rule"] == .string("worker-down"))
        let table = try await sandbox.run(["alerts", "list", "--state", "all"])
        #expect(table.out.contains("resolved") && table.out.contains("worker-down"))
        let missing = try await sandbox.run(["alerts", "show", "999"])
        #expect(missing.code == 66 && missing.err.contains("no alert with id 999"))
    }

    @Test func repeatsEscalatesAndAckStopsEscalation() async throws {
        let sandbox = try AlertSandbox(checks: ["api", "db"], alerts: """
            rules:
              - {name: down, kind: status, severity: critical}
            route:
              critical: [[pager], [manager]]
            repeat_interval: 10m
            escalate_after: 30m
            """)
        let t0 = WallClock.nowMilliseconds()
        try sandbox.addStatuses("api", status: 2, count: 1, end: t0 - 1_000)
        try sandbox.addStatuses("db", status: 2, count: 1, end: t0 - 1_000)
        let first = try await sandbox.evaluate(now: t0)
        #expect(first["firing"] == .int(2) && first["notifications_queued"] == .int(2))
        #expect(try sandbox.outbox() == ["pager firing", "pager firing"])

        let ack = try await sandbox.run(["--json", "alerts", "ack", "2"], now: t0 + Self.minute)
        #expect(ack.code == 0, "\(ack.err)")
        #expect(try JSONParser.parse(ack.out)["alert"]?["acknowledged"] == .bool(true))

        _ = try await sandbox.evaluate(now: t0 + 5 * Self.minute)
        #expect(try sandbox.outbox().count == 2, "nothing due before repeat_interval")
        _ = try await sandbox.evaluate(now: t0 + 11 * Self.minute)
        #expect(try sandbox.outbox(event: "repeat") == ["pager repeat"], "only the unacknowledged alert repeats")
        _ = try await sandbox.evaluate(now: t0 + 31 * Self.minute)
        #expect(try sandbox.outbox(event: "escalated") == ["manager escalated"], "the acknowledged alert does not escalate")
        #expect(try sandbox.outbox(event: "repeat") == ["pager repeat", "pager repeat"])
        let escalated = try SQLiteRows.strings(sandbox.dbPath, "SELECT id, escalation_level FROM alerts ORDER BY id")
        #expect(escalated == [["1", "1"], ["2", "0"]])
        _ = try await sandbox.evaluate(now: t0 + 42 * Self.minute)
        // After escalation a repeat goes to every level reached so far.
        #expect(try sandbox.outbox(event: "repeat") == ["pager repeat", "pager repeat", "pager repeat", "manager repeat"])

        let resolve = try await sandbox.run(["--json", "alerts", "resolve", "1"], now: t0 + 43 * Self.minute)
        #expect(resolve.code == 0, "\(resolve.err)")
        #expect(try JSONParser.parse(resolve.out)["notifications_queued"] == .int(2))
        #expect(try sandbox.outbox(event: "resolved") == ["pager resolved", "manager resolved"])
    }

    @Test func silencesHoldNotificationsUntilRemovedOrExpired() async throws {
        let sandbox = try AlertSandbox(checks: ["api", "db"], alerts: """
            rules:
              - {name: down, kind: status}
            route: {warning: [log]}
            """)
        let t0 = WallClock.nowMilliseconds()
        try sandbox.addStatuses("api", status: 2, count: 1, end: t0 - 1_000)
        try sandbox.addStatuses("db", status: 2, count: 1, end: t0 - 1_000)
        let silence = try await sandbox.run(["--json", "alerts", "silence", "--component", "api", "--for", "1h", "--comment", "deploy"], now: t0)
        #expect(silence.code == 0, "\(silence.err)")
        let silenced = try JSONParser.parse(silence.out)["silence"]
        #expect(silenced?["id"] == .int(1) && silenced?["comment"] == .string("deploy") && silenced?["active"] == .bool(true))
        let second = try await sandbox.run(["alerts", "silence", "--component", "db", "--rule", "down", "--for", "5h"], now: t0)
        #expect(second.out.contains("Silence 2"), "\(second.out)")

        let first = try await sandbox.evaluate(now: t0 + 1_000)
        #expect(first["firing"] == .int(2))
        #expect(try sandbox.outbox().isEmpty, "silenced alerts enqueue nothing")
        let list = try JSONParser.parse(try await sandbox.run(["--json", "alerts", "list"], now: t0 + 2_000).out)
        guard case .array(let alerts)? = list["alerts"], case .array(let silences)? = list["silences"] else { Issue.record("\(list)"); return }
        #expect(Set(alerts.compactMap { $0["suppressed_by"]?.scalarText }) == ["silence:1", "silence:2"])
        #expect(silences.count == 2)

        let unsilence = try await sandbox.run(["alerts", "unsilence", "2"], now: t0 + Self.minute)
        #expect(unsilence.code == 0, "\(unsilence.err)")
        _ = try await sandbox.evaluate(now: t0 + 2 * Self.minute)
        #expect(try sandbox.outbox() == ["log firing"])
        let payload = try SQLiteRows.strings(sandbox.dbPath, "SELECT payload FROM notifications").first?.first ?? ""
        #expect(payload.contains("\"component\":\"db\""))

        _ = try await sandbox.evaluate(now: t0 + 61 * Self.minute)
        #expect(try sandbox.outbox() == ["log firing", "log firing"], "api notifies once its silence expired")
        let badComponent = try await sandbox.run(["alerts", "silence", "--component", "apx", "--for", "1h"])
        #expect(badComponent.code == 64 && badComponent.err.contains("Did you mean 'api'?"), "\(badComponent.err)")
        let noDuration = try await sandbox.run(["alerts", "silence", "--component", "api"])
        #expect(noDuration.code == 64)
    }

    @Test func aFiringDependencyInhibitsItsDependents() async throws {
        let sandbox = try AlertSandbox(checks: ["api<-redis", "redis"], alerts: """
            rules:
              - {name: down, kind: status}
            route: {warning: [log]}
            """)
        let t0 = WallClock.nowMilliseconds()
        try sandbox.addStatuses("redis", status: 2, count: 1, end: t0 - 1_000)
        try sandbox.addStatuses("api", status: 2, count: 1, end: t0 - 1_000)
        let evaluated = try await sandbox.evaluate(now: t0)
        #expect(evaluated["firing"] == .int(2))
        #expect(try sandbox.outbox() == ["log firing"])
        let rows = try SQLiteRows.strings(sandbox.dbPath, "SELECT component, suppressed_by FROM alerts ORDER BY component")
        #expect(rows == [["api", "inhibited:redis"], ["redis", "NULL"]])

        try sandbox.addStatuses("redis", status: 0, count: 1, end: t0 + Self.minute)
        _ = try await sandbox.evaluate(now: t0 + 2 * Self.minute)
        let payloads = try SQLiteRows.strings(sandbox.dbPath, "SELECT event, json_extract(payload, '$.component') FROM notifications ORDER BY id")
        #expect(payloads == [["firing", "redis"], ["resolved", "redis"], ["firing", "api"]])
    }

    @Test func realRedisGoingDownPagesForRedisOnlyAndCheckKeepsItsVerdict() async throws {
        let redis = try await RedisServerProcess.start()
        let directory = try TemporaryDirectory()
        try """
            monitoring:
              storage: {path: monitor.db}
              defaults: {timeout: 1s}
              checks:
                - {name: redis, type: redis, url: "\(redis.url)", critical: true}
                - {name: player-api, type: tcp, host: 127.0.0.1, port: \(redis.port), depends_on: [redis]}
              alerts:
                rules:
                  - {name: component-down, kind: status, severity: critical}
                route: {critical: [oncall]}
            """.write(toFile: directory.file("tta_config.yaml"), atomically: true, encoding: .utf8)
        let healthy = try await BinaryRunner.run(["check"], in: directory.path)
        #expect(healthy.code == 0, "\(healthy.out)\(healthy.err)")
        #expect(!healthy.err.contains("alerts:"))

        redis.stop()
        // SIGKILL is asynchronous: give the kernel a moment to close the listening socket.
        try await Task.sleep(for: .milliseconds(200))
        let down = try await BinaryRunner.run(["check"], in: directory.path)
        #expect(down.code == 2, "the verdict is the checks' alone: \(down.out)")
        #expect(down.err.contains("alerts: firing component-down on redis, component-down on player-api (inhibited:redis)"), "\(down.err)")
        let rows = try SQLiteRows.strings(directory.file("monitor.db"), """
            SELECT channel, event, json_extract(payload, '$.component'), json_extract(payload, '$.severity') FROM notifications
            """)
        #expect(rows == [["oncall", "firing", "redis", "critical"]])
    }
}
