/// The `memory` check: used memory and swap from /proc/meminfo.
public enum MemoryCheck {
    /// Reads /proc/meminfo once and judges used memory and swap. The file is generated from
    /// kernel counters without waiting on any device or lock, so it is read on the caller's
    /// thread: a thread of its own would cost more than the read.
    public static func run(name: String, spec: MemoryCheckSpec, timeout: Duration) async -> CheckResult {
        let startedAt = WallClock.nowMilliseconds()
        let stopwatch = Stopwatch()
        let read = ProcFile.text("/proc/meminfo")
        let latency = stopwatch.elapsedMilliseconds
        guard case .success(let text) = read, let memory = MemInfo.parse(text) else {
            let reason = if case .failure(let failure) = read { failure.reason } else { "no MemTotal line" }
            return CheckResult(check: name, kind: MemoryCheckSpec.kindName, status: .unknown, startedAt: startedAt, latencyMs: latency,
                               message: "cannot read /proc/meminfo: \(reason)")
        }
        return judge(memory, name: name, spec: spec, startedAt: startedAt, latencyMs: latency)
    }

    static func judge(_ memory: MemInfo, name: String, spec: MemoryCheckSpec, startedAt: Int64,
                      latencyMs: Double) -> CheckResult {
        let measures = [
            JudgedMeasure(name: "memory", value: memory.usedPercent, thresholds: spec.usedPercent,
                          format: PerfdataNumber.percent),
            JudgedMeasure(name: "swap", value: memory.swapUsedPercent, thresholds: spec.swapUsedPercent,
                          format: PerfdataNumber.percent),
        ]
        let verdict = JudgedMeasure.verdict(measures)
        var message = "memory \(Timestamps.formatFixed(memory.usedPercent, digits: 1))% used"
            + " (\(ByteCount.human(memory.usedBytes)) of \(ByteCount.human(memory.totalBytes)))"
            + ", swap \(PerfdataNumber.percent(PerfdataNumber.rounded(memory.swapUsedPercent)))"
        if let explanation = verdict.explanation { message += " (\(explanation))" }
        var result = CheckResult(check: name, kind: MemoryCheckSpec.kindName, status: verdict.status, startedAt: startedAt,
                                 latencyMs: latencyMs, message: message, details: details(memory))
        result.perfdata = [
            PerfdataItem(label: "used_percent", value: PerfdataNumber.rounded(memory.usedPercent), unit: "%",
                         thresholds: spec.usedPercent, minimum: 0, maximum: 100),
            PerfdataItem(label: "swap_used_percent", value: PerfdataNumber.rounded(memory.swapUsedPercent), unit: "%",
                         thresholds: spec.swapUsedPercent, minimum: 0, maximum: 100),
        ]
        result.samples = [
            MetricSample(name: "host_memory_used_percent", labels: [], value: memory.usedPercent, timestampMs: startedAt),
            MetricSample(name: "host_swap_used_percent", labels: [], value: memory.swapUsedPercent, timestampMs: startedAt),
        ]
        return result
    }

    private static func details(_ memory: MemInfo) -> JSONValue {
        .object([
            ("used_percent", .double(PerfdataNumber.rounded(memory.usedPercent))),
            ("total_bytes", .int(memory.totalBytes)),
            ("used_bytes", .int(memory.usedBytes)),
            ("available_bytes", .int(memory.availableBytes)),
            ("buffers_bytes", .int(memory.buffersBytes)),
            ("cached_bytes", .int(memory.cachedBytes)),
            ("swap_used_percent", .double(PerfdataNumber.rounded(memory.swapUsedPercent))),
            ("swap_total_bytes", .int(memory.swapTotalBytes)),
            ("swap_used_bytes", .int(memory.swapUsedBytes)),
        ])
    }
}
