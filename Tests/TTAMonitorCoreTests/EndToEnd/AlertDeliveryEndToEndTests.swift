import Foundation
import Testing
@testable import TTAMonitorCore

/// `alerts notify-test` and outbox delivery through the built binary, against real
/// receivers: a local HTTP server, a real Alertmanager, a shell script, a file.
@Suite("Alert delivery end to end", .serialized)
struct AlertDeliveryEndToEndTests {
    /// A token in the webhook URL's path, as in Slack's; it must never be shown.
    static let token = "T0AAA/B0BBB/zQ9s3cretWebhookToken"

    final class Setup {
        let directory: TemporaryDirectory
        let receiver = RequestRecorder()
        let server: LocalHTTPServer
        let deadPort: Int

        init(alertmanagerURL: String = "http://127.0.0.1:9") throws {
            directory = try TemporaryDirectory()
            server = try LocalHTTPServer(handler: receiver.handler)
            deadPort = try LocalHTTPServer.unusedPort()
            let script = try directory.write("receive.sh", """
                #!/bin/sh
                cat >> "$(dirname "$0")/command-stdin.jsonl"
                echo "$TTA_ALERT_EVENT $TTA_ALERT_RULE $TTA_ALERT_COUNT" >> "$(dirname "$0")/command-env.txt"

                """)
            chmod(script, 0o755)
            try directory.write("tta.yaml", """
                monitoring:
                  storage: {path: monitor.db}
                  checks:
                    - {name: disk-root, type: disk, path: /}
                  alerts:
                    channels:
                      - name: hook
                        type: webhook
                        url: "${TTA_ALERT_WEBHOOK}"
                      - {name: slack, type: webhook, format: slack, url: "\(server.url("/services/" + AlertDeliveryEndToEndTests.token))"}
                      - {name: down, type: webhook, url: "http://127.0.0.1:\(deadPort)/services/\(AlertDeliveryEndToEndTests.token)", timeout: 2s}
                      - {name: script, type: command, command: "\(script)"}
                      - {name: am, type: alertmanager, url: "\(alertmanagerURL)"}
                      - {name: jsonl, type: file, path: alerts.jsonl}

                """)
        }

        var environment: [String: String] { ["TTA_ALERT_WEBHOOK": server.url("/hook/" + AlertDeliveryEndToEndTests.token)] }

        func run(_ arguments: [String]) async throws -> BinaryRunner.Outcome {
            try await BinaryRunner.run(["--config", "tta.yaml"] + arguments, in: directory.path, environment: environment)
        }

        var databasePath: String { directory.file("monitor.db") }
    }

    @Test("notify-test delivers through every channel type and says so; exit 0")
    func everyType() async throws {
        let alertmanager = try await AlertmanagerProcess.start()
        defer { alertmanager.stop() }
        let setup = try Setup(alertmanagerURL: alertmanager.url)
        defer { setup.server.stop() }

        let hook = try await setup.run(["alerts", "notify-test", "hook"])
        #expect(hook.code == 0, "\(hook.err)")
        let lines = hook.out.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("CHANNEL") == true && lines.count == 2, "\(hook.out)")
        #expect(lines.last?.contains("hook") == true && lines.last?.contains("webhook") == true
                && lines.last?.contains("delivered") == true, "\(hook.out)")
        let request = try #require(setup.receiver.requests.first)
        #expect(request.path == "/hook/" + Self.token)
        guard case .array(let notifications)? = try JSONParser.parse(request.bodyText)["notifications"] else {
            Issue.record("no notifications in \(request.bodyText)"); return
        }
        #expect(notifications.first?["event"] == .string("test"))
        #expect(notifications.first?["labels"]?["alertname"] == .string("tta-monitor-test"))

        let slack = try await setup.run(["--json", "alerts", "notify-test", "slack"])
        #expect(slack.code == 0, "\(slack.err)")
        let document = try JSONParser.parse(slack.out)
        #expect(document["schema_version"] == .int(1) && document["channel"] == .string("slack"))
        #expect(document["type"] == .string("webhook") && document["delivered"] == .bool(true))
        #expect(document["error"] == .null && document["notification_id"]?.number != nil)
        let slackBody = try JSONParser.parse(try #require(setup.receiver.requests.last).bodyText)
        guard case .string(let text)? = slackBody["text"] else { Issue.record("no text"); return }
        #expect(text.hasPrefix("*[TEST]* info *notify-test*: Test notification from tta-monitor on "), "\(text)")

        #expect(try await setup.run(["alerts", "notify-test", "script"]).code == 0)
        let stdin = try String(contentsOfFile: setup.directory.file("command-stdin.jsonl"), encoding: .utf8)
        #expect(try JSONParser.parse(stdin)["channel"] == .string("script"))
        #expect(try String(contentsOfFile: setup.directory.file("command-env.txt"), encoding: .utf8) == "test notify-test 1\n")

        #expect(try await setup.run(["alerts", "notify-test", "jsonl"]).code == 0)
        let line = try String(contentsOfFile: setup.directory.file("alerts.jsonl"), encoding: .utf8)
        #expect(try JSONParser.parse(line)["event"] == .string("test"))

        let am = try await setup.run(["alerts", "notify-test", "am"])
        #expect(am.code == 0, "\(am.err)")
        let response = await HTTPProbe.perform(HTTPProbeRequest(url: alertmanager.url + "/api/v2/alerts"))
        guard case .array(let alerts) = try JSONParser.parse(String(decoding: response.body, as: UTF8.self)) else {
            Issue.record("no alerts"); return
        }
        #expect(alerts.count == 1 && alerts.first?["labels"]?["alertname"] == .string("tta-monitor-test"))

        // Five test rows, all delivered, none left for a later run.
        let rows = try SQLiteRows.strings(setup.databasePath, "SELECT channel, event, delivered_at IS NOT NULL, attempts FROM notifications ORDER BY id")
        #expect(rows == [["hook", "test", "1", "1"], ["slack", "test", "1", "1"], ["script", "test", "1", "1"],
                         ["jsonl", "test", "1", "1"], ["am", "test", "1", "1"]])
    }

    @Test("a receiver that is down: exit 75, the reason on stderr, nothing retried later, the URL never shown")
    func receiverDown() async throws {
        let setup = try Setup()
        defer { setup.server.stop() }
        let down = try await setup.run(["alerts", "notify-test", "down"])
        #expect(down.code == 75)
        #expect(down.out.contains("failed") && down.out.contains("connection refused"), "\(down.out)")
        #expect(down.err == "Error: the test notification to 'down' was not delivered: connection refused\n")
        let json = try await setup.run(["--json", "alerts", "notify-test", "down"])
        #expect(json.code == 75)
        #expect(try JSONParser.parse(json.out)["error"] == .string("connection refused"))

        // A later run does not retry a failed test notification.
        let check = try await setup.run(["check"])
        #expect(check.code < 64, "\(check.err)")
        let rows = try SQLiteRows.strings(setup.databasePath, "SELECT attempts, delivered_at, last_error FROM notifications")
        #expect(rows == [["1", "NULL", "connection refused"], ["1", "NULL", "connection refused"]])

        // The webhook URLs (and their tokens) appear nowhere a user or a log would look.
        let shown = [try await setup.run(["config", "show"]), try await setup.run(["--json", "config", "show"]), down, json, check]
        for outcome in shown {
            #expect(!outcome.out.contains("zQ9s3cret") && !outcome.err.contains("zQ9s3cret"), "\(outcome.out)\(outcome.err)")
        }
        let database = try Data(contentsOf: URL(fileURLWithPath: setup.databasePath))
        #expect(database.range(of: Data("zQ9s3cret".utf8)) == nil)
    }

    @Test("an unknown channel is a usage error with a hint")
    func unknownChannel() async throws {
        let setup = try Setup()
        defer { setup.server.stop() }
        let typo = try await setup.run(["alerts", "notify-test", "hok"])
        #expect(typo.code == 64)
        #expect(typo.err.hasPrefix("Error: Unknown channel 'hok'. Did you mean 'hook'?\nUsage: tta-monitor alerts notify-test"), "\(typo.err)")
        #expect(typo.out.isEmpty)
        let far = try await setup.run(["alerts", "notify-test", "pagerduty"])
        #expect(far.code == 64)
        #expect(far.err.hasPrefix("Error: Unknown channel 'pagerduty'. Configured: hook, slack, down, script, am, jsonl."), "\(far.err)")
    }

    @Test("check delivers what the outbox holds: grouped per channel, each notification once")
    func checkDeliversTheOutbox() async throws {
        let setup = try Setup()
        defer { setup.server.stop() }
        // Rows go in as the engine writes them (the test creates and migrates the database).
        let database = try Database(path: setup.databasePath)
        var ids: [Int64] = []
        for component in ["redis", "neo4j", "player-api"] {
            let notification = OutboxFixture.notification(component: component, at: WallClock.nowMilliseconds())
            try database.prepare("""
                INSERT INTO notifications (channel, event, payload, created_at, next_attempt_at) VALUES ('hook', 'firing', ?, ?, 0)
                """).run([.text(notification.storedJSON), .integer(notification.createdAt)])
            ids.append(database.lastInsertRowID)
        }
        let first = try await setup.run(["check"])
        #expect(first.code < 64, "\(first.err)")
        #expect(first.err.contains("alerts: 3 notifications delivered\n"), "\(first.err)")
        let second = try await setup.run(["check"])
        #expect(second.code < 64, "\(second.err)")
        #expect(!second.err.contains("alerts:"), "\(second.err)")
        #expect(setup.receiver.requests.count == 1)
        #expect(try setup.receiver.notificationIDs() == ids)
        let delivered = try SQLiteRows.strings(setup.databasePath, "SELECT COUNT(*) FROM notifications WHERE delivered_at IS NOT NULL")
        #expect(delivered == [["3"]])
    }
}
