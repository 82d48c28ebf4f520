/// The outcome of running one check once.
public struct CheckResult: Sendable {
    /// The check's configured name.
    public var check: String
    /// The check kind (`http`, `tcp`, `redis`, `disk`, …).
    public var kind: String
    /// The verdict.
    public var status: CheckStatus
    /// When the probe started, in milliseconds since the Unix epoch (UTC).
    public var startedAt: Int64
    /// Wall time of the probe in milliseconds; nil when no probe ran (e.g. a config problem).
    public var latencyMs: Double?
    /// A short human-readable explanation, already redacted.
    public var message: String
    /// Kind-specific measurements (HTTP phase timings, Redis memory, disk usage …).
    public var details: JSONValue
    /// Performance data for Nagios-style output, beyond the latency every result has.
    public var perfdata: [PerfdataItem] = []
    /// Samples to store in the `metrics` table (scraped series, host measurements).
    public var samples: [MetricSample] = []
    /// What the probe itself said, when thresholds or a failed dependency changed `status`.
    public var probedStatus: CheckStatus?
    /// Consecutive results disagreeing with the reported status (flap suppression).
    public var softCount: Int = 0

    /// Creates a result.
    public init(check: String, kind: String, status: CheckStatus, startedAt: Int64,
                latencyMs: Double?, message: String, details: JSONValue = .object([])) {
        self.check = check
        self.kind = kind
        self.status = status
        self.startedAt = startedAt
        self.latencyMs = latencyMs
        self.message = message
        self.details = details
    }
}
