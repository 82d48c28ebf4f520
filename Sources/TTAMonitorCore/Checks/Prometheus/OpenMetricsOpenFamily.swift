/// The OpenMetrics family being read, with what its checks need: the line of each sample and
/// which series and label groups it has seen.
struct OpenMetricsOpenFamily {
    var family: PrometheusFamily
    /// The line of each sample, in step with `family.samples`.
    var lines: [Int] = []
    /// The metadata keywords seen (`HELP`, `TYPE`, `UNIT`).
    var declared: Set<String> = []
    var unitLine: Int?
    /// Per series, the timestamp (seconds) of its last sample; nil inside when it had none.
    private var lastTimestamp: [String: Double?] = [:]
    private var lastSeries: String?
    /// Label groups (labels without `le` and `quantile`) seen, and the one being read.
    private var groups: Set<String> = []
    private var lastGroup: String?

    init(family: PrometheusFamily) {
        self.family = family
    }

    /// Adds a sample after the checks that need only the lines so far: exemplar placement,
    /// a series repeated only with timestamps that never go back and without interruption,
    /// label groups kept together. A repeat at the same millisecond is dropped.
    mutating func add(_ line: OpenMetricsSampleLine, at lineNumber: Int) throws(PrometheusParseError) {
        let sample = line.sample
        func failure(_ message: String) -> PrometheusParseError { PrometheusParseError(line: lineNumber, message: message) }
        let suffix = String(sample.name.dropFirst(family.name.count))
        if line.hasExemplar {
            let allowed = (family.type == .counter && suffix == "_total")
                || ([.histogram, .gaugehistogram].contains(family.type) && suffix == "_bucket")
            guard allowed else { throw failure("an exemplar on '\(sample.name)' (only counter totals and buckets carry one)") }
        }
        let series = sample.name + "\u{0}" + Self.key(sample.labels, without: [])
        // Written out only for an error: on a large page most of the parse would go to it.
        var shown: String { PrometheusSeriesText.series(sample.name, labels: sample.labels) }
        if let previous = lastTimestamp[series] {
            guard lastSeries == series else { throw failure("\(shown) appears again after other series") }
            guard let previous, let seconds = line.seconds else {
                throw failure("duplicate series \(shown) (a series may repeat only with timestamps)")
            }
            guard seconds >= previous else { throw failure("the timestamps of \(shown) go backwards") }
            // The same millisecond again: the first sample stands, as in the reference parser
            // and Prometheus, and the store could not tell them apart anyway.
            if PrometheusNumber.milliseconds(seconds: previous) == sample.timestampMs { return }
        }
        lastTimestamp[series] = .some(line.seconds)
        lastSeries = series
        if [.histogram, .gaugehistogram, .summary].contains(family.type) {
            let group = Self.key(sample.labels, without: ["le", "quantile"])
            if group != lastGroup {
                guard groups.insert(group).inserted else {
                    let labels = sample.labels.filter { $0.0 != "le" && $0.0 != "quantile" }
                    throw failure("the samples of \(PrometheusSeriesText.series(family.name, labels: labels)) are split by other label sets")
                }
                lastGroup = group
            }
        }
        family.samples.append(sample)
        lines.append(lineNumber)
    }

    /// Labels in name order, `excluded` names left out, as one comparable string. Built in
    /// one buffer and sorted only when the page did not already write them in order: this runs
    /// for every sample of a page.
    static func key(_ labels: [(String, String)], without excluded: Set<String>) -> String {
        var kept = excluded.isEmpty ? labels : labels.filter { !excluded.contains($0.0) }
        if kept.count > 1, !zip(kept, kept.dropFirst()).allSatisfy({ $0.0 < $1.0 }) {
            kept.sort { $0.0 < $1.0 }
        }
        var key = ""
        for (name, value) in kept {
            key += name
            key.unicodeScalars.append("\u{1}")
            key += value
            key.unicodeScalars.append("\u{2}")
        }
        return key
    }
}
