/// One `check` run as every report format reads it: the results in configured order, when
/// the run started and how long it took, and which statuses count towards the verdict.
public struct CheckRunReport: Sendable {
    /// The results, in the order the checks are configured.
    public var results: [CheckResult]
    /// The stored run's id; nil with `--no-store`.
    public var runID: Int64?
    /// When the run started, in milliseconds since the Unix epoch (UTC).
    public var startedAt: Int64
    /// Wall time of the whole run in milliseconds.
    public var durationMs: Double
    /// The lowest status that fails the run (`--fail-on`): `.warning` or `.critical`.
    public var failOn: CheckStatus
    /// Latency thresholds in milliseconds by check name, for formats that print them
    /// (Nagios perfdata); checks without latency thresholds are absent.
    public var latencyThresholds: [String: Thresholds]

    /// Creates a report.
    public init(results: [CheckResult], runID: Int64?, startedAt: Int64, durationMs: Double,
                failOn: CheckStatus = .warning, latencyThresholds: [String: Thresholds] = [:]) {
        self.results = results
        self.runID = runID
        self.startedAt = startedAt
        self.durationMs = durationMs
        self.failOn = failOn
        self.latencyThresholds = latencyThresholds
    }

    /// The worst status of every result, whether it counts or not.
    public var worst: CheckStatus { CheckStatus.worst(of: results.map(\.status)) }

    /// Whether a result with `status` fails the run: anything but OK, except WARNING under
    /// `--fail-on critical`.
    public func fails(_ status: CheckStatus) -> Bool {
        status != .ok && !(status == .warning && failOn == .critical)
    }

    /// The status the run reports and exits with: the worst of the statuses that count.
    public var verdict: CheckStatus { CheckStatus.worst(of: results.map(\.status).filter(fails)) }

    /// The process exit status for `verdict`.
    public var exitCode: ExitCode { ExitCode(verdict) }

    /// How many results have `status`.
    public func count(_ status: CheckStatus) -> Int { results.filter { $0.status == status }.count }

    /// The results worst first, so the line a person reads first is the one that matters;
    /// equal statuses keep their configured order.
    public var worstFirst: [CheckResult] {
        results.enumerated()
            .sorted { ($0.element.status.severity, -$0.offset) > ($1.element.status.severity, -$1.offset) }
            .map(\.element)
    }
}
