/// Applies a check's series rules to a parsed page: which samples to store, how they fare
/// against their thresholds, and what to say about it.
///
/// A rule selects the samples whose own name is exactly its `metric` (so a histogram is
/// selected as `x_bucket`, `x_sum` or `x_count`, an OpenMetrics counter as `x_total`) and that
/// carry every one of its labels with that value (`le` and `quantile` compared as numbers); as
/// in PromQL, `label: ""` also matches a sample without the label. A sample selected by several
/// rules is stored once; a series repeated at one time is stored and judged by its first sample.
struct PrometheusSeriesVerdict {
    /// The worst status any rule earned.
    private(set) var status: CheckStatus = .ok
    /// What each rule that is not OK has to say, worst first (rules of equal severity in
    /// their configured order).
    var problems: [String] {
        ranked.enumerated().sorted { ($0.element.severity, -$0.offset) > ($1.element.severity, -$1.offset) }
            .map(\.element.text)
    }
    /// Matched samples for the store.
    private(set) var samples: [MetricSample] = []
    /// One item per matched sample with a finite value, with its rule's thresholds.
    private(set) var perfdata: [PerfdataItem] = []
    /// Distinct matched samples per rule metric, in rule order.
    private(set) var matched: [(String, Int)] = []

    private var ranked: [(severity: Int, text: String)] = []
    private var storedKeys: Set<String> = []
    private var perfdataLabels: Set<String> = []

    /// Judges `exposition` by `rules`; `scrapedAtMs` stamps samples the page left unstamped.
    init(exposition: PrometheusExposition, rules: [PrometheusSeriesRule], scrapedAtMs: Int64) {
        let wanted = Set(rules.map(\.metric))
        var byName: [String: [PrometheusSample]] = [:]
        for family in exposition.families {
            for sample in family.samples where wanted.contains(sample.name) {
                byName[sample.name, default: []].append(sample)
            }
        }
        for rule in rules {
            let matches = (byName[rule.metric] ?? []).filter { sample in
                rule.labels.allSatisfy { PrometheusLabelMatcher.matches($0.key, sampleValue: sample.label($0.key), wanted: $0.value) }
            }
            judge(rule, matches: matches, scrapedAtMs: scrapedAtMs)
        }
    }

    private mutating func judge(_ rule: PrometheusSeriesRule, matches: [PrometheusSample], scrapedAtMs: Int64) {
        var worst: (status: CheckStatus, value: Double, series: String)?
        var beyond = 0
        var added = 0
        var judged: Set<String> = []
        for sample in matches {
            let metric = sample.metricSample(scrapedAtMs: scrapedAtMs)
            let series = PrometheusSeriesText.series(sample.name, labels: sample.labels)
            // A series repeated at one time (the 0.0.4 text allows it) is judged as stored:
            // by its first sample, as Prometheus keeps the first and drops the rest.
            guard judged.insert(series + "@" + String(metric.timestampMs)).inserted else { continue }
            if storedKeys.insert(series + "@" + String(metric.timestampMs)).inserted {
                samples.append(metric)
                added += 1
            }
            if sample.value.isFinite, perfdataLabels.insert(series).inserted {
                perfdata.append(Self.perfdataItem(series, value: sample.value, thresholds: rule.thresholds))
            }
            guard let thresholds = rule.thresholds else { continue }
            let verdict = thresholds.status(for: sample.value)
            guard verdict != .ok else { continue }
            beyond += 1
            if let current = worst, verdict.severity < current.status.severity
                || (verdict == current.status && !Self.isMoreExtreme(sample.value, than: current.value, thresholds)) {
                continue
            }
            worst = (verdict, sample.value, series)
        }
        if let index = matched.firstIndex(where: { $0.0 == rule.metric }) {
            matched[index].1 += added
        } else {
            matched.append((rule.metric, added))
        }
        if let worst, let thresholds = rule.thresholds {
            let level = worst.status == .critical ? "critical" : "warning"
            let limit = (worst.status == .critical ? thresholds.critical : thresholds.warning) ?? 0
            var text = "\(worst.series) = \(PrometheusSeriesText.number(worst.value)) "
                + "\(thresholds.comparison) \(level) \(PrometheusSeriesText.number(limit))"
            if beyond > 1 { text += " (+\(beyond - 1) more)" }
            record(worst.status, text)
        } else if matches.isEmpty && rule.required {
            let selector = PrometheusSeriesText.series(rule.metric, labels: rule.labels.map { ($0.key, $0.value) })
            record(.warning, "no samples of \(selector)")
        }
    }

    private mutating func record(_ verdict: CheckStatus, _ text: String) {
        ranked.append((verdict.severity, text))
        status = CheckStatus.worst(status, verdict)
    }

    private static func isMoreExtreme(_ value: Double, than other: Double, _ thresholds: Thresholds) -> Bool {
        thresholds.lowerIsWorse ? value < other : value > other
    }

    /// Levels in the monitoring-plugins range syntax: `90` alerts above 90, `10:` below 10.
    private static func perfdataItem(_ label: String, value: Double, thresholds: Thresholds?) -> PerfdataItem {
        func level(_ limit: Double?) -> String? {
            guard let limit, let thresholds else { return nil }
            return PrometheusSeriesText.number(limit) + (thresholds.lowerIsWorse ? ":" : "")
        }
        return PerfdataItem(label: label, value: value, warning: level(thresholds?.warning),
                            critical: level(thresholds?.critical))
    }
}
