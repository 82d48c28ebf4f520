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
