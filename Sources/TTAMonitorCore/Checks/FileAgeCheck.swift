#if canImport(Glibc)
import Glibc
#endif

/// The `file_age` check: how long ago a heartbeat file (touched by a cron job) was modified.
public enum FileAgeCheck {
    /// Modification times up to this far ahead count as now: file servers' clocks drift a
    /// little, and a heartbeat written a moment ago is fresh, not from the future.
    static let clockSkewToleranceMs: Int64 = 1_000

    /// Stats `spec.path` on a thread of its own (stat hangs on a dead network mount) and
    /// gives up at the timeout.
    public static func run(name: String, spec: FileAgeCheckSpec, timeout: Duration) async -> CheckResult {
        let startedAt = WallClock.nowMilliseconds()
        let stopwatch = Stopwatch()
        let path = spec.path
        let measured = await Deadline.race(timeout: timeout) { await BlockingCall.run { modification(of: path) } }
        let latency = stopwatch.elapsedMilliseconds
        func failure(_ status: CheckStatus, _ message: String) -> CheckResult {
            CheckResult(check: name, kind: FileAgeCheckSpec.kindName, status: status, startedAt: startedAt, latencyMs: latency,
                        message: message, details: .object([("path", .string(path))]))
        }
        switch measured {
        case nil:
            return failure(.critical, "stat(\(path)) timed out after \(timeout.milliseconds) ms")
        case .missing?:
            return failure(.critical, "heartbeat file \(path) does not exist")
        case .failed(let reason)?:
            return failure(.unknown, "cannot stat \(path): \(reason)")
        case .modified(let modifiedMs, let sizeBytes)?:
            return judge(ageMs: WallClock.nowMilliseconds() - modifiedMs, modifiedMs: modifiedMs, sizeBytes: sizeBytes,
                         name: name, spec: spec, startedAt: startedAt, latencyMs: latency)
        }
    }

    static func judge(ageMs rawAgeMs: Int64, modifiedMs: Int64, sizeBytes: Int64, name: String, spec: FileAgeCheckSpec,
                      startedAt: Int64, latencyMs: Double) -> CheckResult {
        let inFuture = rawAgeMs < -clockSkewToleranceMs
        let ageMs = max(0, rawAgeMs)
        let status: CheckStatus
        let message: String
        if inFuture {
            status = .warning
            message = "modification time is in the future (\(Timestamps.age(milliseconds: -rawAgeMs)) ahead)"
        } else {
            status = spec.maxAgeMs.status(for: Double(ageMs))
            message = "last touched \(Timestamps.age(milliseconds: ageMs)) ago\(limitNote(status, spec.maxAgeMs))"
        }
        let details: JSONValue = .object([
            ("path", .string(spec.path)),
            ("age_ms", .int(rawAgeMs)),
            ("modified_at", .string(Timestamps.rfc3339(milliseconds: modifiedMs))),
            ("size_bytes", .int(sizeBytes)),
        ])
        var result = CheckResult(check: name, kind: FileAgeCheckSpec.kindName, status: status, startedAt: startedAt,
                                 latencyMs: latencyMs, message: message, details: details)
        let seconds = Thresholds(warning: spec.maxAgeMs.warning.map { $0 / 1_000 },
                                 critical: spec.maxAgeMs.critical.map { $0 / 1_000 })
        result.perfdata = [PerfdataItem(label: "age", value: Double(ageMs) / 1_000, unit: "s", thresholds: seconds)]
        return result
    }

    /// ` (critical after 26h)`: the level that was crossed, or the one that will be next.
    static func limitNote(_ status: CheckStatus, _ thresholds: Thresholds) -> String {
        let level: (String, Double)? = switch status {
        case .critical: thresholds.critical.map { ("critical", $0) }
        case .warning: thresholds.warning.map { ("warning", $0) }
        default: thresholds.warning.map { ("warning", $0) } ?? thresholds.critical.map { ("critical", $0) }
        }
        guard let (word, milliseconds) = level else { return "" }
        return " (\(word) after \(Timestamps.age(milliseconds: Int64(milliseconds))))"
    }

    enum Modification: Sendable {
        case modified(atMs: Int64, sizeBytes: Int64)
        case missing
        case failed(String)
    }

    static func modification(of path: String) -> Modification {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            // A missing parent directory (or a file where one should be) means the same.
            if code == ENOENT || code == ENOTDIR { return .missing }
            return .failed(String(cString: strerror(code)).lowercased())
        }
        let modifiedMs = Int64(info.st_mtim.tv_sec) * 1_000 + Int64(info.st_mtim.tv_nsec) / 1_000_000
        return .modified(atMs: modifiedMs, sizeBytes: Int64(info.st_size))
    }
}
