/// The rules of each OpenMetrics type that decide what a rule judges or the store keeps:
/// counters and counts are never NaN or negative, info is 1, a stateset's states are 0 or 1
/// and named by the family, a summary's quantiles carry a `quantile` in [0, 1], and
/// histograms have the structure `OpenMetricsHistogramRules` checks.
enum OpenMetricsFamilyRules {
    /// Checks a family that has ended.
    static func check(_ open: OpenMetricsOpenFamily) throws(PrometheusParseError) {
        let family = open.family
        if let unit = family.unit, !unit.isEmpty, [.info, .stateset].contains(family.type) {
            throw PrometheusParseError(line: open.unitLine ?? 1, message: "a \(family.type.rawValue) has no unit ('\(family.name)')")
        }
        if family.type == .histogram || family.type == .gaugehistogram {
            try OpenMetricsHistogramRules.check(open)
            return
        }
        for (index, sample) in family.samples.enumerated() {
            let suffix = String(sample.name.dropFirst(family.name.count))
            if let problem = problem(with: sample, suffix: suffix, in: family) {
                throw PrometheusParseError(line: open.lines[index], message: problem)
            }
        }
    }

    private static func problem(with sample: PrometheusSample, suffix: String, in family: PrometheusFamily) -> String? {
        let name = sample.name
        switch (family.type, suffix) {
        case (.counter, "_total"), (.summary, "_count"), (.summary, "_sum"):
            return countProblem(sample)
        case (.summary, ""):
            guard let text = sample.label("quantile") else { return "\(name) has no 'quantile' label" }
            guard let quantile = PrometheusNumber.labelNumber(text), quantile >= 0, quantile <= 1 else {
                return "\(name) has quantile '\(text)' (a number from 0 to 1)"
            }
            return sample.value < 0 ? "\(name){quantile=\"\(text)\"} is negative" : nil
        case (.info, _):
            return sample.value == 1 ? nil : "info \(name) is \(PrometheusSeriesText.number(sample.value)) (always 1)"
        case (.stateset, _):
            guard sample.label(family.name) != nil else { return "stateset \(name) has no '\(family.name)' label naming its state" }
            return sample.value == 0 || sample.value == 1 ? nil
                : "stateset \(name) is \(PrometheusSeriesText.number(sample.value)) (0 or 1)"
        default:
            return nil
        }
    }

    /// A counter's total, a count or a sum: neither NaN nor negative.
    static func countProblem(_ sample: PrometheusSample) -> String? {
        if sample.value.isNaN { return "\(sample.name) is NaN (counts and sums never are)" }
        return sample.value < 0 ? "\(sample.name) is negative (counts and sums never are)" : nil
    }
}
