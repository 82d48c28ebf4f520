import Foundation
import Testing
@testable import TTAMonitorCore

/// The API over a real database the real binary filled (`check` against a local HTTP
/// server): each body equals the CLI's `--json` for the same data, and /metrics passes
/// promtool and our own parsers.
@Suite(.serialized) struct ServeAPIEndToEndTests {
    struct Fixture {
        let directory: TemporaryDirectory
        let http: LocalHTTPServer
        let database: String
        let config: String

        func cli(_ arguments: [String]) async throws -> BinaryRunner.Outcome {
            try await BinaryRunner.run(["--config", config, "--db", database] + arguments, in: directory.path)
        }

        func state() throws -> FixedServeState {
            FixedServeState(databasePath: database, config: try ConfigLoader(environment: [:]).load(path: config))
        }
    }

    func fixture(runs: Int = 3) async throws -> Fixture {
        let directory = try TemporaryDirectory()
        let http = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
        let config = try directory.write("tta_config.yaml", """
            monitoring:
              defaults: {timeout: 2s, interval: 1m}
              checks:
                - {name: player-api, type: http, url: "\(http.url("/ok"))", critical: true}
                - {name: broken-api, type: http, url: "\(http.url("/error"))"}
              alerts:
                rules:
                  - {name: component-down, kind: status, for: 1 checks, severity: critical}
            """)
        let fixture = Fixture(directory: directory, http: http, database: directory.file("monitor.db"), config: config)
        for _ in 0..<runs {
            let run = try await fixture.cli(["check", "--quiet"])
            #expect(run.code == 2, "\(run.err)")
        }
        return fixture
    }

    func item(_ value: JSONValue, _ index: Int) -> JSONValue? {
        guard case .array(let items) = value, index < items.count else { return nil }
        return items[index]
    }

    /// Drops the members that depend on the moment of the answer.
    func stable(_ value: JSONValue) -> JSONValue {
        let moving: Set<String> = ["generated_at", "last_check_age_ms", "duration_ms"]
        switch value {
        case .object(let members): return .object(members.filter { !moving.contains($0.0) }.map { ($0.0, stable($0.1)) })
        case .array(let items): return .array(items.map(stable))
        default: return value
        }
    }

    func body(_ port: Int, _ path: String, status: Int = 200) throws -> JSONValue {
        let response = try #require(try RawHTTPClient.get(port, path))
        #expect(response.status == status, "\(path): \(response.body)")
        #expect(response.headers["content-type"] == "application/json")
        return try JSONParser.parse(response.body)
    }

    @Test func statusAlertsAndCarbonEqualTheCLIsJSON() async throws {
        let fixture = try await fixture()
        let server = try ServeHTTPTestServer(state: try fixture.state())
        defer { server.running.stop() }
        let pairs: [(String, [String])] = [
            ("/api/v1/status?window=24h", ["status", "--json", "--window", "24h"]),
            ("/api/v1/status?window=1h", ["status", "--json", "--window", "1h"]),
            ("/api/v1/alerts?state=all", ["alerts", "list", "--json", "--state", "all"]),
            ("/api/v1/alerts", ["alerts", "list", "--json"]),
            ("/api/v1/carbon?day=today", ["carbon", "report", "--json", "--day", "today"]),
        ]
        for (path, arguments) in pairs {
            let api = try body(server.port, path)
            let cli = try await fixture.cli(arguments)
            let expected = try JSONParser.parse(cli.out)
            #expect(stable(api) == stable(expected), "\(path)\nAPI: \(JSONWriter.render(api))\nCLI: \(cli.out)")
        }
        let alerts = try body(server.port, "/api/v1/alerts")
        guard case .array(let firing)? = alerts["alerts"] else { Issue.record("no alerts array"); return }
        #expect(firing.count == 1)
    }

    @Test func resultsPageNewestFirstLikeTheExportRows() async throws {
        let fixture = try await fixture(runs: 5)
        let server = try ServeHTTPTestServer(state: try fixture.state())
        defer { server.running.stop() }
        let export = try await fixture.cli(["export", "--report", "checks", "--format", "json", "--check", "broken-api", "--since", "1h"])
        #expect(export.code == 0, "\(export.err)")
        guard case .array(let exported)? = try JSONParser.parse(export.out)["rows"] else { Issue.record("no rows"); return }
        #expect(exported.count == 5)
        var collected: [JSONValue] = []
        var path = "/api/v1/checks/broken-api/results?limit=2&since=1h"
        for _ in 0..<5 {
            let page = try body(server.port, path)
            guard case .array(let rows)? = page["results"] else { Issue.record("no results"); return }
            #expect(rows.count <= 2)
            collected += rows
            guard case .string(let cursor)? = page["next_cursor"] else { break }
            path = "/api/v1/checks/broken-api/results?limit=2&since=1h&cursor=\(cursor)"
        }
        #expect(collected == exported.reversed())
        #expect(try body(server.port, "/api/v1/checks/broken-api/results?cursor=abc", status: 400)["error"]?["code"] == .string("bad_parameter"))
    }

    @Test func seriesCountsEveryStoredResult() async throws {
        let fixture = try await fixture(runs: 3)
        let server = try ServeHTTPTestServer(state: try fixture.state())
        defer { server.running.stop() }
        let series = try body(server.port, "/api/v1/checks/player-api/series?since=1h&step=5m")
        #expect(series["step_ms"] == .int(300_000))
        guard case .array(let buckets)? = series["buckets"] else { Issue.record("no buckets"); return }
        #expect(buckets.count >= 12 && buckets.count <= 13)
        let total = buckets.compactMap { $0["count"]?.number }.reduce(0, +)
        let ok = buckets.compactMap { $0["ok"]?.number }.reduce(0, +)
        #expect(total == 3 && ok == 3)
        #expect(buckets.contains { $0["availability_percent"] == .double(100) || $0["availability_percent"] == .int(100) })
        _ = try body(server.port, "/api/v1/checks/player-api/series?step=1s&since=30d", status: 400)
    }

    @Test func silencesAndAcksThroughTheAPIAreWhatTheCLISees() async throws {
        let fixture = try await fixture()
        let server = try ServeHTTPTestServer(state: try fixture.state(), token: "tok")
        defer { server.running.stop() }
        let client = try RawHTTPClient(port: server.port)
        let silence = #"{"component": "broken-api", "for": "2h", "comment": "deploy"}"#
        client.send("POST /api/v1/silences HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer tok\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(silence.utf8.count)\r\n\r\n\(silence)")
        let created = try #require(client.readResponse())
        #expect(created.status == 201, "\(created.body)")
        let id = try JSONParser.parse(created.body)["silence"]?["id"]
        let listed = try await fixture.cli(["alerts", "list", "--json"])
        #expect(try JSONParser.parse(listed.out)["silences"].flatMap { item($0, 0) }?["id"] == id)
        #expect(try JSONParser.parse(listed.out)["silences"].flatMap { item($0, 0) }?["created_by"] == .string("api"))

        let alerts = try body(server.port, "/api/v1/alerts")
        let alertID = try #require(alerts["alerts"].flatMap { item($0, 0) }?["id"]?.number)
        client.send("POST /api/v1/alerts/\(Int(alertID))/ack HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer tok\r\nContent-Length: 0\r\n\r\n")
        let acked = try #require(client.readResponse())
        #expect(acked.status == 200, "\(acked.body)")
        let shown = try await fixture.cli(["alerts", "show", "\(Int(alertID))", "--json"])
        #expect(try JSONParser.parse(shown.out)["alert"]?["acknowledged"] == .bool(true))

        client.send("DELETE /api/v1/silences/\(Int(id?.number ?? 0)) HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer tok\r\n\r\n")
        #expect(client.readResponse()?.status == 200)
        let after = try await fixture.cli(["alerts", "list", "--json"])
        #expect(try JSONParser.parse(after.out)["silences"] == .array([]))
        client.send("POST /api/v1/silences HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer tok\r\nContent-Length: 2\r\n\r\n{}")
        #expect(client.readResponse()?.status == 400)
    }

    @Test func metricsPassPromtoolInBothFormats() async throws {
        let fixture = try await fixture()
        let server = try ServeHTTPTestServer(state: try fixture.state())
        defer { server.running.stop() }
        for accept in ["application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1",
                       "text/plain"] {
            let response = try #require(try RawHTTPClient.get(server.port, "/metrics", headers: ["Accept": accept]))
            #expect(response.status == 200)
            let openMetrics = accept.hasPrefix("application/openmetrics-text")
            #expect(response.headers["content-type"] == (openMetrics ? MetricsEndpoint.openMetricsType : MetricsEndpoint.textType))
            #expect(response.body.contains("tta_monitor_check_status{check=\"broken-api\",kind=\"http\"} 2"))
            #expect(response.body.contains("tta_monitor_check_up{check=\"player-api\",kind=\"http\"} 1"))
            #expect(response.body.contains("tta_monitor_alerts_firing{severity=\"critical\"} 1"))
            #expect(response.body.hasSuffix("# EOF\n") == openMetrics)
            let file = try fixture.directory.write(openMetrics ? "scrape.om" : "scrape.prom", response.body)
            let lint = try await ReportConsumers.promtool(file)
            #expect(lint.status == 0 && lint.stdout.isEmpty && lint.stderr.isEmpty, "promtool: \(lint.stdout)\(lint.stderr)")
            let parsed = try PrometheusTextParser.parse(Array(response.body.utf8), openMetrics: openMetrics)
            #expect(parsed.sampleCount > 0)
        }
    }
}
