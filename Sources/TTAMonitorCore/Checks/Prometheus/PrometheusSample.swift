/// One sample line of an exposition: `name{label="value",…} value [timestamp]`.
public struct PrometheusSample: Sendable, Equatable {
    /// The sample's own name, suffix included (`http_request_duration_seconds_bucket`).
    public var name: String
    /// Labels in the order the exposition gave them.
    public var labels: [(String, String)]
    /// The value; NaN and ±Inf are valid.
    public var value: Double
    /// The exposition's timestamp in milliseconds since the epoch, when it gave one.
    public var timestampMs: Int64?

    /// Creates a sample.
    public init(name: String, labels: [(String, String)] = [], value: Double, timestampMs: Int64? = nil) {
        self.name = name
        self.labels = labels
        self.value = value
        self.timestampMs = timestampMs
    }

    /// The value of label `name`, or nil when the sample does not carry it.
    public func label(_ name: String) -> String? {
        labels.first { $0.0 == name }?.1
    }

    /// The sample as the store keeps it; `scrapedAtMs` stands in for a missing timestamp,
    /// as Prometheus itself stamps samples with the scrape time.
    public func metricSample(scrapedAtMs: Int64) -> MetricSample {
        MetricSample(name: name, labels: labels, value: value, timestampMs: timestampMs ?? scrapedAtMs)
    }

    /// Equal when name, labels in order, value (NaN equals NaN) and timestamp agree.
    public static func == (lhs: PrometheusSample, rhs: PrometheusSample) -> Bool {
        lhs.name == rhs.name && lhs.labels.elementsEqual(rhs.labels, by: { $0 == $1 })
            && (lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN)) && lhs.timestampMs == rhs.timestampMs
    }
}
