import Foundation
import Testing
@testable import TTAMonitorCore

/// A webhook and an Alertmanager that are down for many cron runs while an alert fires and
/// resolves, then come back: every notification arrives, none twice for the same event.
@Suite(.serialized) struct DeadReceiversTests {
    @Test("webhook and Alertmanager down for 8 runs, then up: every event delivered once")
    func deadReceiversLoseNothing() async throws {
        let directory = try TemporaryDirectory()
        let hookPort = try LocalHTTPServer.unusedPort()
        let alertmanagerPort = try LocalHTTPServer.unusedPort()
        let heartbeat = directory.file("heartbeat")
        try directory.write("tta_config.yaml", """
            monitoring:
              storage: {path: monitor.db}
              checks:
                - {name: nightly-backup, type: file_age, path: "\(heartbeat)", max_age: {critical: 1h}}
              alerts:
                rules:
                  - {name: backup-missing, kind: status, check: nightly-backup, for: 2 checks, severity: critical}
                channels:
                  - {name: hook, type: webhook, url: "http://127.0.0.1:\(hookPort)/hook/SECRETTOKEN", retry_backoff: 0s, timeout: 1s}
                  - {name: am, type: alertmanager, url: "http://127.0.0.1:\(alertmanagerPort)", retry_backoff: 0s, timeout: 1s}
                route: {critical: [hook, am]}
            """)
        // Eight runs with both receivers down: the alert fires on the second, and resolves on
        // the seventh once the heartbeat file appears.
        for run in 1...8 {
            if run == 7 { _ = try directory.write("heartbeat", "done") }
            let outcome = try await BinaryRunner.run(["check"], in: directory.path)
            #expect([0, 2].contains(outcome.code), "run \(run): \(outcome.err)")
            #expect(!outcome.err.contains("SECRETTOKEN") && !outcome.out.contains("SECRETTOKEN"))
        }
        let database = directory.file("monitor.db")
        #expect(try SQLiteRows.strings(database, "SELECT event, count(*) FROM notifications WHERE delivered_at IS NULL GROUP BY event ORDER BY event")
            == [["firing", "2"], ["resolved", "2"]])
        let attempts = try SQLiteRows.strings(database, "SELECT min(attempts) FROM notifications WHERE event = 'firing'")
        #expect(Int(attempts.first?.first ?? "0") ?? 0 >= 6, "firing notifications were retried on every run: \(attempts)")

        // Both come back where they were.
        let receiver = RequestRecorder()
        let hook = try LocalHTTPServer(port: hookPort, handler: receiver.handler)
        defer { hook.stop() }
        let alertmanager = try await AlertmanagerProcess.start(port: alertmanagerPort)
        defer { alertmanager.stop() }
        for _ in 0..<3 {
            let outcome = try await BinaryRunner.run(["alerts", "evaluate", "--json"], in: directory.path)
            #expect(outcome.code == 0, "\(outcome.err)")
        }
        let received = try receiver.notificationIDs()
        let expected = try SQLiteRows.strings(database, "SELECT id FROM notifications WHERE channel = 'hook' ORDER BY id").map { Int64($0[0])! }
        #expect(received.sorted() == expected, "webhook got \(received), outbox has \(expected)")
        #expect(Set(received).count == received.count, "a notification arrived twice: \(received)")
        #expect(try SQLiteRows.strings(database, "SELECT count(*) FROM notifications WHERE delivered_at IS NULL") == [["0"]])
        let events = try receiver.requests.flatMap { request -> [String] in
            guard case .array(let items)? = try JSONParser.parse(request.bodyText)["notifications"] else { return [] }
            return items.compactMap { $0["event"]?.scalarText }
        }
        #expect(events.sorted() == ["firing", "resolved"])

        // Alertmanager saw the alert, and it ended (resolved) rather than still firing.
        #expect(try SQLiteRows.strings(database, "SELECT event FROM notifications WHERE channel = 'am' AND delivered_at IS NOT NULL ORDER BY id")
            == [["firing"], ["resolved"]])
        let alertmanagerURL = alertmanager.url
        let alerts = try await offloaded { () -> String in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/amtool")
            process.arguments = ["alert", "query", "--alertmanager.url=\(alertmanagerURL)", "-o", "json"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        #expect(!alerts.contains("backup-missing"), "a resolved alert is still active in Alertmanager: \(alerts)")
        print("reliability: receivers down for 8 runs: \(received.count) webhook notifications delivered once each after recovery")
    }
}
