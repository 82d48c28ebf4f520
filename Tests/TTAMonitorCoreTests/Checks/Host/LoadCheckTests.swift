import Foundation
import Testing
@testable import TTAMonitorCore

@Suite struct LoadCheckTests {
    @Test func measuresThisMachinePerCore() async throws {
        let result = await LoadCheck.run(name: "load", spec: LoadCheckSpec(), timeout: .seconds(10))
        #expect(result.status == .ok)
        let cpus = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        #expect(result.details["cpus"] == .int(Int64(cpus)))
        let load1 = try #require(result.details["load1"]?.number)
        let perCore = try #require(result.details["load1_per_core"]?.number)
        #expect(load1 >= 0 && load1 < 1_000)
        #expect(abs(perCore - load1 / Double(cpus)) < 0.01)
        let pattern = #/^load \d+\.\d\d \d+\.\d\d \d+\.\d\d \(per core \d+\.\d\d \d+\.\d\d \d+\.\d\d, \d+ CPUs?\)$/#
        #expect(result.message.wholeMatch(of: pattern) != nil, "\(result.message)")
        #expect(result.samples.map(\.name).contains("host_load5_per_core"))
        #expect(result.perfdata.map(\.label) == ["load1", "load5", "load15",
                                                  "load1_per_core", "load5_per_core", "load15_per_core"])
    }

    @Test func thresholdsAtZeroTripAndHighOnesDoNot() async {
        let critical = await LoadCheck.run(name: "load", spec: LoadCheckSpec(load15: Thresholds(warning: 0, critical: 0)),
                                           timeout: .seconds(10))
        #expect(critical.status == .critical)
        #expect(critical.message.contains("(load15 per core "))
        #expect(critical.message.hasSuffix(" ≥ critical 0.00)"))

        let calm = LoadCheckSpec(load1: Thresholds(warning: 999, critical: 1_000), load5: Thresholds(warning: 999))
        #expect(await LoadCheck.run(name: "load", spec: calm, timeout: .seconds(10)).status == .ok)
    }

    @Test func messageFromKnownFigures() {
        let load = LoadAverage(load1: 0.42, load5: 0.38, load15: 0.30, running: 1, total: 100)
        let spec = LoadCheckSpec(load5: Thresholds(warning: 0.15, critical: 2))
        let result = LoadCheck.judge(load, cpus: 2, name: "load", spec: spec, startedAt: 0, latencyMs: 0)
        #expect(result.status == .warning)
        #expect(result.message == "load 0.42 0.38 0.30 (per core 0.21 0.19 0.15, 2 CPUs) (load5 per core 0.19 ≥ warning 0.15)")
        #expect(result.perfdata[4] == PerfdataItem(label: "load5_per_core", value: 0.19, warning: "0.15", critical: "2",
                                                   minimum: 0))
        let single = LoadCheck.judge(load, cpus: 1, name: "load", spec: LoadCheckSpec(), startedAt: 0, latencyMs: 0)
        #expect(single.message.hasSuffix(", 1 CPU)"))
    }

    @Test func parsesLoadavg() {
        #expect(LoadAverage.parse("0.56 0.74 1.14 2/345 6789\n")
            == LoadAverage(load1: 0.56, load5: 0.74, load15: 1.14, running: 2, total: 345))
        #expect(LoadAverage.parse("") == nil)
        #expect(LoadAverage.parse("a b c d") == nil)
        #expect(LoadAverage.parse("-1 0 0 1/1 1") == nil)
    }
}
