/// One component over an export period: its stored state, availability, latency
/// percentiles and a downsampled series for the charts.
struct ComponentPeriodSummary: Sendable {
    /// The component's stored state (current streak, last message).
    var state: StatusQuery.ComponentState
    /// Results in the period (raw plus rolled-up hours).
    var total = 0
    /// OK or WARNING results.
    var up = 0
    /// UNKNOWN results, left out of availability.
    var unknown = 0
    /// Latency percentiles over the period (ms), nearest rank.
    var p50: Double?
    var p95: Double?
    /// The latest result's latency in the period (ms).
    var lastLatency: Double?
    /// Per bucket of the period: (results judged, up, latency sum, latency count, latency max).
    var buckets: [Bucket]

    /// One chart bucket.
    struct Bucket: Sendable {
        var judged = 0
        var up = 0
        var latencySum = 0.0
        var latencyCount = 0.0
        var latencyMax: Double?

        /// Mean latency in the bucket (ms), nil without samples.
        var meanLatency: Double? { latencyCount > 0 ? latencySum / latencyCount : nil }
        /// Availability in the bucket (percent), nil without judged results.
        var availability: Double? { judged > 0 ? Double(up) / Double(judged) * 100 : nil }
    }

    /// up / (total − unknown) in percent; nil when nothing was judged.
    var availabilityPercent: Double? {
        let judged = total - unknown
        return judged > 0 ? Double(up) / Double(judged) * 100 : nil
    }
}

/// How a period is cut into chart buckets: whole, "nice" lengths, so a day has about a
/// hundred points and thirty days about as many (6-hour buckets), whatever the raw density.
struct ChartBuckets: Sendable, Equatable {
    /// Start of the first bucket (the period's start).
    var start: Int64
    /// Bucket length (ms).
    var length: Int64
    /// Number of buckets.
    var count: Int

    /// At most about `target` buckets over `period`.
    init(period: ExportPeriod, target: Int64 = 150) {
        let span = max(1, period.until - period.since)
        let minute: Int64 = 60_000
        let nice: [Int64] = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1_440, 2_880, 10_080].map { $0 * minute }
        length = nice.first { span / $0 <= target } ?? max(nice.last!, span / target)
        start = period.since
        count = Int((span + length - 1) / length)
    }

    /// The bucket holding `ts`, if inside the period.
    @inline(__always)
    func index(_ ts: Int64) -> Int? {
        guard ts >= start else { return nil }
        let index = (ts - start) / length
        return index < count ? Int(index) : nil
    }
}
