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
            return CheckResult(check: name, kind: "disk", status: .critical, startedAt: startedAt, latencyMs: latency,
                               message: "statvfs(\(spec.path)) timed out after \(timeout.milliseconds) ms")
        case .failure(let reason)?:
            return CheckResult(check: name, kind: "disk", status: .critical, startedAt: startedAt, latencyMs: latency,
                               message: "cannot measure \(spec.path): \(reason)")
        case .success(let usage)?:
            let status = spec.usedPercent?.status(for: usage.usedPercent) ?? .ok
            var message = "\(Timestamps.formatFixed(usage.usedPercent, digits: 1))% used, \(ByteCount.human(usage.availableBytes)) free on \(spec.path)"
            if status != .ok, let thresholds = spec.usedPercent {
                let level = status == .critical ? thresholds.critical : thresholds.warning
                message += " (\(status == .critical ? "critical" : "warning") at \(Timestamps.formatFixed(level ?? 0, digits: 0))%)"
            }
            let details: JSONValue = .object([
                ("path", .string(spec.path)),
                ("used_percent", .double((usage.usedPercent * 100).rounded() / 100)),
                ("total_bytes", .int(usage.totalBytes)),
                ("used_bytes", .int(usage.totalBytes - usage.freeBytes)),
                ("available_bytes", .int(usage.availableBytes)),
                ("inodes_total", .int(usage.inodesTotal)),
                ("inodes_free", .int(usage.inodesFree)),
            ])
            return CheckResult(check: name, kind: "disk", status: status, startedAt: startedAt, latencyMs: latency,
                               message: message, details: details)
        }
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
