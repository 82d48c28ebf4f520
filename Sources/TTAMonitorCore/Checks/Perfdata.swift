/// One performance-data item, in the monitoring-plugins sense:
/// `'label'=value[UOM];[warn];[crit];[min];[max]`.
public struct PerfdataItem: Sendable, Equatable {
    /// The label (quoted when printed).
    public var label: String
    /// The measured value.
    public var value: Double
    /// Unit of measure: "", "s", "ms", "us", "%", "B", "KB", "MB", "TB", "c".
    public var unit: String
    /// Warning level, as a plain number or range text.
    public var warning: String?
    /// Critical level, as a plain number or range text.
    public var critical: String?
    /// Minimum possible value.
    public var minimum: Double?
    /// Maximum possible value.
    public var maximum: Double?

    /// Creates an item.
    public init(label: String, value: Double, unit: String = "", warning: String? = nil, critical: String? = nil,
                minimum: Double? = nil, maximum: Double? = nil) {
        self.label = label
        self.value = value
        self.unit = unit
        self.warning = warning
        self.critical = critical
        self.minimum = minimum
        self.maximum = maximum
    }
}

/// One scraped or measured sample to keep in the `metrics` table.
public struct MetricSample: Sendable, Equatable {
    /// Metric name.
    public var name: String
    /// Labels, sorted by name, so equal series compare equal.
    public var labels: [(String, String)]
    /// The value (may be NaN or ±Inf, as Prometheus allows).
    public var value: Double
    /// Sample time in milliseconds since the epoch (the exposition's timestamp, else the scrape's).
    public var timestampMs: Int64

    /// Creates a sample; labels are sorted here.
    public init(name: String, labels: [(String, String)], value: Double, timestampMs: Int64) {
        self.name = name
        self.labels = labels.sorted { $0.0 < $1.0 }
        self.value = value
        self.timestampMs = timestampMs
    }

    public static func == (lhs: MetricSample, rhs: MetricSample) -> Bool {
        lhs.name == rhs.name && lhs.labels.elementsEqual(rhs.labels, by: { $0 == $1 })
            && (lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN)) && lhs.timestampMs == rhs.timestampMs
    }
}
