import Foundation
import Testing
@testable import TTAMonitorCore

@Suite struct CommandTimeoutTests {
    private static func marker() -> String { "100.\(Int.random(in: 100_000...999_999))" }

    /// Waits until no process has `commandLine` any more, up to `limit`.
    private func survivors(of commandLine: String, within limit: Duration) async throws -> [Int32] {
        let giveUp = ContinuousClock.now + limit
        while true {
            let pids = LiveProcesses.pids(commandLine: commandLine)
            if pids.isEmpty || ContinuousClock.now > giveUp { return pids }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    @Test func aCommandPastItsTimeoutIsKilledWithItsChildren() async throws {
        let seconds = Self.marker()
        let spec = CommandCheckSpec(argv: ["/bin/sh", "-c", "echo started; sleep \(seconds) & sleep \(seconds)"])
        let stopwatch = Stopwatch()
        let result = await CommandCheck.run(name: "hang", spec: spec, timeout: .milliseconds(300))
        #expect(result.status == .critical)
        #expect(result.message == "timed out after 300 ms (killed)")
        #expect(result.details["timed_out"] == .bool(true))
        #expect(result.details["first_line"] == .string("started"))
        #expect(stopwatch.elapsedMilliseconds >= 300 && stopwatch.elapsedMilliseconds < 2_000)
        #expect(try await survivors(of: "sleep \(seconds)", within: .seconds(3)).isEmpty)
    }

    @Test func aGroupIgnoringSIGTERMIsKilledASecondLater() async throws {
        let seconds = Self.marker()
        let spec = CommandCheckSpec(argv: ["/bin/sh", "-c", "trap '' TERM; sleep \(seconds) & sleep \(seconds)"])
        let stopwatch = Stopwatch()
        let result = await CommandCheck.run(name: "stubborn", spec: spec, timeout: .milliseconds(200))
        #expect(result.message == "timed out after 200 ms (killed)")
        // The result does not wait for SIGKILL: the runner gives a probe little time past its timeout.
        #expect(stopwatch.elapsedMilliseconds < 1_000)
        #expect(LiveProcesses.pids(commandLine: "sleep \(seconds)").count == 2, "SIGTERM is ignored")
        #expect(await CommandCheck.waitForTimedOutCommands(upTo: .seconds(5)))
        #expect(stopwatch.elapsedMilliseconds >= 1_100)
        #expect(try await survivors(of: "sleep \(seconds)", within: .seconds(1)).isEmpty)
    }

    @Test func theRunnerReportsTheTimeoutNotItsOwnGuard() async {
        var check = CheckConfig(name: "hang", kind: .command(CommandCheckSpec(argv: ["/bin/sh", "-c", "sleep 5 & sleep 5"])))
        check.timeout = .milliseconds(300)
        let result = await CheckRunner.runOnce(check, timeout: .milliseconds(300))
        #expect(result.status == .critical)
        #expect(result.message == "timed out after 300 ms (killed)")
    }

    @Test func tenMegabytesOfOutputAreReadButNotKept() async {
        var spec = CommandCheckSpec(argv: ["/bin/sh", "-c", "head -c 10000000 /dev/zero | tr '\\000' x; echo; echo done"])
        spec.maxOutputBytes = 1_000
        let stopwatch = Stopwatch()
        let result = await CommandCheck.run(name: "chatty", spec: spec, timeout: .seconds(10))
        #expect(result.status == .ok)
        #expect(result.details["output_bytes"] == .int(10_000_006))
        #expect(result.details["truncated"] == .bool(true))
        #expect(result.message == String(repeating: "x", count: 299) + "…")
        #expect(stopwatch.elapsedMilliseconds < 8_000)
    }

    @Test func outputUnderTheLimitIsKeptWhole() async {
        var spec = CommandCheckSpec(argv: ["/bin/sh", "-c", "echo one; echo two"])
        spec.maxOutputBytes = 256
        let result = await CommandCheck.run(name: "short", spec: spec, timeout: .seconds(5))
        #expect(result.details["truncated"] == .bool(false))
        #expect(result.details["output_bytes"] == .int(8))
        #expect(result.details["long_output"] == .string("two"))
    }

    @Test func aBackgroundChildHoldingTheOutputDoesNotDelayTheResult() async throws {
        let seconds = Self.marker()
        let spec = CommandCheckSpec(argv: ["/bin/sh", "-c", "sleep \(seconds) & echo ok"])
        let stopwatch = Stopwatch()
        let result = await CommandCheck.run(name: "daemonizing", spec: spec, timeout: .seconds(5))
        #expect(result.status == .ok)
        #expect(result.message == "ok")
        #expect(stopwatch.elapsedMilliseconds < 2_000)
        for pid in LiveProcesses.pids(commandLine: "sleep \(seconds)") { kill(pid, SIGKILL) }
    }

    @Test func manyCommandsAtOnceEachGetTheirOwnOutput() async {
        let results = await withTaskGroup(of: (Int, CheckResult).self) { group in
            for index in 0..<16 {
                group.addTask {
                    (index, await CommandCheck.run(name: "n\(index)", spec: CommandCheckSpec(argv: ["/bin/echo", "run \(index)"]),
                                                   timeout: .seconds(10)))
                }
            }
            var collected: [Int: CheckResult] = [:]
            for await (index, result) in group { collected[index] = result }
            return collected
        }
        #expect(results.count == 16)
        for (index, result) in results { #expect(result.message == "run \(index)") }
    }
}
