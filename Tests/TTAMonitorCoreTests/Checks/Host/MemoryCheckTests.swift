import Foundation
import Testing
@testable import TTAMonitorCore

@Suite struct MemoryCheckTests {
    @Test func measuresThisMachine() async throws {
        let result = await MemoryCheck.run(name: "memory", spec: MemoryCheckSpec(), timeout: .seconds(10))
        #expect(result.status == .ok)
        #expect(result.kind == "memory")
        let used = try #require(result.details["used_percent"]?.number)
        #expect(used > 0 && used < 100)
        let total = try #require(result.details["total_bytes"]?.number)
        #expect(total > 64 * 1_048_576)
        #expect(result.details["used_bytes"]?.number ?? 0 < total)
        let swap = try #require(result.details["swap_used_percent"]?.number)
        #expect(swap >= 0 && swap <= 100)
        let pattern = #/^memory \d+\.\d% used \(\d+(\.\d)?[KMGT]? of \d+(\.\d)?[KMGT]\), swap \d+(\.\d)?%$/#
        #expect(result.message.wholeMatch(of: pattern) != nil, "\(result.message)")
        #expect(result.perfdata.map(\.label) == ["used_percent", "swap_used_percent"])
        #expect(result.samples.map(\.name) == ["host_memory_used_percent", "host_swap_used_percent"])
        #expect(abs((result.samples.first?.value ?? -1) - used) < 0.01)
    }

    @Test(arguments: [
        (Thresholds(warning: 0), CheckStatus.warning),
        (Thresholds(warning: 0, critical: 0), CheckStatus.critical),
        (Thresholds(warning: 100, critical: 100), CheckStatus.ok),
    ])
    func usedThresholdsSetTheStatus(thresholds: Thresholds, expected: CheckStatus) async {
        let result = await MemoryCheck.run(name: "memory", spec: MemoryCheckSpec(usedPercent: thresholds), timeout: .seconds(10))
        #expect(result.status == expected)
        if expected != .ok {
            #expect(result.message.hasSuffix(" ≥ \(expected == .critical ? "critical" : "warning") 0%)"))
            #expect(result.message.contains("(memory "))
        }
    }

    @Test func swapThresholdsCountToo() async {
        // Swap use is at least 0%, so a critical level of 0 always trips, with or without swap.
        let spec = MemoryCheckSpec(usedPercent: Thresholds(warning: 100), swapUsedPercent: Thresholds(critical: 0))
        let result = await MemoryCheck.run(name: "memory", spec: spec, timeout: .seconds(10))
        #expect(result.status == .critical)
        #expect(result.message.contains("(swap "))
        #expect(result.perfdata[1].critical == "0")
    }

    @Test func messageAndPerfdataFromKnownFigures() {
        let info = MemInfo(totalBytes: 24_534_000_000, availableBytes: 14_426_000_000, buffersBytes: 1, cachedBytes: 2,
                           swapTotalBytes: 0, swapFreeBytes: 0)
        let spec = MemoryCheckSpec(usedPercent: Thresholds(warning: 80, critical: 90))
        let result = MemoryCheck.judge(info, name: "m", spec: spec, startedAt: 5, latencyMs: 0.1)
        #expect(result.message == "memory 41.2% used (9.4G of 22.8G), swap 0%")
        #expect(result.perfdata[0] == PerfdataItem(label: "used_percent", value: 41.2, unit: "%", warning: "80",
                                                   critical: "90", minimum: 0, maximum: 100))
        #expect(result.samples[1] == MetricSample(name: "host_swap_used_percent", labels: [], value: 0, timestampMs: 5))
    }

    @Test func parsesMeminfo() throws {
        let text = """
            MemTotal:       16000000 kB
            MemFree:         1000000 kB
            MemAvailable:    4000000 kB
            Buffers:          200000 kB
            Cached:          3000000 kB
            SwapTotal:       2000000 kB
            SwapFree:        1500000 kB
            HugePages_Total:       0
            """
        let info = try #require(MemInfo.parse(text))
        #expect(info.totalBytes == 16_000_000 * 1_024)
        #expect(info.usedPercent == 75)
        #expect(info.swapUsedPercent == 25)
        #expect(info.cachedBytes == 3_000_000 * 1_024)
        #expect(MemInfo.parse("Nothing: 1 kB") == nil)
    }

    @Test func oldKernelsWithoutMemAvailableEstimateIt() throws {
        let info = try #require(MemInfo.parse("MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 100 kB\nCached: 300 kB\n"))
        #expect(info.availableBytes == 500 * 1_024)
        #expect(info.swapUsedPercent == 0)
    }
}
