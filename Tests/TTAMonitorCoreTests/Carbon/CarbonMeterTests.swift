import Foundation
import Testing
@testable import TTAMonitorCore

@Suite struct CarbonMeterTests {
    @Test func raplReadsPackageDomainsOnlyAndCorrectsWraps() throws {
        let directory = try TemporaryDirectory()
        let root = directory.path
        func zone(_ name: String, label: String, energy: String, range: String) throws {
            try FileManager.default.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true)
            try directory.write(name + "/name", label + "\n")
            try directory.write(name + "/energy_uj", energy + "\n")
            try directory.write(name + "/max_energy_range_uj", range + "\n")
        }
        try zone("intel-rapl:0", label: "package-0", energy: "262143000000", range: "262143328850")
        try zone("intel-rapl:1", label: "package-1", energy: "1000000", range: "262143328850")
        try zone("intel-rapl:0:0", label: "core", energy: "5", range: "10")  // subdomain: ignored
        try zone("intel-rapl:2", label: "psys", energy: "5", range: "10")    // platform: ignored
        var reader = try #require(RAPLReader(powercapRoot: root))
        #expect(reader.domains.map(\.name) == ["package-0", "package-1"])
        // package-0 wraps: 262143000000 → 671150 is 328850 + 671150 = 1 000 000 µJ; package-1 adds 2 J.
        try directory.write("intel-rapl:0/energy_uj", "671150\n")
        try directory.write("intel-rapl:1/energy_uj", "3000000\n")
        #expect(reader.joulesSinceLast() == 3)
        #expect(RAPLReader.delta(previous: 10, current: 5, maxRange: 0) == 0)
        #expect(RAPLReader(powercapRoot: root + "/missing") == nil)
    }

    @Test func procStatLoadMatchesCodeCarbonsDefinition() throws {
        // user nice system idle iowait irq softirq steal guest guest_nice
        let first = try #require(CPULoadSampler.parse("cpu  100 0 50 800 50 0 0 0 10 0\ncpu0 1 2 3 4\n"))
        let second = try #require(CPULoadSampler.parse("cpu  250 0 100 850 100 0 0 0 40 0\n"))
        // total excludes guest: 1010 − 10 = 1000 → 1340 − 40 = 1300 (Δ300);
        // busy = total − idle − iowait: 150 → 350 (Δ200).
        #expect(first == .init(total: 1_000, busy: 150))
        #expect(CPULoadSampler.percent(from: first, to: second) == 200.0 / 300 * 100)
        #expect(CPULoadSampler.percent(from: second, to: second) == 0)

        let directory = try TemporaryDirectory()
        try directory.write("stat", "cpu  100 0 50 800 50 0 0 0 0 0\n")
        var sampler = CPULoadSampler(procRoot: directory.path)
        try directory.write("stat", "cpu  175 0 75 825 75 0 0 0 0 0\n")
        // total 1000 → 1150, busy 150 → 250.
        #expect(sampler.percentSinceLast() == 100.0 / 150 * 100)
    }

    @Test func cpuPowerFollowsCodeCarbonsCubicLoadCurve() {
        let model = CPUPowerModel.resolve(configuredTDP: nil, cpuinfo: "processor : 0\nmodel name : Intel(R) Xeon(R) Processor\nphysical id : 0\n", threads: 2)
        #expect(model.tdpWatts == 8)
        #expect(model.source == .perThreadDefault)
        #expect(model.model == "Intel(R) Xeon(R) Processor")
        #expect(model.watts(loadPercent: 0) == 0.8)
        #expect(model.watts(loadPercent: 100) == 8)
        #expect(abs(model.watts(loadPercent: 50) - 8 * (0.1 + 0.9 * 0.125)) < 1e-12)
        let twoSockets = CPUPowerModel.resolve(configuredTDP: nil, cpuinfo: "physical id : 0\nphysical id : 1\n", threads: 4)
        #expect(twoSockets.tdpWatts == 32)
        #expect(CPUPowerModel.resolve(configuredTDP: 65, cpuinfo: "", threads: 4).tdpWatts == 65)
    }

    @Test(arguments: [(1.5, 1, 10.0), (2.0, 1, 10.0), (8, 2, 10), (15.6, 2, 10), (16, 2, 10), (23.54, 4, 20),
                      (32, 4, 20), (64, 4, 20), (100, 8, 38), (128, 8, 38), (256, 8, 38), (512, 8, 38), (2_048, 16, 70)])
    func dimmRule(totalGiB: Double, dimms: Int, watts: Double) {
        #expect(RAMPowerModel.dimmCount(totalGiB: totalGiB) == dimms)
        #expect(abs(RAMPowerModel.watts(totalGiB: totalGiB) - watts) < 1e-9)
    }

    @Test func ramTotalFromMeminfoAndArm() {
        #expect(RAMPowerModel.totalGiB(meminfo: "MemTotal:       24684620 kB\nMemFree: 1 kB\n") == 24_684_620.0 * 1_024 / 1_073_741_824)
        #expect(RAMPowerModel.watts(totalGiB: 8, arm: true) == 3)
    }

    @Test func cpuTimeOfComponentsFromFakeProc() throws {
        let directory = try TemporaryDirectory()
        func process(_ pid: Int, comm: String, arguments: [String], ticks: (Int, Int)) throws {
            try FileManager.default.createDirectory(atPath: directory.file("\(pid)"), withIntermediateDirectories: true)
            try directory.write("\(pid)/stat", "\(pid) (\(comm)) S 1 1 1 0 -1 0 0 0 0 0 \(ticks.0) \(ticks.1) 0 0 20 0 1 0 0 0 0\n")
            try directory.write("\(pid)/cmdline", arguments.joined(separator: "\u{0}") + "\u{0}")
        }
        try process(10, comm: "redis-server", arguments: ["/usr/bin/redis-server", "*:6379"], ticks: (100, 50))
        try process(11, comm: "python3", arguments: ["python3", "-m", "uvicorn", "src.player_experience.api.app:app"], ticks: (10, 0))
        try process(12, comm: "bash", arguments: ["bash"], ticks: (5, 5))
        try process(13, comm: "my worker", arguments: ["/opt/worker", "--queue", "narrative"], ticks: (0, 0))
        let check = CheckConfig(name: "narrative-worker", spec: ProcessCheckSpec(commandPattern: "worker.*narrative"))
        let sampler = ProcessCPUTimes(procRoot: directory.path, matcher: ComponentMatcher(checks: [check]))
        let start = sampler.snapshot()
        #expect(start[13]?.component == "narrative-worker")
        #expect(start[10]?.component == "redis")
        #expect(start[11]?.component == "player-api")
        #expect(start[12]?.component == nil)
        try process(10, comm: "redis-server", arguments: ["/usr/bin/redis-server"], ticks: (130, 70))
        try process(11, comm: "python3", arguments: ["python3"], ticks: (40, 10))
        try process(12, comm: "bash", arguments: ["bash"], ticks: (50, 5))
        try process(13, comm: "my worker", arguments: ["/opt/worker"], ticks: (20, 0))
        let end = sampler.snapshot(reusing: start)
        let ticks = ProcessCPUTimes.ticksByComponent(from: start, to: end)
        #expect(ticks == ["redis": 50, "player-api": 40, "narrative-worker": 20])

        // 200 busy ticks on the machine: 110 to components, 90 to "other".
        let split = CarbonAttribution.split(cpuEnergyKWh: 0.002, intensity: 500, ticksByComponent: ticks, busyTicks: 200, ticksPerSecond: 100)
        #expect(split.map(\.component) == ["redis", "player-api", "narrative-worker", "other"])
        #expect(split.map(\.share)[0..<3] == [0.25, 0.2, 0.1])
        #expect(abs(split[3].share - 0.45) < 1e-12)
        #expect(split[0].energyKWh == 0.0005)
        #expect(split[0].emissionsKg == 0.0005 * 500 / 1_000)
        #expect(split[3].cpuSeconds == 0.9)
        #expect(abs(split.map(\.energyKWh).reduce(0, +) - 0.002) < 1e-15)
    }

    @Test func processesThatExitOrStartMidRunStillCount() {
        typealias Entry = ProcessCPUTimes.Entry
        var accumulator = ProcessCPUAccumulator(start: [1: Entry(ticks: 100, component: "redis"), 2: Entry(ticks: 10, component: "celery")])
        accumulator.add([1: Entry(ticks: 130, component: "redis"), 2: Entry(ticks: 25, component: "celery")])
        // pid 2 exits; pid 3 starts with 7 ticks already used during the run.
        accumulator.add([1: Entry(ticks: 150, component: "redis"), 3: Entry(ticks: 7, component: "celery")])
        #expect(accumulator.ticksByComponent == ["redis": 50, "celery": 22])
    }

    @Test func measurerReadsFakeProcWithoutRAPL() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("stat", "cpu  100 0 50 800 50 0 0 0 0 0\n")
        try directory.write("meminfo", "MemTotal:       16777216 kB\n")
        try directory.write("cpuinfo", "processor : 0\nmodel name : Test CPU\nphysical id : 0\n")
        var measurer = EnergyMeasurer(duration: .milliseconds(300))
        measurer.interval = .milliseconds(100)
        measurer.procRoot = directory.path
        measurer.powercapRoot = directory.file("none")
        measurer.pue = 1.5
        let result = try await measurer.measure()
        #expect(result.samples == 3)
        #expect(result.method["cpu"]?["method"] == .string("cpu_load"))
        #expect(result.method["ram"]?["dimms"] == .int(2))
        #expect(result.method["gpu"]?["method"] == .string("none"))
        // Idle (unchanged /proc/stat): 10 % of TDP; RAM 10 W; both × PUE 1.5.
        let tdp = Double(CPUPowerModel.onlineThreads()) * 4
        #expect(abs(result.cpuPowerW - tdp * 0.1 * 1.5) < 1e-9)
        #expect(abs(result.ramEnergyKWh - 10 * result.durationSeconds * 1.5 / 3_600_000) < 1e-15)
        #expect(result.cpuModel == "Test CPU")
    }
}
