/// The type a `# TYPE` line declares for a metric family, in the Prometheus text format
/// 0.0.4 and the OpenMetrics text format.
public enum PrometheusMetricType: String, Sendable, CaseIterable {
    case counter
    case gauge
    case histogram
    case summary
    case untyped
    case info
    case stateset
    case gaugehistogram
    case unknown

    /// Sample-name suffixes that belong to a family of this type: a histogram `x` owns
    /// `x_bucket`, `x_sum` and `x_count`; an OpenMetrics counter `x` owns `x_total`.
    /// The empty suffix means a sample named exactly like the family.
    var sampleSuffixes: [String] {
        switch self {
        case .counter: ["", "_total", "_created"]
        case .histogram: ["_bucket", "_sum", "_count", "_created"]
        case .gaugehistogram: ["_bucket", "_gsum", "_gcount"]
        case .summary: ["", "_sum", "_count", "_created"]
        case .info: ["_info", ""]
        case .gauge, .untyped, .stateset, .unknown: [""]
        }
    }

    /// The suffixes OpenMetrics gives a family's samples: stricter than `sampleSuffixes`, which
    /// also admits the 0.0.4 spellings (a counter sample without `_total`).
    var openMetricsSuffixes: [String] {
        switch self {
        case .counter: ["_total", "_created"]
        case .histogram: ["_bucket", "_count", "_sum", "_created"]
        case .gaugehistogram: ["_bucket", "_gcount", "_gsum"]
        case .summary: ["", "_count", "_sum", "_created"]
        case .info: ["_info"]
        case .gauge, .untyped, .stateset, .unknown: [""]
        }
    }

    /// Every suffix some type owns, longest first so `_gcount` is tried before `_count`.
    static let allSuffixes = ["_created", "_bucket", "_gcount", "_count", "_total", "_gsum", "_info", "_sum"]
}
