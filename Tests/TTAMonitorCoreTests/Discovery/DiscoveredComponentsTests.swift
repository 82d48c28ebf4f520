import Foundation
import Testing
@testable import TTAMonitorCore

@Suite struct DiscoveredComponentsTests {
    func proposal(_ name: String, port: Int) -> DiscoveryProposal {
        DiscoveryProposal(name: name, kind: "tcp", target: "tcp://localhost:\(port)", foundIn: ["ports:127.0.0.1:\(port)"],
                          latencyMs: (100, 500))
    }

    @Test func aComponentThatDisappearsIsReportedAndComesBack() throws {
        let directory = try TemporaryDirectory()
        let store = DiscoveredComponents(database: try Database(path: directory.file("m.db")))
        let first = try store.save([proposal("a", port: 1), proposal("b", port: 2)], now: 1_000)
        #expect(first == .init(appeared: ["a", "b"], missing: []))

        let second = try store.save([proposal("a", port: 1)], now: 2_000)
        #expect(second == .init(appeared: [], missing: ["b"]))
        let saved = try store.saved()
        #expect(saved.map(\.name) == ["a", "b"])
        #expect(saved.first { $0.name == "b" }?.missingSince == 2_000)
        #expect(saved.first { $0.name == "a" }?.spec.contains("tcp://localhost:1") == true)

        let third = try store.save([proposal("a", port: 1), proposal("b", port: 2)], now: 3_000)
        #expect(third == .init(appeared: [], missing: []))
        #expect(try store.saved().allSatisfy { $0.missingSince == nil })
    }
}

@Suite struct DiscoverySaveWithRealServersTests {
    /// A server found and saved, then stopped: the next save reports it missing.
    @Test func stoppedServerIsReportedMissing() async throws {
        let directory = try TemporaryDirectory()
        let store = DiscoveredComponents(database: try Database(path: directory.file("m.db")))
        let redis = try await RedisServerProcess.start()
        let http = try LocalHTTPServer { _ in .init(status: 200) }
        defer { http.stop() }
        func discover() async -> [DiscoveryProposal] {
            let ports = [redis.port, http.port]
            let sockets = await BlockingCall.run { ListeningSockets.read() }.filter { ports.contains($0.port) }
            return ProposalMerger.merge(await PortSource.findings(for: sockets, timeout: .milliseconds(800)))
        }
        let before = await discover()
        #expect(before.map(\.kind).sorted() == ["http", "redis"])
        let first = try store.save(before, now: 1)
        #expect(first.appeared.sorted() == before.map(\.name).sorted())

        redis.stop()
        // The kernel drops the listener once the killed server is gone; give it a moment.
        var after = await discover()
        for _ in 0..<30 where after.count > 1 {
            try await Task.sleep(for: .milliseconds(100))
            after = await discover()
        }
        #expect(after.map(\.kind) == ["http"])
        let second = try store.save(after, now: 2)
        #expect(second.missing == ["redis"])
    }
}
