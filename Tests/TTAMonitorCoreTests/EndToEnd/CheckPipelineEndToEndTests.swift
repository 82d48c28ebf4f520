import Foundation
import Testing
@testable import TTAMonitorCore

/// Thresholds across separate runs (as cron makes them), `depends_on`, and redaction,
/// through the real binary and the database it keeps.
@Suite struct CheckPipelineEndToEndTests {
    @Test func failureAndSuccessThresholdsHoldAcrossCronRuns() async throws {
        let directory = try TemporaryDirectory()
        let server = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
        let closed = try LocalHTTPServer.unusedPort()
        // The check flips between a closed port and the live server by rewriting the config,
        // as an outage and a recovery would.
        func write(port: Int) throws {
            try directory.write("tta_config.yaml", """
                monitoring:
                  defaults: {failure_threshold: 3, success_threshold: 2}
                  checks:
                    - {name: api, type: tcp, url: "tcp://127.0.0.1:\(port)"}
                """)
        }
        try write(port: closed)
        var codes: [Int32] = []
        var messages: [String] = []
        for _ in 0..<3 {
            let run = try await BinaryRunner.run(["--json", "check"], in: directory.path)
            codes.append(run.code)
            messages.append(try JSONParser.parse(run.out)["checks"].flatMap { if case .array(let a) = $0 { a.first } else { nil } }?["message"]?.scalarText ?? "")
        }
        #expect(codes == [0, 0, 2])
        #expect(messages[0].hasPrefix("soft CRITICAL (1 of 3): connection refused"))
        #expect(messages[1].hasPrefix("soft CRITICAL (2 of 3)"))
        try write(port: server.port)
        var recovery: [Int32] = []
        for _ in 0..<2 { recovery.append(try await BinaryRunner.run(["-q", "check"], in: directory.path).code) }
        #expect(recovery == [2, 0])
        // History keeps what the probes saw; the component shows what was reported.
        let rows = try SQLiteRows.strings(directory.file(".local/state/tta-monitor/monitor.db"),
                                          "SELECT status, reported_status FROM check_results ORDER BY id")
        #expect(rows == [["2", "0"], ["2", "0"], ["2", "2"], ["0", "2"], ["0", "0"]])
    }

    @Test func aFailingDependencyMakesDependentsUnknown() async throws {
        let directory = try TemporaryDirectory()
        let closed = try LocalHTTPServer.unusedPort()
        try directory.write("tta_config.yaml", """
            monitoring:
              checks:
                - {name: redis, type: redis, url: "redis://127.0.0.1:\(closed)"}
                - {name: player-api, type: http, url: "http://127.0.0.1:\(closed)/health", depends_on: [redis]}
            """)
        let run = try await BinaryRunner.run(["check", "--no-store"], in: directory.path)
        #expect(run.code == 2)
        let apiRow = run.out.split(separator: "\n").first { $0.hasPrefix("player-api ") } ?? ""
        #expect(apiRow.contains("UNKNOWN") && apiRow.contains("dependency redis is CRITICAL"), "\(run.out)")
    }

    /// A corpus of PII-laden answers through every kind that quotes what a target says:
    /// http (JSON mismatch, body), prometheus (label values, the page), command (its output
    /// and perfdata labels), redis (an error echoing the configured password), and secrets
    /// from TTA's own sections. Nothing of it may reach stdout, stderr or the database.
    @Test func piiCorpusThroughEveryKindIsRedacted() async throws {
        let directory = try TemporaryDirectory()
        let corpus = ["alice.smith@example.com", "198.51.100.23", "2001:db8::dead:beef",
                      "eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjoiYm9iIn0.c2lnbmF0dXJl", "Bearer sk-live-abcdef123456",
                      "https://admin:pa55word-in-url@internal.example/", "tta-graph-secret-99"]
        let page = """
            # HELP tta_sessions_active Active sessions.
            # TYPE tta_sessions_active gauge
            tta_sessions_active{owner="\(corpus[0])",peer="\(corpus[1])"} 3
            """
        let server = try LocalHTTPServer { request in
            switch request.path {
            case "/metrics": .init(status: 200, body: page + "\n")
            default: .json(#"{"status":"\#(corpus.joined(separator: " "))"}"#)
            }
        }
        try directory.write("plugin.sh", """
            echo "CRITICAL - \(corpus.joined(separator: " ")) | '\(corpus[0])'=1"
            exit 2
            """)
        try directory.write("tta_config.yaml", """
            player_experience:
              database: {neo4j_password: "\(corpus[6])"}
            monitoring:
              checks:
                - {name: api, type: http, url: "\(server.url("/health"))", expect: {json: {status: healthy}}}
                - {name: body, type: http, url: "\(server.url("/health"))", expect: {body_contains: nothing-like-this}}
                - name: agents
                  type: prometheus
                  url: \(server.url("/metrics"))
                  series: [{metric: tta_sessions_active, warning: 1}]
                - {name: script, type: command, command: [/bin/sh, plugin.sh]}
                - {name: echo-secret, type: command, command: "echo 'login failed for \(corpus[6])'; exit 1"}
            """)
        let table = try await BinaryRunner.run(["check", "-v"], in: directory.path)
        var outputs = ["table": table.out + table.err]
        for format in ["json", "nagios", "junit", "tap", "openmetrics"] {
            let run = try await BinaryRunner.run(["check", "--no-store", "--format", format], in: directory.path)
            outputs[format] = run.out + run.err
        }
        let database = try Data(contentsOf: URL(fileURLWithPath: directory.file(".local/state/tta-monitor/monitor.db")))
        let wal = (try? Data(contentsOf: URL(fileURLWithPath: directory.file(".local/state/tta-monitor/monitor.db-wal")))) ?? Data()
        outputs["database"] = String(decoding: database + wal, as: UTF8.self)
        for (place, text) in outputs {
            for item in corpus + ["sk-live-abcdef123456", "pa55word-in-url", "2001:db8::dead:beef"] {
                #expect(!text.contains(item), "'\(item)' leaked into \(place)")
            }
        }
        #expect(outputs["table"]!.contains("[email]") && outputs["table"]!.contains("[secret]"), "\(outputs["table"]!)")
    }

    @Test func piiInResponsesNeverReachesOutputOrDatabase() async throws {
        let directory = try TemporaryDirectory()
        let pii = "jane.doe@example.org"
        let server = try LocalHTTPServer { request in
            switch request.path {
            case "/who": .json(#"{"status":"\#(pii) from 203.0.113.7 token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln"}"#)
            default: .init(status: 404, body: "no")
            }
        }
        try directory.write("tta_config.yaml", """
            monitoring:
              checks:
                - name: api
                  type: http
                  url: "http://monitor:hunter2-url-secret@127.0.0.1:\(server.port)/who"
                  expect: {json: {status: healthy}}
                - name: cache
                  type: redis
                  url: "redis://:hunter2-redis-secret@127.0.0.1:\(try LocalHTTPServer.unusedPort())"
            """)
        let table = try await BinaryRunner.run(["check", "-v"], in: directory.path)
        let json = try await BinaryRunner.run(["check", "--json"], in: directory.path)
        let database = try String(decoding: Data(contentsOf: URL(fileURLWithPath: directory.file(".local/state/tta-monitor/monitor.db"))), as: UTF8.self)
        let wal = (try? Data(contentsOf: URL(fileURLWithPath: directory.file(".local/state/tta-monitor/monitor.db-wal")))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        for (place, text) in [("table", table.out + table.err), ("json", json.out + json.err), ("database", database + wal)] {
            for secret in [pii, "203.0.113.7", "eyJhbGciOiJIUzI1NiJ9", "hunter2-url-secret", "hunter2-redis-secret"] {
                #expect(!text.contains(secret), "\(secret) leaked into \(place)")
            }
        }
        #expect(table.out.contains("[email]"), "\(table.out)")
        #expect(table.out.contains("[ipv4]"))
    }
}
