#if canImport(Glibc)
import Glibc
#endif

/// The `disk` check: space used on the filesystem holding a path, from `statvfs`.
public enum DiskCheck {
    /// Measures `spec.path`. `statvfs` can hang on a dead network mount, so it runs on a
    /// thread of its own and the check gives up at its timeout instead of hanging the run.
    public static func run(name: String, spec: DiskCheckSpec, timeout: Duration) async -> CheckResult {
        let startedAt = WallClock.nowMilliseconds()
        let stopwatch = Stopwatch()
        let measured = await Deadline.race(timeout: timeout) {
            await BlockingCall.run { measure(spec.path) }
        }
        let latency = stopwatch.elapsedMilliseconds
        switch measured {
        case nil:
            return CheckResult(check: name, kind: DiskCheckSpec.kindName, status: .critical, startedAt: startedAt, latencyMs: latency,
                               message: "statvfs(\(spec.path)) timed out after \(timeout.milliseconds) ms")
        case .failure(let reason)?:
            return CheckResult(check: name, kind: DiskCheckSpec.kindName, status: .critical, startedAt: startedAt, latencyMs: latency,
                               message: "cannot measure \(spec.path): \(reason)")
        case .success(let usage)?:
            return judge(usage, name: name, spec: spec, startedAt: startedAt, latencyMs: latency)
        }
    }

    /// The worst of used space, free space and used inodes; the message names the measure
    /// that decided.
    static func judge(_ usage: Usage, name: String, spec: DiskCheckSpec, startedAt: Int64, latencyMs: Double) -> CheckResult {
        var measures = [
            JudgedMeasure(name: "used", value: usage.usedPercent, thresholds: spec.usedPercent, format: PerfdataNumber.percent),
            JudgedMeasure(name: "free", value: Double(usage.availableBytes), thresholds: spec.freeBytes,
                          format: { ByteCount.human(Int64($0)) }),
        ]
        if let inodesUsedPercent = usage.inodesUsedPercent {
            measures.append(JudgedMeasure(name: "inodes used", value: inodesUsedPercent, thresholds: spec.inodesUsedPercent,
                                          format: PerfdataNumber.percent))
        }
        let verdict = JudgedMeasure.verdict(measures)
        var message = "\(Timestamps.formatFixed(usage.usedPercent, digits: 1))% used, \(ByteCount.human(usage.availableBytes)) free on \(spec.path)"
        if let explanation = verdict.explanation { message += " (\(explanation))" }
        let details: JSONValue = .object([
            ("path", .string(spec.path)),
            ("used_percent", .double(PerfdataNumber.rounded(usage.usedPercent))),
            ("total_bytes", .int(usage.totalBytes)),
            ("used_bytes", .int(usage.totalBytes - usage.freeBytes)),
            ("available_bytes", .int(usage.availableBytes)),
            ("inodes_total", .int(usage.inodesTotal)),
            ("inodes_free", .int(usage.inodesFree)),
            ("inodes_used_percent", usage.inodesUsedPercent.map { .double(PerfdataNumber.rounded($0)) } ?? .null),
        ])
        var result = CheckResult(check: name, kind: DiskCheckSpec.kindName, status: verdict.status, startedAt: startedAt,
                                 latencyMs: latencyMs, message: message, details: details)
        result.perfdata = [
            PerfdataItem(label: "used_percent", value: PerfdataNumber.rounded(usage.usedPercent), unit: "%",
                         thresholds: spec.usedPercent, minimum: 0, maximum: 100),
            PerfdataItem(label: "free", value: Double(usage.availableBytes), unit: "B", thresholds: spec.freeBytes,
                         minimum: 0, maximum: Double(usage.totalBytes)),
        ]
        if let inodesUsedPercent = usage.inodesUsedPercent {
            result.perfdata.append(PerfdataItem(label: "inodes_used_percent", value: PerfdataNumber.rounded(inodesUsedPercent),
                                                unit: "%", thresholds: spec.inodesUsedPercent, minimum: 0, maximum: 100))
        }
        let labels = [("path", spec.path)]
        result.samples = [
            MetricSample(name: "host_disk_used_percent", labels: labels, value: usage.usedPercent, timestampMs: startedAt),
            MetricSample(name: "host_disk_free_bytes", labels: labels, value: Double(usage.availableBytes), timestampMs: startedAt),
        ]
        return result
    }

    struct Usage: Sendable {
        var totalBytes: Int64
        var freeBytes: Int64
        var availableBytes: Int64
        var inodesTotal: Int64
        var inodesFree: Int64

        /// Used share as `df` computes it: used / (used + available to unprivileged users),
        /// so the root-reserved blocks count as unavailable.
        var usedPercent: Double {
            let used = Double(totalBytes - freeBytes)
            let denominator = used + Double(availableBytes)
            return denominator > 0 ? used / denominator * 100 : 0
        }

        /// Used share of inodes; nil where the filesystem has no fixed inode table (btrfs
        /// reports 0 inodes), so there is nothing to run out of.
        var inodesUsedPercent: Double? {
            guard inodesTotal > 0 else { return nil }
            return Double(inodesTotal - inodesFree) / Double(inodesTotal) * 100
        }
    }

    enum Measurement: Sendable {
        case success(Usage)
        case failure(String)
    }

    static func measure(_ path: String) -> Measurement {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return .failure(String(cString: strerror(errno)).lowercased()) }
        let block = Int64(stats.f_frsize)
        return .success(Usage(totalBytes: Int64(stats.f_blocks) * block, freeBytes: Int64(stats.f_bfree) * block,
                              availableBytes: Int64(stats.f_bavail) * block, inodesTotal: Int64(stats.f_files),
                              inodesFree: Int64(stats.f_ffree)))
    }
}

/// Formats byte counts the way `df -h` does (binary units).
public enum ByteCount {
    /// `512B`, `1.5K`, `20.3G`.
    public static func human(_ bytes: Int64) -> String {
        let units = ["B", "K", "M", "G", "T", "P"]
        var value = Double(bytes)
        var index = 0
        while value >= 1024, index < units.count - 1 {
            value /= 1024
            index += 1
        }
        return index == 0 ? "\(bytes)B" : Timestamps.formatFixed(value, digits: 1) + units[index]
    }
}
