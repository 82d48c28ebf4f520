/// Median and median absolute deviation of a sample: a baseline that a few outliers (the
/// very spikes being looked for) cannot drag along, unlike mean and standard deviation.
struct RobustBaseline: Sendable, Equatable {
    /// The median.
    var median: Double
    /// The median absolute deviation from the median.
    var mad: Double

    /// The baseline of `values`; nil when empty.
    init?(_ values: [Double]) {
        guard let median = Self.median(values) else { return nil }
        self.median = median
        self.mad = Self.median(values.map { abs($0 - median) }) ?? 0
    }

    /// `median + k · spread`, where the spread is the MAD scaled to a standard deviation
    /// (×1.4826) but never less than 1 % of the median, so a perfectly steady series does
    /// not turn every millisecond of jitter into an anomaly.
    func limit(k: Double) -> Double {
        median + k * max(mad * 1.4826, abs(median) * 0.01)
    }

    /// The middle value (mean of the two middle ones for an even count).
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
