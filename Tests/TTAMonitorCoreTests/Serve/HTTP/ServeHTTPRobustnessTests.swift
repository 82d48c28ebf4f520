import Foundation
import Testing
@testable import TTAMonitorCore
#if canImport(Glibc)
import Glibc
#endif

/// The server against what real and hostile clients send, over raw loopback sockets.
@Suite(.serialized) struct ServeHTTPRobustnessTests {
    @Test func keepAliveAnswersManyRequestsOnOneConnection() throws {
        let directory = try TemporaryDirectory()
        let server = try ServeHTTPTestServer(state: try ServeHTTPTestServer.emptyState(in: directory))
        defer { server.running.stop() }
        let client = try RawHTTPClient(port: server.port)
        for index in 0..<10_000 {
            client.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
            guard let response = client.readResponse() else { Issue.record("no response to request \(index)"); return }
            #expect(response.status == 200)
            if response.status != 200 { return }
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let directory = try TemporaryDirectory()
        let server = try ServeHTTPTestServer(state: try ServeHTTPTestServer.emptyState(in: directory))
        defer { server.running.stop() }
        let client = try RawHTTPClient(port: server.port)
        client.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\nGET /nope HTTP/1.1\r\nHost: t\r\n\r\nGET /readyz HTTP/1.1\r\nHost: t\r\n\r\n"
            + "POST /healthz HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n")
        let statuses = (0..<4).map { _ in client.readResponse()?.status }
        #expect(statuses == [200, 404, 200, 405])
    }

    @Test func http10ClosesUnlessKeepAlive() throws {
        let directory = try TemporaryDirectory()
        let server = try ServeHTTPTestServer(state: try ServeHTTPTestServer.emptyState(in: directory))
        defer { server.running.stop() }
        let plain = try RawHTTPClient(port: server.port)
        plain.send("GET /healthz HTTP/1.0\r\n\r\n")
        let first = plain.readResponse()
        #expect(first?.status == 200)
        #expect(first?.headers["connection"] == "close")
        #expect(plain.isClosedByServer())
        let alive = try RawHTTPClient(port: server.port)
        alive.send("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(alive.readResponse()?.status == 200)
        alive.send("GET /healthz HTTP/1.0\r\n\r\n")
        #expect(alive.readResponse()?.status == 200)
    }

    @Test func garbageGets400AndTheConnectionCloses() throws {
        let directory = try TemporaryDirectory()
        let server = try ServeHTTPTestServer(state: try ServeHTTPTestServer.emptyState(in: directory))
        defer { server.running.stop() }
        let client = try RawHTTPClient(port: server.port)
        client.send([0x16, 0x03, 0x01, 0x00, 0xA5, 0x01, 0x00, 0x00, 0xA1, 0x03, 0x03, 0x0D, 0x0A, 0x0D, 0x0A])
        let response = client.readResponse()
        #expect(response?.status == 400)
        #expect(response?.body.contains("\"schema_version\":1") == true || response?.body.contains("\"schema_version\": 1") == true)
        #expect(client.isClosedByServer())
    }

    @Test func aMegabyteHeaderGets431AndClose() throws {
        let directory = try TemporaryDirectory()
        let server = try ServeHTTPTestServer(state: try ServeHTTPTestServer.emptyState(in: directory))
        defer { server.running.stop() }
        let client = try RawHTTPClient(port: server.port)
        client.send("GET /healthz HTTP/1.1\r\nHost: t\r\nX-Big: ")
        // The server answers once 16 KiB arrived; the rest of the megabyte may meet a
        // closed socket, which is the point.
        _ = client.send(Array(repeating: UInt8(ascii: "a"), count: 1 << 20))
        let response = client.readResponse()
        #expect(response?.status == 431)
        #expect(response?.headers["connection"] == "close")
        #expect(client.isClosedByServer())
    }

    @Test func bodiesOverTheLimitGet413() throws {
        let directory = try TemporaryDirectory()
        let server = try ServeHTTPTestServer(state: try ServeHTTPTestServer.emptyState(in: directory), token: "t0ken")
        defer { server.running.stop() }
        let client = try RawHTTPClient(port: server.port)
        client.send("POST /api/v1/silences HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer t0ken\r\nContent-Length: 65537\r\n\r\n")
        #expect(client.readResponse()?.status == 413)
        #expect(client.isClosedByServer())
    }

    @Test func slowlorisConnectionsDoNotStallOthersAndAreCut() async throws {
        let directory = try TemporaryDirectory()
        var limits = HTTPServerLimits()
        limits.requestTimeoutMs = 2_000
        let server = try ServeHTTPTestServer(state: try ServeHTTPTestServer.emptyState(in: directory), limits: limits)
        defer { server.running.stop() }
        let slow = try (0..<200).map { _ in try RawHTTPClient(port: server.port) }
        for client in slow { client.send("GET /healthz HTTP/1.1\r\nHost: t\r\nX-Slow: ") }
        var worst = 0.0
        for _ in 0..<20 {
            let started = Date()
            #expect(try RawHTTPClient.get(server.port, "/healthz")?.status == 200)
            worst = max(worst, Date().timeIntervalSince(started))
            for client in slow.prefix(20) { client.send("a") }
        }
        #expect(worst < 1.0, "a normal request took \(worst) s beside 200 slow ones")
        // Trickling bytes does not extend the request deadline: each is answered 408 and closed.
        try await Task.sleep(for: .seconds(3))
        let first = slow[0].readResponse()
        #expect(first?.status == 408)
        #expect(slow[0].isClosedByServer())
        #expect(slow[199].isClosedByServer())
    }

    @Test func connectionsOverTheLimitGet503() throws {
        let directory = try TemporaryDirectory()
        var limits = HTTPServerLimits()
        limits.maxConnections = 4
        let server = try ServeHTTPTestServer(state: try ServeHTTPTestServer.emptyState(in: directory), limits: limits)
        defer { server.running.stop() }
        let held = try (0..<4).map { _ in try RawHTTPClient(port: server.port) }
        for client in held { client.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n"); #expect(client.readResponse()?.status == 200) }
        let extra = try RawHTTPClient(port: server.port)
        #expect(extra.readResponse()?.status == 503)
    }

    @Test func stopClosesTheListeningSocket() throws {
        let directory = try TemporaryDirectory()
        let server = try ServeHTTPTestServer(state: try ServeHTTPTestServer.emptyState(in: directory))
        let port = server.port
        #expect(try RawHTTPClient.get(port, "/healthz")?.status == 200)
        server.running.stop()
        #expect(throws: (any Error).self) { try RawHTTPClient(port: port) }
    }
}
