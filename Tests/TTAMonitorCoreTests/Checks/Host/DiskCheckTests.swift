import Foundation
import Testing
@testable import TTAMonitorCore

@Suite struct DiskCheckTests {
    @Test func measuresTheFilesystemOfATempDirectory() async throws {
        let directory = try TemporaryDirectory()
        let result = await DiskCheck.run(name: "tmp", spec: DiskCheckSpec(path: directory.path), timeout: .seconds(10))
        #expect(result.status == .ok)
        #expect(result.message.hasSuffix(" free on \(directory.path)"))
        let used = try #require(result.details["used_percent"]?.number)
        #expect(used >= 0 && used <= 100)
        #expect(result.perfdata.map(\.label).prefix(2) == ["used_percent", "free"])
        #expect(result.samples.first?.labels.first?.1 == directory.path)
    }

    @Test func eachMeasureCanTrip() async throws {
        let directory = try TemporaryDirectory()
        var spec = DiskCheckSpec(path: directory.path, usedPercent: Thresholds(warning: 0))
        let used = await DiskCheck.run(name: "tmp", spec: spec, timeout: .seconds(10))
        #expect(used.status == .warning)
        #expect(used.message.contains("(used "))
        #expect(used.message.hasSuffix(" ≥ warning 0%)"))

        spec.usedPercent = nil
        spec.freeBytes = Thresholds(warning: 2e18, critical: 1e18, lowerIsWorse: true)
        let free = await DiskCheck.run(name: "tmp", spec: spec, timeout: .seconds(10))
        #expect(free.status == .critical)
        #expect(free.message.contains("(free "))
        #expect(free.message.contains(" ≤ critical "))
        #expect(free.perfdata[1].critical?.hasSuffix(":") == true)

        spec.freeBytes = nil
        spec.inodesUsedPercent = Thresholds(critical: 0)
        let inodes = await DiskCheck.run(name: "tmp", spec: spec, timeout: .seconds(10))
        if inodes.details["inodes_used_percent"] != .null {
            #expect(inodes.status == .critical)
            #expect(inodes.message.contains("(inodes used "))
            #expect(inodes.perfdata.map(\.label).last == "inodes_used_percent")
        }
    }

    @Test func theWorstMeasureIsTheOneNamed() {
        let usage = DiskCheck.Usage(totalBytes: 100 * 1_073_741_824, freeBytes: 10 * 1_073_741_824,
                                    availableBytes: 5 * 1_073_741_824, inodesTotal: 1_000, inodesFree: 10)
        var spec = DiskCheckSpec(path: "/data", usedPercent: Thresholds(warning: 90, critical: 99))
        spec.freeBytes = Thresholds(warning: 10 * 1_073_741_824, critical: 1_073_741_824, lowerIsWorse: true)
        spec.inodesUsedPercent = Thresholds(warning: 80, critical: 95)
        let result = DiskCheck.judge(usage, name: "data", spec: spec, startedAt: 0, latencyMs: 0)
        #expect(result.status == .critical)
        #expect(result.message == "94.7% used, 5.0G free on /data (inodes used 99% ≥ critical 95%)")
        #expect(result.details["inodes_used_percent"] == .double(99))
    }

    @Test func filesystemsWithoutAnInodeTableSkipThatMeasure() {
        let usage = DiskCheck.Usage(totalBytes: 100, freeBytes: 50, availableBytes: 50, inodesTotal: 0, inodesFree: 0)
        var spec = DiskCheckSpec(path: "/btrfs")
        spec.inodesUsedPercent = Thresholds(critical: 0)
        let result = DiskCheck.judge(usage, name: "b", spec: spec, startedAt: 0, latencyMs: 0)
        #expect(result.status == .ok)
        #expect(result.details["inodes_used_percent"] == .null)
    }

    @Test func aMissingPathIsCritical() async throws {
        let directory = try TemporaryDirectory()
        let result = await DiskCheck.run(name: "gone", spec: DiskCheckSpec(path: directory.file("nope")), timeout: .seconds(10))
        #expect(result.status == .critical)
        #expect(result.message == "cannot measure \(directory.file("nope")): no such file or directory")
    }
}
