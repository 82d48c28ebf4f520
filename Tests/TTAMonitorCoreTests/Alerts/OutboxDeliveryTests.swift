import Foundation
import Testing
@testable import TTAMonitorCore

@Suite("Outbox delivery")
struct OutboxDeliveryTests {
    static let now: Int64 = 1_700_000_000_000

    @Test("generic webhook: one JSON POST with the documented document, the row marked delivered")
    func genericWebhook() async throws {
        let receiver = RequestRecorder()
        let server = try LocalHTTPServer(handler: receiver.handler)
        defer { server.stop() }
        let fixture = try OutboxFixture(channels: """
                  - {name: hook, type: webhook, url: "\(server.url("/hook"))", headers: {X-Hook-Token: "${HOOK_TOKEN}"}}

            """, environment: ["HOOK_TOKEN": "tok-123"])
        let id = try fixture.enqueue(OutboxFixture.notification(), channel: "hook")

        let report = try await fixture.deliver(now: Self.now)
        #expect(report.delivered == 1 && report.failed == 0)
        #expect(report.note == "alerts: 1 notification delivered")
        let request = try #require(receiver.requests.first)
        #expect(receiver.requests.count == 1)
        #expect(request.method == "POST" && request.path == "/hook")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["x-hook-token"] == "tok-123")
        let body = try JSONParser.parse(request.bodyText)
        #expect(body["schema_version"] == .int(1))
        #expect(body["channel"] == .string("hook"))
        guard case .array(let notifications)? = body["notifications"] else { Issue.record("no notifications"); return }
        #expect(notifications.count == 1)
        let first = notifications[0]
        #expect(first["notification_id"] == .int(id))
        #expect(first["event"] == .string("firing"))
        #expect(first["rule"] == .string("component-down"))
        #expect(first["component"] == .string("redis"))
        #expect(first["severity"] == .string("critical"))
        #expect(first["summary"] == .string("redis is down"))
        #expect(first["labels"]?["team"] == .string("platform"))
        #expect(first["starts_at"] == .string("2023-11-14T22:10:20.000Z"))

        let row = try fixture.row(id)
        #expect(row.deliveredAt != nil && row.attempts == 1 && row.lastError == nil)
        // Delivered means delivered: a second pass sends nothing.
        let again = try await fixture.deliver(now: Self.now + 60_000)
        #expect(again.delivered == 0 && receiver.requests.count == 1)
        #expect(again.note == nil)
    }

    @Test("slack format: one text message listing every notification, markup escaped")
    func slackWebhook() async throws {
        let receiver = RequestRecorder()
        let server = try LocalHTTPServer(handler: receiver.handler)
        defer { server.stop() }
        let fixture = try OutboxFixture(channels: "      - {name: oncall, type: webhook, format: slack, url: \"\(server.url("/services/T0/B0/x"))\"}\n")
        try fixture.enqueue(OutboxFixture.notification(summary: "latency <500ms> & rising"), channel: "oncall")
        try fixture.enqueue(OutboxFixture.notification(.resolved, component: "neo4j", summary: "neo4j is back"), channel: "oncall")

        let report = try await fixture.deliver(now: Self.now)
        #expect(report.delivered == 2)
        #expect(receiver.requests.count == 1)
        let body = try JSONParser.parse(try #require(receiver.requests.first).bodyText)
        guard case .string(let text)? = body["text"] else { Issue.record("no text"); return }
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines == [
            "*tta-monitor*: 2 notifications",
            "*[FIRING]* critical *component-down* (redis): latency &lt;500ms&gt; &amp; rising <https://runbooks.example/component-down|runbook>",
            "*[RESOLVED]* critical *component-down* (neo4j): neo4j is back <https://runbooks.example/component-down|runbook>",
        ])
    }

    @Test("grouping: three notifications for one channel make one POST, each channel gets its own")
    func grouping() async throws {
        let first = RequestRecorder()
        let second = RequestRecorder()
        let serverA = try LocalHTTPServer(handler: first.handler)
        let serverB = try LocalHTTPServer(handler: second.handler)
        defer { serverA.stop(); serverB.stop() }
        let fixture = try OutboxFixture(channels: """
                  - {name: a, type: webhook, url: "\(serverA.url("/a"))"}
                  - {name: b, type: webhook, url: "\(serverB.url("/b"))"}

            """)
        let ids = try ["redis", "neo4j", "api"].map { try fixture.enqueue(OutboxFixture.notification(component: $0), channel: "a") }
        let other = try fixture.enqueue(OutboxFixture.notification(component: "disk"), channel: "b")
        // Not due yet: stays for a later pass.
        let later = try fixture.enqueue(OutboxFixture.notification(component: "later"), channel: "a", dueAt: Self.now + 1)

        let report = try await fixture.deliver(now: Self.now)
        #expect(report.delivered == 4)
        #expect(report.channels.map(\.channel) == ["a", "b"])
        #expect(first.requests.count == 1 && second.requests.count == 1)
        #expect(try first.notificationIDs() == ids)
        #expect(try second.notificationIDs() == [other])
        #expect(try fixture.row(later).deliveredAt == nil)
    }

    @Test("a receiver down for 5 passes, then up, gets every notification exactly once")
    func downThenUp() async throws {
        let port = try LocalHTTPServer.unusedPort()
        let url = "http://127.0.0.1:\(port)/services/T0/B0/secretTOKEN"
        let fixture = try OutboxFixture(channels: "      - {name: hook, type: webhook, url: \"\(url)\", retry_backoff: 0s, timeout: 2s}\n")
        var ids = try (0..<3).map { try fixture.enqueue(OutboxFixture.notification(component: "c\($0)"), channel: "hook") }
        for pass in 1...5 {
            if pass == 3 { ids.append(try fixture.enqueue(OutboxFixture.notification(component: "late"), channel: "hook")) }
            let report = try await fixture.deliver(now: Self.now + Int64(pass) * 60_000)
            #expect(report.delivered == 0 && report.failed == ids.count)
            let note = try #require(report.note)
            #expect(note.contains("not delivered, retried on a later run (hook: connection refused)"), "\(note)")
        }
        let firstRow = try fixture.row(ids[0])
        #expect(firstRow.attempts == 5 && firstRow.deliveredAt == nil)
        #expect(firstRow.lastError == "connection refused")

        let receiver = RequestRecorder()
        let server = try LocalHTTPServer(port: port, handler: receiver.handler)
        defer { server.stop() }
        let recovered = try await fixture.deliver(now: Self.now + 6 * 60_000)
        #expect(recovered.delivered == 4 && recovered.failed == 0)
        _ = try await fixture.deliver(now: Self.now + 7 * 60_000)
        #expect(receiver.requests.count == 1)
        #expect(try receiver.notificationIDs() == ids)
        for id in ids { #expect(try fixture.row(id).deliveredAt != nil) }
    }

    @Test("two runs delivering at once (overlapping cron runs) send each notification once")
    func overlappingRuns() async throws {
        let receiver = RequestRecorder()
        let slow = try LocalHTTPServer { request in
            _ = receiver.handler(request)
            return LocalHTTPServer.Response(status: 200, body: "ok", delay: .milliseconds(300))
        }
        defer { slow.stop() }
        let fixture = try OutboxFixture(channels: "      - {name: hook, type: webhook, url: \"\(slow.url("/"))\"}\n")
        let ids = try (0..<3).map { try fixture.enqueue(OutboxFixture.notification(component: "c\($0)"), channel: "hook") }
        let config = fixture.config
        let path = fixture.database.path
        async let first = OutboxDelivery(database: try Database(path: path), config: config, now: Self.now, environment: [:]).deliverDue()
        async let second = OutboxDelivery(database: try Database(path: path), config: config, now: Self.now, environment: [:]).deliverDue()
        let reports = try await [first, second]
        #expect(reports.map(\.delivered).reduce(0, +) == 3)
        #expect(receiver.requests.count == 1)
        #expect(try receiver.notificationIDs() == ids)
    }

    @Test("failures back off: retry_backoff doubles per attempt up to an hour; nothing is sent before it is due")
    func backoff() async throws {
        let port = try LocalHTTPServer.unusedPort()
        let fixture = try OutboxFixture(channels: "      - {name: hook, type: webhook, url: \"http://127.0.0.1:\(port)/\"}\n")
        let id = try fixture.enqueue(OutboxFixture.notification(), channel: "hook")
        _ = try await fixture.deliver(now: Self.now)
        let first = try fixture.row(id)
        #expect(first.attempts == 1)
        #expect((Self.now + 30_000...Self.now + 35_000).contains(first.nextAttemptAt))
        let early = try await fixture.deliver(now: Self.now + 10_000)
        #expect(early.failed == 0 && early.delivered == 0)
        #expect(try fixture.row(id).attempts == 1)
        _ = try await fixture.deliver(now: first.nextAttemptAt)
        let second = try fixture.row(id)
        #expect(second.attempts == 2)
        #expect((first.nextAttemptAt + 60_000...first.nextAttemptAt + 65_000).contains(second.nextAttemptAt))
        #expect(OutboxBackoff.delay(afterAttempts: 3, base: .seconds(30)) == 120_000)
        #expect(OutboxBackoff.delay(afterAttempts: 20, base: .seconds(30)) == 3_600_000)
        #expect(OutboxBackoff.delay(afterAttempts: 4, base: .zero) == 0)
    }

    @Test("errors never carry the webhook URL, even when the receiver echoes it")
    func errorsAreMasked() async throws {
        let server = try LocalHTTPServer { request in
            LocalHTTPServer.Response(status: 500, body: "no route for \(request.target) (Authorization: hdr-secret-value)")
        }
        defer { server.stop() }
        let url = server.url("/services/T0/B0/s3cretTOKEN")
        let fixture = try OutboxFixture(channels: """
                  - {name: hook, type: webhook, url: "\(url)", headers: {Authorization: "hdr-secret-value"}}

            """)
        let id = try fixture.enqueue(OutboxFixture.notification(), channel: "hook")
        let report = try await fixture.deliver(now: Self.now)
        let error = try #require(try fixture.row(id).lastError)
        #expect(error.hasPrefix("HTTP 500: no route for "), "\(error)")
        for text in [error, report.note ?? ""] {
            #expect(!text.contains("s3cretTOKEN") && !text.contains("hdr-secret-value"), "\(text)")
        }
    }

    @Test("a row whose channel left the config waits, with the reason on the row and in the note")
    func orphanedChannel() async throws {
        let fixture = try OutboxFixture(channels: "      - {name: ok, type: command, command: \"true\"}\n")
        let id = try fixture.enqueue(OutboxFixture.notification(), channel: "pager")
        let other = try fixture.enqueue(OutboxFixture.notification(), channel: "ok")
        let report = try await fixture.deliver(now: Self.now)
        #expect(report.orphaned == ["pager": 1] && report.delivered == 1 && report.failed == 0)
        #expect(report.note == "alerts: 1 notification delivered; 1 waiting for channel 'pager', which is not configured")
        #expect(try fixture.row(other).deliveredAt != nil)
        let row = try fixture.row(id)
        #expect(row.deliveredAt == nil && row.attempts == 0)
        #expect(row.lastError?.contains("channel 'pager' is not configured") == true)
    }

    @Test("command channel: every notification as JSON on stdin, the first in TTA_ALERT_*, exit status decides")
    func commandChannel() async throws {
        let directory = try TemporaryDirectory()
        let script = try directory.write("receive.sh", """
            #!/bin/sh
            cat > "$1/stdin.json"
            env | grep '^TTA_ALERT_' | sort > "$1/env.txt"
            [ -e "$1/fail" ] && { echo "receiver broke"; exit 3; }
            exit 0

            """)
        chmod(script, 0o755)
        let fixture = try OutboxFixture(channels: "      - {name: run, type: command, command: [\(script), \(directory.path)]}\n")
        let firstID = try fixture.enqueue(OutboxFixture.notification(alertID: nil), channel: "run")
        let secondID = try fixture.enqueue(OutboxFixture.notification(.resolved, component: "neo4j"), channel: "run")

        let report = try await fixture.deliver(now: Self.now)
        #expect(report.delivered == 2, "\(report.errors)")
        let stdin = try JSONParser.parse(String(contentsOfFile: directory.file("stdin.json"), encoding: .utf8))
        #expect(stdin["schema_version"] == .int(1) && stdin["channel"] == .string("run"))
        guard case .array(let items)? = stdin["notifications"] else { Issue.record("no notifications"); return }
        #expect(items.map { $0["notification_id"] } == [.int(firstID), .int(secondID)])
        let environment = try String(contentsOfFile: directory.file("env.txt"), encoding: .utf8)
        for line in ["TTA_ALERT_COUNT=2", "TTA_ALERT_EVENT=firing", "TTA_ALERT_RULE=component-down", "TTA_ALERT_COMPONENT=redis",
                     "TTA_ALERT_SEVERITY=critical", "TTA_ALERT_STATE=firing", "TTA_ALERT_SUMMARY=redis is down",
                     "TTA_ALERT_FINGERPRINT=component-down/redis", "TTA_ALERT_NOTIFICATION_ID=\(firstID)",
                     "TTA_ALERT_NOTIFICATION_IDS=\(firstID),\(secondID)", "TTA_ALERT_CHANNEL=run"] {
            #expect(environment.contains(line + "\n"), "\(line) missing in \(environment)")
        }

        _ = FileManager.default.createFile(atPath: directory.file("fail"), contents: nil)
        let failedID = try fixture.enqueue(OutboxFixture.notification(), channel: "run")
        let failed = try await fixture.deliver(now: Self.now + 1_000)
        #expect(failed.failed == 1)
        #expect(try fixture.row(failedID).lastError == "command exited with 3: receiver broke")
    }

    @Test("command channel: a command past its timeout is killed and counts as a failure")
    func commandTimeout() async throws {
        let fixture = try OutboxFixture(channels: "      - {name: slow, type: command, command: \"sleep 5\", timeout: 200ms}\n")
        let id = try fixture.enqueue(OutboxFixture.notification(), channel: "slow")
        let started = ContinuousClock.now
        let report = try await fixture.deliver(now: Self.now)
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(report.failed == 1)
        #expect(try fixture.row(id).lastError == "command timed out after 200ms (killed)")
        _ = await CommandCheck.waitForTimedOutCommands()
    }

    @Test("file channel: one valid JSON line per notification, appended, mode 0600")
    func fileChannel() async throws {
        let fixture = try OutboxFixture(channels: "      - {name: jsonl, type: file, path: PLACEHOLDER}\n"
            .replacingOccurrences(of: "PLACEHOLDER", with: "\"${DIR}/alerts.jsonl\""),
            environment: ["DIR": NSTemporaryDirectory() + "tta-file-channel-\(UUID().uuidString)"])
        guard case .file(let file)? = fixture.config.alerts.channel(named: "jsonl")?.kind else { Issue.record("no file channel"); return }
        let directory = (file.path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let ids = [try fixture.enqueue(OutboxFixture.notification(component: "a"), channel: "jsonl"),
                       try fixture.enqueue(OutboxFixture.notification(component: "b"), channel: "jsonl")]
        #expect(try await fixture.deliver(now: Self.now).delivered == 2)
        let third = try fixture.enqueue(OutboxFixture.notification(.resolved, component: "a"), channel: "jsonl")
        #expect(try await fixture.deliver(now: Self.now + 1_000).delivered == 1)

        let lines = try String(contentsOfFile: file.path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines.last == "")
        let documents = try lines.dropLast().map { try JSONParser.parse(String($0)) }
        #expect(documents.map { $0["notification_id"] } == (ids + [third]).map { .int($0) })
        #expect(documents.map { $0["event"] } == [.string("firing"), .string("firing"), .string("resolved")])
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("a file channel that cannot write fails with the reason and retries later")
    func fileChannelFailure() async throws {
        let fixture = try OutboxFixture(channels: "      - {name: jsonl, type: file, path: /nonexistent-dir/alerts.jsonl, retry_backoff: 0s}\n")
        let id = try fixture.enqueue(OutboxFixture.notification(), channel: "jsonl")
        #expect(try await fixture.deliver(now: Self.now).failed == 1)
        #expect(try fixture.row(id).lastError == "cannot open /nonexistent-dir/alerts.jsonl: no such file or directory")
        #expect(try fixture.row(id).nextAttemptAt <= Self.now + 5_000)
    }
}
