import Foundation
import Testing
@testable import TTAMonitorCore

/// Real servers on loopback, found through /proc and identified by speaking to them.
@Suite struct ProtocolIdentifierTests {
    func findings(ports: [Int]) async -> [Int: DiscoveryFinding] {
        let sockets = await BlockingCall.run { ListeningSockets.read() }.filter { ports.contains($0.port) }
        let found = await PortSource.findings(for: sockets, timeout: .milliseconds(800))
        return Dictionary(found.map { ($0.port ?? 0, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func redisHTTPBoltAndSilentListenersAreIdentifiedWithTheirPIDs() async throws {
        let redis = try await RedisServerProcess.start()
        defer { redis.stop() }
        let http = try LocalHTTPServer { _ in .init(status: 204) }
        defer { http.stop() }
        let bolt = try BoltTestServer(supporting: Neo4jCheckTests.neo4j5)
        let silent = try LoopbackListener()

        let found = await findings(ports: [redis.port, http.port, bolt.port, silent.port])
        #expect(found[redis.port]?.kind == "redis")
        #expect(found[http.port]?.kind == "http")
        #expect(found[http.port]?.notes == ["HTTP 204"])
        #expect(found[bolt.port]?.kind == "neo4j")
        #expect(found[silent.port]?.kind == "tcp")
        // In-process listeners belong to this process; redis to its own child.
        #expect(found[http.port]?.pid == getpid())
        #expect(found[silent.port]?.pid == getpid())
        let redisPID = try #require(found[redis.port]?.pid)
        #expect(redisPID != getpid())
        #expect(found[redis.port]?.process == "redis-server")
        let commandLine = try String(contentsOfFile: "/proc/\(redisPID)/cmdline", encoding: .utf8)
        #expect(commandLine.contains(String(redis.port)))
    }

    @Test func postgresIsIdentified() async throws {
        let postgres = try await PostgresServerProcess.shared()
        let found = await findings(ports: [postgres.port])
        #expect(found[postgres.port]?.kind == "postgres")
        #expect(found[postgres.port]?.process == "postgres")
    }

    @Test func passwordProtectedRedisStillReadsAsRedis() async throws {
        let redis = try await RedisServerProcess.start(password: "s3cret")
        defer { redis.stop() }
        #expect(await ProtocolIdentifier.identify(host: "127.0.0.1", port: redis.port, timeout: .milliseconds(800)) == .redis)
    }

    /// More ports than are probed at once: every one still gets its answer, in order.
    @Test func manyPortsAreAllIdentified() async throws {
        let listeners = try (0..<(ProtocolIdentifier.portsInFlight + 6)).map { _ in try LoopbackListener() }
        let http = try LocalHTTPServer { _ in .init(status: 200) }
        defer { http.stop() }
        let endpoints = listeners.map { ("127.0.0.1", $0.port) } + [("127.0.0.1", http.port)]
        let found = await ProtocolIdentifier.identify(endpoints.map { (host: $0.0, port: $0.1) }, timeout: .milliseconds(300))
        #expect(found.count == endpoints.count)
        #expect(found.dropLast().allSatisfy { $0 == .tcp })
        #expect(found.last == .http(status: 200))
    }

    @Test func closedPortIsPlainTCPQuickly() async throws {
        let port = try LoopbackListener.closedPort()
        let started = ContinuousClock.now
        #expect(await ProtocolIdentifier.identify(host: "127.0.0.1", port: port) == .tcp)
        #expect(ContinuousClock.now - started < .seconds(2))
    }
}

@Suite struct ProcessSourceTests {
    @Test func knownTTACommandLinesAreRecognized() {
        #expect(ProcessSource.component(forArguments: ["/usr/bin/python3", "-m", "uvicorn", "src.player_experience.api.app:app"])?.name == "player-api")
        #expect(ProcessSource.component(forArguments: ["/venv/bin/uvicorn", "src.main:app", "--port", "8000"])?.name == "tta-api")
        #expect(ProcessSource.component(forArguments: ["/venv/bin/celery", "-A", "tasks", "worker"])?.name == "celery")
        #expect(ProcessSource.component(forArguments: ["/usr/bin/java", "-cp", "/var/lib/neo4j/lib/*", "org.neo4j.server.CommunityEntryPoint"])?.name == "neo4j")
        #expect(ProcessSource.component(forArguments: ["redis-server", "127.0.0.1:6379"])?.name == "redis")
        #expect(ProcessSource.component(forArguments: ["/venv/bin/python", "/venv/bin/streamlit", "run", "app.py"])?.name == "streamlit-app")
        #expect(ProcessSource.component(forArguments: ["/usr/bin/python3", "-m", "http.server"]) == nil)
        #expect(ProcessSource.component(forArguments: ["bash"]) == nil)
    }

    @Test func aRunningRedisServerIsFoundWithItsPortAndPID() async throws {
        let redis = try await RedisServerProcess.start()
        defer { redis.stop() }
        let sockets = await BlockingCall.run { ListeningSockets.read() }
        let found = await ProcessSource.findings(sockets: sockets)
        let mine = try #require(found.first { $0.port == redis.port })
        #expect(mine.name == "redis")
        #expect(mine.kind == "redis")
        #expect(mine.pid != nil && mine.pid != getpid())
    }
}
