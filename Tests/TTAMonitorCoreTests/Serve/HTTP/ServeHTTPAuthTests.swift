import Foundation
import Testing
@testable import TTAMonitorCore

/// The token rules: loopback reads are open, writes always need the token, a non-loopback
/// address needs it for reads unless public_read, and a 401 says nothing else.
@Suite(.serialized) struct ServeHTTPAuthTests {
    @Test func aNonLoopbackAddressWithoutATokenRefusesToStart() throws {
        let directory = try TemporaryDirectory()
        let state = try ServeHTTPTestServer.emptyState(in: directory)
        let settings = ServeHTTPSettings(listen: ServeListenAddress(host: "0.0.0.0", port: 0))
        do {
            _ = try ServeHTTPServer.start(listen: settings.listen, settings: settings, state: state, logger: CapturedServeLog())
            Issue.record("started without a token")
        } catch let error as ConfigError {
            #expect(error.exitCode == .config)
            #expect(error.description.contains("token"))
        }
    }

    @Test func theTokenComesFromTheConfigOrTheEnvironment() throws {
        var config = MonitoringConfig(sourcePath: "x")
        #expect(ServeHTTPSettings(config: config, listen: nil, environment: ["TTA_MONITOR_TOKEN": "env"]).token == "env")
        config.serve.token = "file"
        #expect(ServeHTTPSettings(config: config, listen: nil, environment: ["TTA_MONITOR_TOKEN": "env"]).token == "file")
        #expect(ServeHTTPSettings(config: MonitoringConfig(sourcePath: "x"), listen: nil, environment: ["TTA_MONITOR_TOKEN": ""]).token == nil)
        #expect(ServeHTTPSettings(config: config, listen: nil, environment: [:]).listen == .default)
    }

    @Test func theConfigSectionLoadsWithVariables() throws {
        let config = try ConfigLoader(environment: ["SERVE_TOKEN": "abc"]).load(text: """
            monitoring:
              serve: {token: "${SERVE_TOKEN}", public_read: yes}
            """, path: "t.yaml")
        #expect(config.serve.token == "abc")
        #expect(config.serve.publicRead)
        #expect(config.secretValues.contains("abc"))
        #expect(throws: ConfigError.self) { try ConfigLoader(environment: [:]).load(text: "monitoring:\n  serve: {tokn: x}\n", path: "t.yaml") }
    }

    @Test func writesNeedTheTokenEvenOnLoopback() throws {
        let directory = try TemporaryDirectory()
        let state = try ServeHTTPTestServer.emptyState(in: directory)
        let open = try ServeHTTPTestServer(state: state)
        defer { open.running.stop() }
        #expect(try RawHTTPClient.get(open.port, "/api/v1/alerts")?.status == 200)
        let client = try RawHTTPClient(port: open.port)
        client.send("DELETE /api/v1/silences/1 HTTP/1.1\r\nHost: t\r\n\r\n")
        let refused = client.readResponse()
        #expect(refused?.status == 401)
        #expect(refused?.headers["www-authenticate"] == "Bearer")

        let guarded = try ServeHTTPTestServer(state: state, token: "s3cret-token")
        defer { guarded.running.stop() }
        for header in [nil, "Bearer wrong", "Bearer s3cret-toke", "Basic s3cret-token"] as [String?] {
            let client = try RawHTTPClient(port: guarded.port)
            client.send("DELETE /api/v1/silences/1 HTTP/1.1\r\nHost: t\r\n" + (header.map { "Authorization: \($0)\r\n" } ?? "") + "\r\n")
            let response = client.readResponse()
            #expect(response?.status == 401)
            #expect(response?.body.contains("s3cret") == false)
        }
        let authorised = try RawHTTPClient(port: guarded.port)
        authorised.send("DELETE /api/v1/silences/99 HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer s3cret-token\r\n\r\n")
        #expect(authorised.readResponse()?.status == 404)
        #expect(!guarded.log.all.joined().contains("s3cret"))
    }

    @Test func nonLoopbackReadsNeedTheTokenUnlessPublicRead() throws {
        let directory = try TemporaryDirectory()
        let state = try ServeHTTPTestServer.emptyState(in: directory)
        // 0.0.0.0 accepts on 127.0.0.1 too, which the test client uses.
        let closed = try ServeHTTPTestServer(state: state, token: "tok", host: "0.0.0.0")
        defer { closed.running.stop() }
        #expect(try RawHTTPClient.get(closed.port, "/api/v1/status")?.status == 401)
        #expect(try RawHTTPClient.get(closed.port, "/no/such/path")?.status == 401)
        #expect(try RawHTTPClient.get(closed.port, "/metrics")?.status == 401)
        #expect(try RawHTTPClient.get(closed.port, "/healthz")?.status == 200)
        #expect(try RawHTTPClient.get(closed.port, "/api/v1/status", headers: ["Authorization": "Bearer tok"])?.status == 200)
        let open = try ServeHTTPTestServer(state: state, token: "tok", publicRead: true, host: "0.0.0.0")
        defer { open.running.stop() }
        #expect(try RawHTTPClient.get(open.port, "/api/v1/status")?.status == 200)
        let client = try RawHTTPClient(port: open.port)
        client.send("POST /api/v1/alerts/1/ack HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n")
        #expect(client.readResponse()?.status == 401)
    }

    @Test func errorsAreJSONWithCodes() throws {
        let directory = try TemporaryDirectory()
        let server = try ServeHTTPTestServer(state: try ServeHTTPTestServer.emptyState(in: directory))
        defer { server.running.stop() }
        let missing = try #require(try RawHTTPClient.get(server.port, "/api/v2/nothing"))
        #expect(missing.status == 404)
        let document = try JSONParser.parse(missing.body)
        #expect(document["schema_version"] == .int(1))
        #expect(document["error"]?["code"] == .string("not_found"))
        #expect(missing.headers["cache-control"] == "no-store")
        #expect(missing.headers["x-content-type-options"] == "nosniff")
        #expect(missing.headers["access-control-allow-origin"] == nil)
        let client = try RawHTTPClient(port: server.port)
        client.send("PUT /api/v1/status HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer x\r\nContent-Length: 0\r\n\r\n")
        // Writes are checked for the token first: without one configured, 401.
        #expect(client.readResponse()?.status == 401)
        let guarded = try ServeHTTPTestServer(state: try ServeHTTPTestServer.emptyState(in: directory), token: "x")
        defer { guarded.running.stop() }
        let writer = try RawHTTPClient(port: guarded.port)
        writer.send("PUT /api/v1/status HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer x\r\nContent-Length: 0\r\n\r\n")
        let wrongMethod = writer.readResponse()
        #expect(wrongMethod?.status == 405)
        #expect(wrongMethod?.headers["allow"] == "GET, HEAD")
        #expect(try RawHTTPClient.get(server.port, "/api/v1/status?window=forever")?.status == 400)
        #expect(try RawHTTPClient.get(server.port, "/api/v1/status?windw=1h")?.status == 400)
        #expect(try RawHTTPClient.get(server.port, "/api/v1/alerts?state=maybe")?.status == 400)
        #expect(try RawHTTPClient.get(server.port, "/api/v1/checks/x/results?limit=1001")?.status == 400)
        #expect(try RawHTTPClient.get(server.port, "/api/v1/checks/nobody/results")?.status == 404)
    }

    @Test func readyzReportsTheStatesReason() throws {
        let directory = try TemporaryDirectory()
        var state = try ServeHTTPTestServer.emptyState(in: directory)
        state.ready = .notReady(reason: "config reload failed: tta_config.yaml:3:5")
        let server = try ServeHTTPTestServer(state: state)
        defer { server.running.stop() }
        let response = try #require(try RawHTTPClient.get(server.port, "/readyz"))
        #expect(response.status == 503)
        #expect(try JSONParser.parse(response.body)["reason"] == .string("config reload failed: tta_config.yaml:3:5"))
    }
}
