/// A metric family: the samples that share a `# TYPE`/`# HELP` declaration, including a
/// histogram's `_bucket`, `_sum` and `_count` samples and a summary's quantiles.
public struct PrometheusFamily: Sendable, Equatable {
    /// The family name (`go_gc_duration_seconds`, without any sample suffix).
    public var name: String
    /// The declared type; `untyped` (OpenMetrics: `unknown`) when no `# TYPE` line named it.
    public var type: PrometheusMetricType
    /// The `# HELP` text with its escapes resolved, if any.
    public var help: String?
    /// The OpenMetrics `# UNIT`, if any.
    public var unit: String?
    /// The samples in exposition order.
    public var samples: [PrometheusSample]

    /// Creates a family.
    public init(name: String, type: PrometheusMetricType, help: String? = nil, unit: String? = nil,
                samples: [PrometheusSample] = []) {
        self.name = name
        self.type = type
        self.help = help
        self.unit = unit
        self.samples = samples
    }
}
