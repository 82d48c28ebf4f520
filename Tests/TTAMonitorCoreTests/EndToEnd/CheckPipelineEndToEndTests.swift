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
