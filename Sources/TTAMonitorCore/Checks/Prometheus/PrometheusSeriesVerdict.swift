/// Applies a check's series rules to a parsed page: which samples to store, how they fare
/// against their thresholds, and what to say about it.
///
/// A rule selects the samples whose own name is exactly its `metric` (so a histogram is
/// selected as `x_bucket`, `x_sum` or `x_count`, an OpenMetrics counter as `x_total`) and that
/// carry every one of its labels with that value; as in PromQL, `label: ""` also matches a
/// sample without the label. A sample selected by several rules is stored once.
struct PrometheusSeriesVerdict {
    /// The worst status any rule earned.
    private(set) var status: CheckStatus = .ok
    /// What each rule that is not OK has to say, worst first.
    private(set) var problems: [String] = []
    /// Matched samples for the store.
    private(set) var samples: [MetricSample] = []
    /// One item per matched sample with a finite value, with its rule's thresholds.
    private(set) var perfdata: [PerfdataItem] = []
    /// Distinct matched samples per rule metric, in rule order.
    private(set) var matched: [(String, Int)] = []

    /// Judges `exposition` by `rules`; `scrapedAtMs` stamps samples the page left unstamped.
    init(exposition: PrometheusExposition, rules: [PrometheusSeriesRule], scrapedAtMs: Int64) {
        var byName: [String: [PrometheusSample]] = [:]
        let wanted = Set(rules.map(\.metric))
        for family in exposition.families {
            for sample in family.samples where wanted.contains(sample.name) {
                byName[sample.name, default: []].append(sample)
            }
        }
        var stored: Set<String> = []
        var labelled: Set<String> = []
        var ranked: [(severity: Int, text: String)] = []
        for rule in rules {
            let matches = (byName[rule.metric] ?? []).filter { sample in
                rule.labels.allSatisfy { (sample.label($0.key) ?? "") == $0.value }
            }
            var worst: (status: CheckStatus, sample: PrometheusSample, series: String)?
            var beyond = 0
            var newlyStored = 0
            for sample in matches {
                let metric = sample.metricSample(scrapedAtMs: scrapedAtMs)
                let series = PrometheusSeriesText.series(sample.name, labels: sample.labels)
                if stored.insert(series + "@" + String(metric.timestampMs)).inserted {
                    samples.append(metric)
                    newlyStored += 1
                }
                if sample.value.isFinite, labelled.insert(series).inserted {
                    perfdata.append(Self.perfdataItem(series, value: sample.value, thresholds: rule.thresholds))
                }
                guard let thresholds = rule.thresholds else { continue }
                let verdict = thresholds.status(for: sample.value)
                guard verdict != .ok else { continue }
                beyond += 1
                if let current = worst {
                    let worse = verdict.severity > current.status.severity
                        || (verdict == current.status && Self.isMoreExtreme(sample.value, than: current.sample.value, thresholds))
                    if !worse { continue }
                }
                worst = (verdict, sample, series)
            }
            Self.count(newlyStored, for: rule.metric, in: &matched)
            if let worst, let thresholds = rule.thresholds {
                let level = worst.status == .critical ? "critical" : "warning"
                let limit = (worst.status == .critical ? thresholds.critical : thresholds.warning) ?? 0
                var text = "\(worst.series) = \(PrometheusSeriesText.number(worst.sample.value)) "
                    + "\(thresholds.comparison) \(level) \(PrometheusSeriesText.number(limit))"
                if beyond > 1 { text += " (+\(beyond - 1) more)" }
                ranked.append((worst.status.severity, text))
                status = CheckStatus.worst(status, worst.status)
            } else if matches.isEmpty && rule.required {
                let selector = PrometheusSeriesText.series(rule.metric, labels: rule.labels.map { ($0.key, $0.value) })
                ranked.append((CheckStatus.warning.severity, "no samples of \(selector)"))
                status = CheckStatus.worst(status, .warning)
            }
        }
        // A stable sort: rules of equal severity keep their configured order.
        problems = ranked.enumerated().sorted { ($0.element.severity, -$0.offset) > ($1.element.severity, -$1.offset) }
            .map(\.element.text)
    }

    private static func isMoreExtreme(_ value: Double, than other: Double, _ thresholds: Thresholds) -> Bool {
        thresholds.lowerIsWorse ? value < other : value > other
    }

    private static func count(_ added: Int, for metric: String, in counts: inout [(String, Int)]) {
        if let index = counts.firstIndex(where: { $0.0 == metric }) {
            counts[index].1 += added
        } else {
            counts.append((metric, added))
        }
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
