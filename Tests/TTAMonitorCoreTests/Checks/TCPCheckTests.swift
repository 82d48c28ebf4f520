import Foundation
import Testing
@testable import TTAMonitorCore

@Suite struct TCPCheckTests {
    @Test func connectingIsOKWithConnectTimeAndAddress() async throws {
        let listener = try LoopbackListener()
        let result = await TCPCheck.run(
            name: "api-port", spec: TCPCheckSpec(host: "127.0.0.1", port: listener.port), timeout: .seconds(2))
        #expect(result.status == .ok)
        #expect(result.kind == "tcp")
        #expect(result.check == "api-port")
        #expect(result.message.hasPrefix("connected to 127.0.0.1:\(listener.port) in "))
        #expect(result.message.hasSuffix(" ms"))
        #expect(result.details["address"] == .string("127.0.0.1"))
        let connectMs = try #require(result.details["connect_ms"]?.number)
        #expect(connectMs >= 0 && connectMs < 2_000)
        #expect(result.latencyMs == connectMs)
    }

    @Test(arguments: [
        (Thresholds(warning: 0), CheckStatus.warning, "warning"),
        (Thresholds(warning: 0, critical: 0), CheckStatus.critical, "critical"),
        (Thresholds(warning: 60_000), CheckStatus.ok, ""),
    ])
    func latencyThresholdsSetTheStatus(thresholds: Thresholds, expected: CheckStatus, level: String) async throws {
        let listener = try LoopbackListener()
        let spec = TCPCheckSpec(host: "127.0.0.1", port: listener.port, latencyMs: thresholds)
        let result = await TCPCheck.run(name: "slow", spec: spec, timeout: .seconds(2))
        #expect(result.status == expected)
        if !level.isEmpty {
            #expect(result.message.hasSuffix("(over the 0 ms \(level) threshold)"))
        }
    }

    @Test func aClosedPortIsCritical() async throws {
        let port = try LoopbackListener.closedPort()
        let result = await TCPCheck.run(
            name: "gone", spec: TCPCheckSpec(host: "127.0.0.1", port: port), timeout: .seconds(2))
        #expect(result.status == .critical)
        #expect(result.message == "connection refused")
    }

    @Test func anImpossiblePortIsUnknown() async {
        let result = await TCPCheck.run(
            name: "typo", spec: TCPCheckSpec(host: "127.0.0.1", port: 70_000), timeout: .seconds(1))
        #expect(result.status == .unknown)
        #expect(result.message == "invalid port 70000")
    }
}
