#if canImport(Glibc)
import Glibc
#endif

/// The `load` check: load averages per online CPU, so one threshold fits every machine.
public enum LoadCheck {
    /// Reads /proc/loadavg once (kernel counters, no waiting: read on the caller's thread).
    public static func run(name: String, spec: LoadCheckSpec, timeout: Duration) async -> CheckResult {
        let startedAt = WallClock.nowMilliseconds()
        let stopwatch = Stopwatch()
        let read = ProcFile.text("/proc/loadavg")
        let cpus = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let latency = stopwatch.elapsedMilliseconds
        guard case .success(let text) = read, let load = LoadAverage.parse(text) else {
            let reason = if case .failure(let failure) = read { failure.reason } else { "unexpected content" }
            return CheckResult(check: name, kind: LoadCheckSpec.kindName, status: .unknown, startedAt: startedAt, latencyMs: latency,
                               message: "cannot read /proc/loadavg: \(reason)")
        }
        return judge(load, cpus: cpus, name: name, spec: spec, startedAt: startedAt, latencyMs: latency)
    }

    static func judge(_ load: LoadAverage, cpus: Int, name: String, spec: LoadCheckSpec, startedAt: Int64,
                      latencyMs: Double) -> CheckResult {
        let raw = [("load1", load.load1, spec.load1), ("load5", load.load5, spec.load5), ("load15", load.load15, spec.load15)]
        let perCore = raw.map { ($0.0, $0.1 / Double(cpus), $0.2) }
        let verdict = JudgedMeasure.verdict(perCore.map {
            JudgedMeasure(name: "\($0.0) per core", value: $0.1, thresholds: $0.2, format: twoDecimals)
        })
        var message = "load \(raw.map { twoDecimals($0.1) }.joined(separator: " "))"
            + " (per core \(perCore.map { twoDecimals($0.1) }.joined(separator: " ")), \(cpus) CPU\(cpus == 1 ? "" : "s"))"
        if let explanation = verdict.explanation { message += " (\(explanation))" }

        var members: [(String, JSONValue)] = raw.map { ($0.0, .double($0.1)) }
        members += perCore.map { ("\($0.0)_per_core", .double(PerfdataNumber.rounded($0.1))) }
        members += [("cpus", .int(Int64(cpus))), ("running", .int(Int64(load.running))),
                    ("scheduling_entities", .int(Int64(load.total)))]
        var result = CheckResult(check: name, kind: LoadCheckSpec.kindName, status: verdict.status, startedAt: startedAt,
                                 latencyMs: latencyMs, message: message, details: .object(members))
        result.perfdata = raw.map { PerfdataItem(label: $0.0, value: $0.1, thresholds: nil, minimum: 0) }
            + perCore.map { PerfdataItem(label: "\($0.0)_per_core", value: PerfdataNumber.rounded($0.1), thresholds: $0.2,
                                         minimum: 0) }
        result.samples = raw.map { MetricSample(name: "host_\($0.0)", labels: [], value: $0.1, timestampMs: startedAt) }
            + perCore.map { MetricSample(name: "host_\($0.0)_per_core", labels: [], value: $0.1, timestampMs: startedAt) }
            + [MetricSample(name: "host_online_cpus", labels: [], value: Double(cpus), timestampMs: startedAt)]
        return result
    }

    private static func twoDecimals(_ value: Double) -> String { Timestamps.formatFixed(value, digits: 2) }
}
