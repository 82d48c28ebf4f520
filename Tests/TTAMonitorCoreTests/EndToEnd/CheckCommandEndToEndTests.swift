import Foundation
import Testing
@testable import TTAMonitorCore

/// `tta-monitor check` and `status` run as a user runs them: the real binary, a real
/// redis-server and a real HTTP server on loopback, a config file on disk.
@Suite(.serialized) struct CheckCommandEndToEndTests {
    /// A config exercising each outcome: OK redis, OK http, a 500, a slow endpoint past its
    /// timeout, a closed port, a JSON mismatch, the host disk, and a body mismatch.
    func writeConfig(in directory: TemporaryDirectory, http: LocalHTTPServer, redisURL: String, closedPort: Int) throws -> String {
        // tta-monitor creates directories only for its default database location.
        try FileManager.default.createDirectory(atPath: directory.file("data"), withIntermediateDirectories: true)
        return try directory.write("tta_config.yaml", """
            player_experience:
              api: {port: 8080}
            monitoring:
              storage:
                path: data/monitor.db
              defaults:
                timeout: 2s
                interval: 1m
              checks:
                - name: redis
                  type: redis
                  url: \(redisURL)
                  critical: true
                - name: player-api
                  type: http
                  url: \(http.url("/ok"))
                  critical: true
                  expect: {status: [200], body_contains: healthy, json: {status: healthy}}
                - name: broken-api
                  type: http
                  url: \(http.url("/error"))
                - name: slow-api
                  type: http
                  url: \(http.url("/slow?ms=3000"))
                  timeout: 300ms
                - name: closed-port
                  type: tcp
                  url: tcp://127.0.0.1:\(closedPort)
                - name: degraded-api
                  type: http
                  url: \(http.url("/degraded"))
                  expect:
                    json: {status: healthy}
                - name: disk-root
                  type: disk
                  path: /
                - name: wrong-body
                  type: http
                  url: \(http.url("/text"))
                  expect: {body_contains: healthy}
            """)
    }

    func writeOneCheckConfig(in directory: TemporaryDirectory, name: String, url: String) throws {
        try directory.write("tta_config.yaml", """
            monitoring:
              checks:
                - {name: \(name), type: http, url: "\(url)"}
            """)
    }

    @Test func checkPrintsStoresAndExitsWithTheWorstStatus() async throws {
        let directory = try TemporaryDirectory()
        let http = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
        let redis = try await RedisServerProcess.start()
        defer { redis.stop() }
        _ = try writeConfig(in: directory, http: http, redisURL: redis.url, closedPort: try LocalHTTPServer.unusedPort())

        let run = try await BinaryRunner.run(["check"], in: directory.path)
        #expect(run.code == 2, "stderr: \(run.err)")
        let lines = run.out.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("CHECK") == true)
        func row(_ name: String) -> String { lines.first { $0.hasPrefix(name + " ") } ?? "" }
        #expect(row("redis").contains(" OK ") && row("redis").contains("PONG"))
        #expect(row("player-api").contains(" OK ") && row("player-api").contains("HTTP 200"))
        #expect(row("broken-api").contains("CRITICAL") && row("broken-api").contains("HTTP 500"))
        #expect(row("slow-api").contains("CRITICAL") && row("slow-api").contains("timed out"))
        #expect(row("closed-port").contains("CRITICAL") && row("closed-port").contains("refused"))
        #expect(row("degraded-api").contains("CRITICAL") && row("degraded-api").contains("degraded"))
        #expect(row("disk-root").contains("used"))
        #expect(row("wrong-body").contains("CRITICAL") && row("wrong-body").contains("body does not contain 'healthy'"))
        #expect(run.out.contains("CRITICAL: 8 checks"))
        // The slow endpoint must not hold the run hostage past its own 300 ms timeout.
        #expect(run.seconds < 2.5)

        let rows = try SQLiteRows.strings(directory.file("data/monitor.db"), """
            SELECT c.name, r.status FROM check_results r JOIN components c ON c.id = r.component_id ORDER BY c.name
            """)
        let stored = Dictionary(uniqueKeysWithValues: rows.map { ($0[0], Int($0[1])!) })
        #expect(stored["redis"] == 0)
        #expect(stored["player-api"] == 0)
        #expect(stored["broken-api"] == 2)
        #expect(stored["slow-api"] == 2)
        #expect(stored["closed-port"] == 2)
        #expect(stored["degraded-api"] == 2)
        #expect(stored["wrong-body"] == 2)
        #expect(rows.count == 8)
        #expect(try SQLiteRows.strings(directory.file("data/monitor.db"), "SELECT count(*) FROM runs") == [["1"]])
        let mode = try FileManager.default.attributesOfItem(atPath: directory.file("data/monitor.db"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func checkJSONIsOneDocumentWithStableShape() async throws {
        let directory = try TemporaryDirectory()
        let http = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
        let redis = try await RedisServerProcess.start()
        defer { redis.stop() }
        _ = try writeConfig(in: directory, http: http, redisURL: redis.url, closedPort: try LocalHTTPServer.unusedPort())

        let run = try await BinaryRunner.run(["--json", "check", "redis", "player-api", "broken-api"], in: directory.path)
        #expect(run.code == 2)
        let document = try JSONParser.parse(run.out)
        #expect(document["schema_version"] == .int(1))
        #expect(document["status"] == .string("CRITICAL"))
        #expect(document["exit_code"] == .int(2))
        #expect(document["summary"]?["total"] == .int(3))
        #expect(document["summary"]?["critical"] == .int(1))
        guard case .array(let checks)? = document["checks"] else { Issue.record("no checks array"); return }
        #expect(checks.map { $0["name"] } == [.string("redis"), .string("player-api"), .string("broken-api")])
        #expect(checks[0]["details"]?["redis_version"] != nil)
        #expect(checks[1]["details"]?["http_status"] == .int(200))
        #expect(checks[2]["status"] == .string("CRITICAL"))
        guard case .string(let startedAt)? = document["started_at"] else { Issue.record("no started_at"); return }
        #expect(startedAt.hasSuffix("Z") && startedAt.count == 24)
        if case .int(let runID)? = document["run_id"] { #expect(runID == 1) } else { Issue.record("run_id missing") }
    }

    @Test func failOnCriticalToleratesWarnings() async throws {
        let directory = try TemporaryDirectory()
        let http = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
        try directory.write("tta_config.yaml", """
            monitoring:
              checks:
                - name: slowish
                  type: http
                  url: \(http.url("/slow?ms=80"))
                  latency: {warning: 20ms, critical: 5s}
            """)
        let strict = try await BinaryRunner.run(["check", "--no-store"], in: directory.path)
        #expect(strict.code == 1, "\(strict.out)\(strict.err)")
        #expect(strict.out.contains("WARNING"))
        let lenient = try await BinaryRunner.run(["check", "--no-store", "--fail-on", "critical"], in: directory.path)
        #expect(lenient.code == 0)
        #expect(lenient.out.contains("WARNING"))
        #expect(!FileManager.default.fileExists(atPath: directory.file(".local/state/tta-monitor/monitor.db")))
    }

    @Test func statusReadsHistoryAndMarksStaleResultsUnknown() async throws {
        let directory = try TemporaryDirectory()
        let http = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
        let redis = try await RedisServerProcess.start()
        defer { redis.stop() }
        _ = try writeConfig(in: directory, http: http, redisURL: redis.url, closedPort: try LocalHTTPServer.unusedPort())
        for _ in 0..<3 { _ = try await BinaryRunner.run(["-q", "check", "redis", "player-api", "broken-api"], in: directory.path) }

        let status = try await BinaryRunner.run(["status", "--json", "--component", "redis,player-api,broken-api"], in: directory.path)
        #expect(status.code == 2, "\(status.err)")
        let document = try JSONParser.parse(status.out)
        #expect(document["overall"]?["status"] == .string("CRITICAL"))
        #expect(document["overall"]?["health"] == .string("degraded"))
        guard case .array(let components)? = document["components"] else { Issue.record("no components"); return }
        #expect(components.count == 3)
        let redisRow = components[0]
        #expect(redisRow["status"] == .string("OK"))
        #expect(redisRow["consecutive"] == .int(3))
        #expect(redisRow["window"]?["checks"] == .int(3))
        #expect(redisRow["window"]?["availability_percent"] == .int(100))
        #expect(components[2]["window"]?["availability_percent"] == .int(0))

        // Age the stored results past 3 x the 1m interval: status must not call them OK.
        let database = try Database(path: directory.file("data/monitor.db"))
        try database.execute("UPDATE components SET last_ts = last_ts - 600000")
        let stale = try await BinaryRunner.run(["status", "--component", "redis"], in: directory.path)
        #expect(stale.code == 3)
        #expect(stale.out.contains("UNKNOWN") && stale.out.contains("stale: last result 10m ago"))

        let table = try await BinaryRunner.run(["status"], in: directory.path)
        #expect(table.code == 3)
        #expect(table.out.contains("never checked"))   // slow-api etc. have no results yet
        #expect(table.out.contains("Overall: UNKNOWN (unknown)"))
    }

    @Test func statusWithoutDatabaseOrConfigSaysWhatToDo() async throws {
        let directory = try TemporaryDirectory()
        let run = try await BinaryRunner.run(["status"], in: directory.path)
        #expect(run.code == 66)
        #expect(run.err.contains("create a config from tta_config.yaml.example"))
        #expect(!run.err.contains("run 'tta-monitor check'"))
    }

    @Test func unknownCheckNameIsAUsageErrorWithAHint() async throws {
        let directory = try TemporaryDirectory()
        let http = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
        try writeOneCheckConfig(in: directory, name: "player-api", url: http.url("/ok"))
        let run = try await BinaryRunner.run(["check", "player-ap"], in: directory.path)
        #expect(run.code == 64)
        #expect(run.err.hasPrefix("Error: Unknown check 'player-ap'. Did you mean 'player-api'?"))
    }

    @Test func newerDatabaseIsRefusedAndLeftUntouched() async throws {
        let directory = try TemporaryDirectory()
        let http = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
        try writeOneCheckConfig(in: directory, name: "api", url: http.url("/ok"))
        do {
            let database = try Database(path: directory.file("future.db"))
            try database.execute("PRAGMA user_version = 42; PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: directory.file("future.db")))
        let run = try await BinaryRunner.run(["--db", "future.db", "check"], in: directory.path)
        #expect(run.code == 74)
        #expect(run.err.contains("schema version 42 is newer"))
        #expect(http.requestCount == 0)   // refused before probing anything
        let after = try Data(contentsOf: URL(fileURLWithPath: directory.file("future.db")))
        #expect(before == after)
    }

    @Test func outputFileIsWrittenWholeAndStdoutStaysEmpty() async throws {
        let directory = try TemporaryDirectory()
        let http = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
        try writeOneCheckConfig(in: directory, name: "api", url: http.url("/ok"))
        let run = try await BinaryRunner.run(["check", "--no-store", "--format", "json", "--output", "report.json"], in: directory.path)
        #expect(run.code == 0)
        #expect(run.out.isEmpty)
        let report = try JSONParser.parse(String(contentsOfFile: directory.file("report.json"), encoding: .utf8))
        #expect(report["status"] == .string("OK"))
        #expect(report["run_id"] == .null)
    }
}
