import Foundation
import Testing
@testable import TTAMonitorCore

/// The `neo4j` check against `BoltTestServer`, a stand-in that speaks the real Bolt handshake
/// bytes (Neo4j itself cannot be installed in CI), and against `LocalHTTPServer` serving
/// Neo4j's real discovery document.
@Suite struct Neo4jCheckTests {
    /// Bolt versions of a Neo4j 5.13-era server: 4.4 and 5.0 to 5.4.
    static let neo4j5 = ["4.4", "5.0", "5.1", "5.2", "5.3", "5.4"]
    /// What Neo4j 5.26.1 community serves at `http://host:7474/` (asked for JSON).
    static let discoveryDocument = """
        {"bolt_routing":"neo4j://localhost:7687","transaction":"http://localhost:7474/db/{databaseName}/tx",\
        "bolt_direct":"bolt://localhost:7687","neo4j_version":"5.26.1","neo4j_edition":"community"}
        """

    private func spec(_ port: Int, httpURL: String? = nil) -> Neo4jCheckSpec {
        var spec = Neo4jCheckSpec(host: "127.0.0.1", port: port)
        spec.httpURL = httpURL
        return spec
    }

    @Test func aNeo4j5ServerAgreesOnTheNewestVersionInTheOfferedRange() async throws {
        let server = try BoltTestServer(supporting: Self.neo4j5)
        let result = await Neo4jCheck.run(name: "graph", spec: spec(server.port), timeout: .seconds(2))
        #expect(result.status == .ok, "\(result.message)")
        #expect(result.kind == "neo4j")
        #expect(result.check == "graph")
        #expect(result.message.hasPrefix("Bolt 5.4 agreed in "))
        #expect(result.message.hasSuffix(" ms"))
        guard case .object(let members) = result.details else {
            Issue.record("details is not an object")
            return
        }
        #expect(members.map(\.0) == ["bolt_version", "neo4j_version", "neo4j_edition", "connect_ms", "handshake_ms"])
        #expect(result.details["bolt_version"] == .string("5.4"))
        #expect(result.details["neo4j_version"] == .null)
        #expect((result.details["handshake_ms"]?.number ?? -1) >= 0)
    }

    /// The exact bytes: preamble, then 5.0–5.8, 4.2–4.4, 4.0 and 3.0 as big-endian
    /// `[0, range, minor, major]` words.
    @Test func theHandshakeIsTheMagicAndFourBigEndianProposals() async throws {
        let server = try BoltTestServer(supporting: Self.neo4j5)
        _ = await Neo4jCheck.run(name: "graph", spec: spec(server.port), timeout: .seconds(2))
        #expect(server.handshakes == [[
            0x60, 0x60, 0xB0, 0x17,
            0x00, 0x08, 0x08, 0x05,
            0x00, 0x02, 0x04, 0x04,
            0x00, 0x00, 0x00, 0x04,
            0x00, 0x00, 0x00, 0x03,
        ]])
    }

    @Test(arguments: [
        (["3.0", "4.0", "4.1", "4.2", "4.3", "4.4"], "4.4"),
        (["3.0", "4.0", "4.1"], "4.0"),
        (["3.0"], "3.0"),
        (["4.4", "5.0", "5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7", "5.8"], "5.8"),
    ])
    func olderAndNewerServersAgreeOnWhatTheySpeak(supported: [String], agreed: String) async throws {
        let server = try BoltTestServer(supporting: supported)
        let result = await Neo4jCheck.run(name: "graph", spec: spec(server.port), timeout: .seconds(2))
        #expect(result.status == .ok, "\(result.message)")
        #expect(result.message.hasPrefix("Bolt \(agreed) agreed in "))
        #expect(result.details["bolt_version"] == .string(agreed))
    }

    @Test func aServerWithNoCommonVersionIsCritical() async throws {
        let server = try BoltTestServer(supporting: ["6.0", "2.0"])
        let result = await Neo4jCheck.run(name: "graph", spec: spec(server.port), timeout: .seconds(2))
        #expect(result.status == .critical)
        #expect(result.message == "server agreed on no Bolt version (offered 5.0-5.8, 4.2-4.4, 4.0, 3.0)")
    }

    /// A server of another protocol, like Neo4j given a wrong preamble, hangs up unanswered.
    @Test func aServerThatHangsUpOnThePreambleIsNotABoltServer() async throws {
        let server = try BoltTestServer(supporting: Self.neo4j5, magic: [0x16, 0x03, 0x01, 0x00])
        let result = await Neo4jCheck.run(name: "graph", spec: spec(server.port), timeout: .seconds(2))
        #expect(result.status == .critical)
        #expect(result.message == "not a Bolt server: the connection was closed without an answer to the handshake")
        #expect(server.handshakes.count == 1)
    }

    /// Neo4j's HTTP port configured as the Bolt port. Real HTTP servers (Jetty in Neo4j,
    /// nginx) reject bytes that cannot start a request line with an immediate 400, which this
    /// peer mimics; `LocalHTTPServer` waits for a complete request head instead, which a Bolt
    /// handshake never supplies, so it would look silent rather than wrong.
    @Test func anHTTPServerOnThePortIsNotABoltServer() async throws {
        let listener = try LoopbackListener()
        listener.serve { fd in
            _ = PeerIO.read(fd)
            PeerIO.write(fd, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        }
        let result = await Neo4jCheck.run(name: "graph", spec: spec(listener.port), timeout: .seconds(2))
        #expect(result.status == .critical)
        #expect(result.message == #"not a Bolt server: it answered "HTTP""#)
    }

    @Test func aVersionThatWasNotOfferedIsNotABoltAnswer() async throws {
        let listener = try LoopbackListener()
        listener.serve { fd in
            _ = PeerIO.read(fd)
            PeerIO.write(fd, [0x00, 0x00, 0x09, 0x05])
        }
        let result = await Neo4jCheck.run(name: "graph", spec: spec(listener.port), timeout: .seconds(2))
        #expect(result.status == .critical)
        #expect(result.message == "not a Bolt server: it answered 0x00000905")
    }

    @Test func aServerThatNeverAnswersTimesOutOnTime() async throws {
        let listener = try LoopbackListener()
        let start = ContinuousClock.now
        let result = await Neo4jCheck.run(name: "graph", spec: spec(listener.port), timeout: .milliseconds(300))
        let elapsed = ContinuousClock.now - start
        #expect(result.status == .critical)
        #expect(result.message == "timed out after 300 ms during the Bolt handshake")
        #expect(elapsed >= .milliseconds(300))
        // Generous: CI has 2 cores shared with parallel suites; a broken timeout hangs for good.
        #expect(elapsed < .seconds(2))
    }

    @Test func aClosedPortIsRefused() async throws {
        let port = try LocalHTTPServer.unusedPort()
        let result = await Neo4jCheck.run(name: "graph", spec: spec(port), timeout: .seconds(2))
        #expect(result.status == .critical)
        #expect(result.message == "connection refused")
        #expect(result.details == .object([]))
    }

    @Test func latencyAboveThresholdIsCritical() async throws {
        let server = try BoltTestServer(supporting: Self.neo4j5)
        var spec = spec(server.port)
        spec.latencyMs = Thresholds(warning: 0, critical: 0)
        let result = await Neo4jCheck.run(name: "graph", spec: spec, timeout: .seconds(2))
        #expect(result.status == .critical)
        #expect(result.message.hasPrefix("Bolt 5.4 agreed in "))
        #expect(result.message.hasSuffix("(over the 0 ms critical threshold)"))
    }

    @Test func theDiscoveryDocumentAddsVersionAndEdition() async throws {
        let server = try BoltTestServer(supporting: Self.neo4j5)
        let http = try LocalHTTPServer { request in
            request.path == "/" && request.headers["accept"] == "application/json"
                ? .json(Self.discoveryDocument)
                : LocalHTTPServer.Response(status: 303, headers: [("Location", "/browser/")])
        }
        let result = await Neo4jCheck.run(
            name: "graph", spec: spec(server.port, httpURL: http.url("/")), timeout: .seconds(2))
        #expect(result.status == .ok, "\(result.message)")
        #expect(result.message.hasPrefix("Bolt 5.4 agreed in "))
        #expect(result.message.hasSuffix(" ms, Neo4j 5.26.1 community"))
        #expect(result.details["neo4j_version"] == .string("5.26.1"))
        #expect(result.details["neo4j_edition"] == .string("community"))
        #expect(http.requestCount == 1)
    }

    @Test func aFailingDiscoveryRequestIsCritical() async throws {
        let server = try BoltTestServer(supporting: Self.neo4j5)
        let http = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
        let result = await Neo4jCheck.run(
            name: "graph", spec: spec(server.port, httpURL: http.url("/error")), timeout: .seconds(2))
        #expect(result.status == .critical)
        #expect(result.message == "HTTP discovery: HTTP 500 (expected 200)")
        #expect(result.details["bolt_version"] == .string("5.4"))
    }

    @Test func jsonThatIsNotTheDiscoveryDocumentIsCritical() async throws {
        let server = try BoltTestServer(supporting: Self.neo4j5)
        let http = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
        let result = await Neo4jCheck.run(
            name: "graph", spec: spec(server.port, httpURL: http.url("/ok")), timeout: .seconds(2))
        #expect(result.status == .critical)
        #expect(result.message
            == "HTTP discovery: no bolt_routing or bolt_direct in the response: not Neo4j's discovery document")
    }

    @Test func anUnreachableDiscoveryURLIsCritical() async throws {
        let server = try BoltTestServer(supporting: Self.neo4j5)
        let port = try LocalHTTPServer.unusedPort()
        let result = await Neo4jCheck.run(
            name: "graph", spec: spec(server.port, httpURL: "http://127.0.0.1:\(port)/"), timeout: .seconds(2))
        #expect(result.status == .critical)
        #expect(result.message == "HTTP discovery: connection refused")
    }

    /// The handshake and the discovery request share the check's one deadline. The budget
    /// leaves the handshake room on a loaded 2-core CI machine; the endpoint takes far longer.
    @Test func aSlowDiscoveryRequestStopsAtTheCheckDeadline() async throws {
        let server = try BoltTestServer(supporting: Self.neo4j5)
        let http = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
        let start = ContinuousClock.now
        let result = await Neo4jCheck.run(
            name: "graph", spec: spec(server.port, httpURL: http.url("/slow?ms=20000")), timeout: .milliseconds(1_500))
        let elapsed = ContinuousClock.now - start
        #expect(result.status == .critical)
        #expect(result.message == "HTTP discovery: timed out after 1500 ms")
        // libcurl's timer may fire a fraction of a millisecond before this clock says 1.5 s
        // (seen: 1.49988 s), so "it waited for the deadline" allows that much.
        #expect(elapsed >= .milliseconds(1_450))
        #expect(elapsed < .seconds(4))
    }
}
