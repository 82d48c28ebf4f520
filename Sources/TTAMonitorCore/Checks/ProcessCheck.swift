#if canImport(Glibc)
import Glibc
#endif

/// The `process` check: how many processes match, and their CPU and resident memory.
public enum ProcessCheck {
    /// Pause between the two CPU-time samples; shortened to fit the timeout.
    static let sampleInterval = Duration.milliseconds(200)

    /// Scans /proc (on a thread of its own, as reads there can stall behind a hung process),
    /// waits `sampleInterval`, and reads the matches' CPU time again.
    public static func run(name: String, spec: ProcessCheckSpec, timeout: Duration) async -> CheckResult {
        let startedAt = WallClock.nowMilliseconds()
        let stopwatch = Stopwatch()
        let deadline = ContinuousClock.now + timeout
        let scanned = await Deadline.race(timeout: timeout) { await BlockingCall.run { ProcessScan.matching(spec) } }
        func failure(_ status: CheckStatus, _ message: String) -> CheckResult {
            CheckResult(check: name, kind: ProcessCheckSpec.kindName, status: status, startedAt: startedAt,
                        latencyMs: stopwatch.elapsedMilliseconds, message: message)
        }
        guard let scanned else { return failure(.unknown, "scanning /proc timed out after \(timeout.milliseconds) ms") }
        let first: [ProcessSnapshot]
        switch scanned {
        case .success(let found): first = found
        case .failure(.invalidPattern(let pattern)):
            return failure(.unknown, "command_pattern '\(pattern)' is not a valid regular expression")
        case .failure(.descriptorsExhausted):
            return failure(.unknown, DescriptorLimit.message(call: "reading /proc", errno: EMFILE))
        }

        var cpuPercent: Double?
        let interval = min(sampleInterval, (deadline - .now) / 2)
        if !first.isEmpty, interval >= .milliseconds(20) {
            try? await Task.sleep(for: interval)
            let remaining = deadline - .now
            if remaining > .zero,
               let second = await Deadline.race(timeout: remaining, { await BlockingCall.run { ProcessScan.resample(first) } }) {
                let ticksPerSecond = Double(max(1, sysconf(Int32(_SC_CLK_TCK))))
                cpuPercent = ProcessScan.cpuPercent(from: first, to: second, ticksPerSecond: ticksPerSecond)
            }
        }
        return judge(first, cpuPercent: cpuPercent, name: name, spec: spec, startedAt: startedAt,
                     latencyMs: stopwatch.elapsedMilliseconds)
    }

    static func judge(_ matches: [ProcessSnapshot], cpuPercent: Double?, name: String, spec: ProcessCheckSpec,
                      startedAt: Int64, latencyMs: Double) -> CheckResult {
        let count = matches.count
        let rssBytes = matches.reduce(Int64(0)) { $0 + ($1.residentBytes ?? 0) }
        var message = "\(count) process\(count == 1 ? "" : "es") \(ProcessSelector.describe(spec))"
        var status = CheckStatus.ok
        if let expectation = countExpectation(count, spec: spec) {
            status = .critical
            message += " (\(expectation))"
        } else if count > 0 {
            var measures = [JudgedMeasure(name: "rss", value: Double(rssBytes), thresholds: spec.rssBytes,
                                          format: { ByteCount.human(Int64($0)) })]
            var usage = ["rss \(ByteCount.human(rssBytes))"]
            if let cpuPercent {
                measures.insert(JudgedMeasure(name: "cpu", value: cpuPercent, thresholds: spec.cpuPercent,
                                              format: PerfdataNumber.percent), at: 0)
                usage.insert("cpu \(Timestamps.formatFixed(cpuPercent, digits: 1))%", at: 0)
            }
            let verdict = JudgedMeasure.verdict(measures)
            status = verdict.status
            message += " (\(usage.joined(separator: ", ")))"
            if let explanation = verdict.explanation { message += " (\(explanation))" }
        }

        let details: JSONValue = .object([
            ("count", .int(Int64(count))),
            ("pids", .array(matches.prefix(20).map { .int(Int64($0.pid)) })),
            ("cpu_percent", cpuPercent.map { .double(PerfdataNumber.rounded($0)) } ?? .null),
            ("rss_bytes", .int(rssBytes)),
        ])
        var result = CheckResult(check: name, kind: ProcessCheckSpec.kindName, status: status, startedAt: startedAt,
                                 latencyMs: latencyMs, message: message, details: details)
        let countRange = "\(spec.minCount):" + (spec.maxCount.map(String.init) ?? "")
        result.perfdata = [PerfdataItem(label: "count", value: Double(count), critical: countRange, minimum: 0)]
        if let cpuPercent {
            result.perfdata.append(PerfdataItem(label: "cpu_percent", value: PerfdataNumber.rounded(cpuPercent), unit: "%",
                                                thresholds: spec.cpuPercent, minimum: 0))
        }
        result.perfdata.append(PerfdataItem(label: "rss", value: Double(rssBytes), unit: "B", thresholds: spec.rssBytes,
                                            minimum: 0))
        return result
    }

    /// `expected at least 1` when the count is out of bounds, else nil.
    static func countExpectation(_ count: Int, spec: ProcessCheckSpec) -> String? {
        if let maximum = spec.maxCount, maximum == spec.minCount, count != maximum { return "expected exactly \(maximum)" }
        if count < spec.minCount { return "expected at least \(spec.minCount)" }
        if let maximum = spec.maxCount, count > maximum { return "expected at most \(maximum)" }
        return nil
    }
}
