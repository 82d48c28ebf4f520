import Foundation
import Testing
@testable import TTAMonitorCore

@Suite struct ProcessCheckTests {
    @Test func findsAProcessByItsExactName() async throws {
        let sleeper = try NamedTestProcess.sleeper()
        let result = await ProcessCheck.run(name: "sleeper", spec: ProcessCheckSpec(name: sleeper.name), timeout: .seconds(10))
        #expect(result.status == .ok)
        #expect(result.kind == "process")
        #expect(result.message.hasPrefix("1 process named '\(sleeper.name)' (cpu "))
        #expect(result.details["count"] == .int(1))
        #expect(result.details["pids"] == .array([.int(Int64(sleeper.pid))]))
        let rss = try #require(result.details["rss_bytes"]?.number)
        #expect(rss > 0 && rss < 100 * 1_048_576)
        let cpu = try #require(result.details["cpu_percent"]?.number)
        #expect(cpu >= 0 && cpu < 50, "a sleeping process uses next to no CPU")
        #expect(result.perfdata.map(\.label) == ["count", "cpu_percent", "rss"])
        try await sleeper.stop()
    }

    @Test func aNamePrefixIsNotTheName() async throws {
        let sleeper = try NamedTestProcess.sleeper()
        let spec = ProcessCheckSpec(name: String(sleeper.name.dropLast()))
        let result = await ProcessCheck.run(name: "prefix", spec: spec, timeout: .seconds(10))
        #expect(result.status == .critical)
        #expect(result.details["count"] == .int(0))
        try await sleeper.stop()
    }

    @Test func findsAProcessByAPatternOverItsCommandLine() async throws {
        let marker = "\(Int.random(in: 10_000...99_999))"
        let sleeper = try NamedTestProcess(program: "/bin/sleep", arguments: ["30.\(marker)"])
        let spec = ProcessCheckSpec(commandPattern: #"tta-[0-9a-f]+ 30\.\#(marker)$"#)
        let result = await ProcessCheck.run(name: "by-pattern", spec: spec, timeout: .seconds(10))
        #expect(result.status == .ok)
        #expect(result.details["pids"] == .array([.int(Int64(sleeper.pid))]))
        #expect(result.message.hasPrefix("1 process matching '"))

        var both = ProcessCheckSpec(name: sleeper.name, commandPattern: "30\\.\(marker)")
        #expect(await ProcessCheck.run(name: "both", spec: both, timeout: .seconds(10)).details["count"] == .int(1))
        both.commandPattern = "31\\.\(marker)"
        let mismatch = await ProcessCheck.run(name: "both", spec: both, timeout: .seconds(10))
        #expect(mismatch.details["count"] == .int(0), "name and pattern must both match")
        try await sleeper.stop()
    }

    @Test func countOutsideMinAndMaxIsCritical() async throws {
        let name = NamedTestProcess.uniqueName()
        let first = try NamedTestProcess.sleeper(name: name)
        let second = try NamedTestProcess.sleeper(name: name)
        var spec = ProcessCheckSpec(name: name)
        spec.maxCount = 1
        let notOne = await ProcessCheck.run(name: "workers", spec: spec, timeout: .seconds(10))
        #expect(notOne.status == .critical)
        #expect(notOne.message == "2 processes named '\(name)' (expected exactly 1)")
        #expect(notOne.details["count"] == .int(2))

        spec.minCount = 0
        let tooMany = await ProcessCheck.run(name: "workers", spec: spec, timeout: .seconds(10))
        #expect(tooMany.message == "2 processes named '\(name)' (expected at most 1)")

        spec.maxCount = nil
        spec.minCount = 3
        let tooFew = await ProcessCheck.run(name: "workers", spec: spec, timeout: .seconds(10))
        #expect(tooFew.status == .critical)
        #expect(tooFew.message == "2 processes named '\(name)' (expected at least 3)")

        spec.minCount = 2
        spec.maxCount = 2
        let exact = await ProcessCheck.run(name: "workers", spec: spec, timeout: .seconds(10))
        #expect(exact.status == .ok)
        #expect(exact.details["pids"] == .array([first.pid, second.pid].sorted().map { .int(Int64($0)) }))
        try await first.stop()
        try await second.stop()
    }

    @Test func aNameThatDoesNotRunIsCritical() async {
        let result = await ProcessCheck.run(name: "redis", spec: ProcessCheckSpec(name: "no-such-proc-x1"), timeout: .seconds(10))
        #expect(result.status == .critical)
        #expect(result.message == "0 processes named 'no-such-proc-x1' (expected at least 1)")
        #expect(result.details["cpu_percent"] == .null)
        #expect(result.details["pids"] == .array([]))
    }

    @Test func noneWantedAndNoneRunningIsOK() async {
        var spec = ProcessCheckSpec(name: "no-such-proc-x2")
        spec.minCount = 0
        spec.maxCount = 0
        let result = await ProcessCheck.run(name: "must-not-run", spec: spec, timeout: .seconds(10))
        #expect(result.status == .ok)
        #expect(result.message == "0 processes named 'no-such-proc-x2'")
    }

    @Test func aZombieDoesNotCountAsRunning() async throws {
        let zombie = try NamedTestProcess(program: "/bin/true", arguments: [])
        for _ in 0..<200 where zombie.state != "Z" { try await Task.sleep(for: .milliseconds(10)) }
        try #require(zombie.state == "Z")
        let result = await ProcessCheck.run(name: "z", spec: ProcessCheckSpec(name: zombie.name), timeout: .seconds(10))
        #expect(result.status == .critical)
        #expect(result.details["count"] == .int(0))
        try await zombie.stop()
    }

    @Test func theMonitorDoesNotCountItself() async throws {
        let ownCommandLine = try String(contentsOfFile: "/proc/self/cmdline", encoding: .utf8)
            .split(separator: "\0").joined(separator: " ")
        var spec = ProcessCheckSpec(commandPattern: "^" + Self.escaped(ownCommandLine) + "$")
        spec.minCount = 0
        let result = await ProcessCheck.run(name: "self", spec: spec, timeout: .seconds(10))
        let described = Self.describe(result.details["pids"])
        #expect(result.details["count"] == .int(0), "matched: \(described), own pid \(getpid())")
    }

    @Test func cpuAndMemoryThresholdsSetTheStatus() async throws {
        let sleeper = try NamedTestProcess.sleeper()
        var spec = ProcessCheckSpec(name: sleeper.name)
        spec.rssBytes = Thresholds(warning: 1)
        let heavy = await ProcessCheck.run(name: "rss", spec: spec, timeout: .seconds(10))
        #expect(heavy.status == .warning)
        #expect(heavy.message.hasSuffix(" ≥ warning 1B)"))
        #expect(heavy.message.contains("(rss "))

        spec.rssBytes = Thresholds(warning: 1e12, critical: 2e12)
        spec.cpuPercent = Thresholds(critical: 0)
        let busy = await ProcessCheck.run(name: "cpu", spec: spec, timeout: .seconds(10))
        #expect(busy.status == .critical)
        #expect(busy.message.hasSuffix(" ≥ critical 0%)"))

        spec.cpuPercent = Thresholds(warning: 90, critical: 99)
        #expect(await ProcessCheck.run(name: "calm", spec: spec, timeout: .seconds(10)).status == .ok)
        try await sleeper.stop()
    }

    @Test func measuresTheCPUOfABusyProcess() async throws {
        let spinner = try NamedTestProcess(program: "/bin/sh", arguments: ["-c", "while :; do :; done"])
        // Niced, so that the spinner takes little from the tests running beside this one on a
        // small machine; it still gets a core whenever one is idle.
        try #require(setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(spinner.pid), 10) == 0)
        var cpu = 0.0
        for _ in 0..<10 where cpu == 0 {
            let result = await ProcessCheck.run(name: "spin", spec: ProcessCheckSpec(name: spinner.name), timeout: .seconds(10))
            #expect((result.latencyMs ?? 0) >= 150, "CPU is sampled over an interval")
            cpu = try #require(result.details["cpu_percent"]?.number)
        }
        #expect(cpu > 0 && cpu <= 205, "cpu_percent \(cpu)")
        try await spinner.stop()
    }

    @Test func aShortTimeoutStillCountsButSkipsTheCPUSample() async throws {
        let sleeper = try NamedTestProcess.sleeper()
        let result = await ProcessCheck.run(name: "quick", spec: ProcessCheckSpec(name: sleeper.name),
                                            timeout: .milliseconds(30))
        // On a busy machine even the scan may not fit in 30 ms; either way nothing waits 200 ms.
        #expect(result.details["count"] == .int(1) || result.message == "scanning /proc timed out after 30 ms")
        if result.details["count"] == .int(1) { #expect(result.details["cpu_percent"] == .null) }
        try await sleeper.stop()
    }

    @Test func cpuPercentComesFromTheTicksBetweenSamples() {
        let start = ContinuousClock.now
        let first = [ProcessSnapshot(pid: 1, cpuTicks: 100, residentBytes: nil, takenAt: start),
                     ProcessSnapshot(pid: 2, cpuTicks: 50, residentBytes: nil, takenAt: start)]
        let second = [ProcessSnapshot(pid: 1, cpuTicks: 150, residentBytes: nil, takenAt: start + .seconds(1)),
                      ProcessSnapshot(pid: 3, cpuTicks: 999, residentBytes: nil, takenAt: start + .seconds(1))]
        // 50 ticks at 100 per second over one second: half a CPU; pid 3 was not there before.
        #expect(ProcessScan.cpuPercent(from: first, to: second, ticksPerSecond: 100) == 50)
        #expect(ProcessScan.cpuPercent(from: first, to: [], ticksPerSecond: 100) == nil)
    }

    @Test func statFieldsAreCountedFromTheLastParenthesis() {
        let line = "42 (evil) name) S 1 42 42 0 -1 4194304 100 0 0 0 7 3 0 0 20 0 1 0 100 1000 10\n"
        let parsed = ProcTable.parseStat(line)
        #expect(parsed?.state == "S")
        #expect(parsed?.parent == 1)
        #expect(parsed?.cpuTicks == 10)
        #expect(ProcTable.parseStat("garbage") == nil)
    }

    private static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\^$.|?*+()[]{}".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// `pid (comm) parent N state S` for each pid, to explain an unexpected match.
    private static func describe(_ pids: JSONValue?) -> String {
        guard case .array(let values)? = pids else { return "-" }
        return values.compactMap { value -> String? in
            guard let pid = value.number.map({ Int($0) }) else { return nil }
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? "gone"
            return "\(pid): \(stat.prefix(80))"
        }.joined(separator: "; ")
    }
}
