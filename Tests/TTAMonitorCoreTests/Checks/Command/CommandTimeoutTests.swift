import Foundation
import Testing
@testable import TTAMonitorCore

@Suite struct CommandTimeoutTests {
    private static func marker() -> String { "100.\(Int.random(in: 100_000...999_999))" }

    /// Waits until no process has `commandLine` any more, up to `limit`.
    private func survivors(of commandLine: String, within limit: Duration) async throws -> [Int32] {
        let giveUp = ContinuousClock.now + limit
        while true {
            let pids = try await LiveProcesses.find(commandLine: commandLine)
            if pids.isEmpty || ContinuousClock.now > giveUp { return pids }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    @Test func aCommandPastItsTimeoutIsKilledWithItsChildren() async throws {
        let seconds = Self.marker()
        let spec = CommandCheckSpec(argv: ["/bin/sh", "-c", "echo started; sleep \(seconds) & sleep \(seconds)"])
        let stopwatch = Stopwatch()
        let result = await CommandCheck.run(name: "hang", spec: spec, timeout: .milliseconds(800))
        #expect(result.status == .critical)
        #expect(result.message == "timed out after 800 ms (killed)")
        #expect(result.details["timed_out"] == .bool(true))
        #expect(result.details["first_line"] == .string("started"))
        #expect(stopwatch.elapsedMilliseconds >= 800 && stopwatch.elapsedMilliseconds < 10_000)
        #expect(try await survivors(of: "sleep \(seconds)", within: .seconds(3)).isEmpty)
    }

    @Test func aGroupIgnoringSIGTERMIsReportedAtOnceAndKilledASecondLater() async throws {
        let seconds = Self.marker()
        let spawned = ProcessSpawner.spawn(argv: ["/bin/sh", "-c", "trap '' TERM; sleep \(seconds) & sleep \(seconds)"],
                                           environment: [:], workingDirectory: nil)
        guard case .success(let child) = spawned else {
            Issue.record("spawn failed: \(spawned)")
            return
        }
        // Supervised on a thread of its own, so the times are the supervisor's, not those of a
        // cooperative pool that other tests may keep busy.
        let timings = try await offloaded { () -> SupervisorTimings in
            let stopwatch = Stopwatch()
            var timings = SupervisorTimings()
            ChildSupervisor(child: child, maxOutputBytes: 1_024).supervise(until: .now + .milliseconds(200)) { outcome in
                timings.reportMs = stopwatch.elapsedMilliseconds
                timings.aliveAtReport = LiveProcesses.pids(commandLine: "sleep \(seconds)").count
                timings.ending = outcome.ending
            }
            timings.endMs = stopwatch.elapsedMilliseconds
            return timings
        }
        #expect(timings.ending == .timedOut)
        // Reported 150 ms after SIGTERM, well within the 250 ms the runner allows past a
        // timeout, while the group, ignoring SIGTERM, still lives.
        #expect(timings.reportMs >= 200 && timings.reportMs < 1_000, "reported after \(timings.reportMs) ms")
        #expect(timings.aliveAtReport == 2)
        #expect(timings.endMs >= 1_150, "SIGKILL only after the one-second grace")
        #expect(try await survivors(of: "sleep \(seconds)", within: .seconds(2)).isEmpty)
    }

    @Test func stragglersCanBeAwaitedBeforeTheProcessExits() async throws {
        let seconds = Self.marker()
        let spec = CommandCheckSpec(argv: ["/bin/sh", "-c", "trap '' TERM; sleep \(seconds)"])
        let result = await CommandCheck.run(name: "stubborn", spec: spec, timeout: .milliseconds(200))
        #expect(result.message == "timed out after 200 ms (killed)")
        #expect(await CommandCheck.waitForTimedOutCommands(upTo: .seconds(10)))
        #expect(try await LiveProcesses.find(commandLine: "sleep \(seconds)").isEmpty)
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
        #expect(stopwatch.elapsedMilliseconds < 10_000, "the background sleep lasts 100 s")
        for pid in try await LiveProcesses.find(commandLine: "sleep \(seconds)") { kill(pid, SIGKILL) }
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

/// When a supervised command's outcome was reported, and what was alive then.
struct SupervisorTimings: Sendable {
    var reportMs = -1.0
    var aliveAtReport = -1
    var endMs = -1.0
    var ending: CommandOutcome.Ending?
}
