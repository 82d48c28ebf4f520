/// One series rule of a `prometheus` check: which samples to keep and how to judge them.
public struct PrometheusSeriesRule: Sendable, Equatable {
    /// Metric name (`tta_system_cpu_usage_percent`).
    public var metric: String
    /// Label equality matchers; a sample must carry each with that value.
    public var labels: [String: String] = [:]
    /// Thresholds applied to every matching sample; nil only stores them.
    public var thresholds: Thresholds?
    /// Whether a scrape without any matching sample is a problem (WARNING).
    public var required: Bool = true
    /// Creates a rule.
    public init(metric: String) { self.metric = metric }

    /// One entry of `series`, read with its labels, direction and levels.
    static func decode(_ entry: inout MappingReader, at item: YAMLNode, document: ConfigDocument) throws(ConfigError) -> PrometheusSeriesRule {
        guard let metricNode = entry.node("metric") else {
            throw document.error("'\(entry.path)' needs a 'metric'", at: item.location)
        }
        let metric = try entry.string(metricNode, path: entry.keyPath("metric"))
        guard PrometheusNames.isValidMetricName(metric) else {
            throw entry.error("'\(metric)' is not a valid Prometheus metric name", at: metricNode)
        }
        var rule = PrometheusSeriesRule(metric: metric)
        if var labels = try entry.mapping("labels") {
            for pair in labels.node.mappingPairs ?? [] {
                guard let key = pair.key.scalar?.text else { continue }
                labels.accept([key])
                rule.labels[key] = try labels.string(pair.value, path: labels.keyPath(key))
            }
        }
        let below = (try entry.string("direction")).map { $0 == "below" } ?? false
        var thresholds = Thresholds(lowerIsWorse: below)
        thresholds.warning = try entry.number("warning")
        thresholds.critical = try entry.number("critical")
        if thresholds.warning != nil || thresholds.critical != nil {
            try entry.checkOrder(thresholds)
            rule.thresholds = thresholds
        }
        rule.required = try entry.bool("required") ?? true
        try entry.finish()
        return rule
    }

    /// The rule as `config show` prints it.
    var effectiveJSON: JSONValue {
        var entry: [(String, JSONValue)] = [("metric", .string(metric))]
        if !labels.isEmpty { entry.append(("labels", .object(labels.keys.sorted().map { ($0, .string(labels[$0]!)) }))) }
        if let thresholds {
            entry.append(("direction", .string(thresholds.lowerIsWorse ? "below" : "above")))
            if let warning = thresholds.warning { entry.append(("warning", .double(warning))) }
            if let critical = thresholds.critical { entry.append(("critical", .double(critical))) }
        }
        entry.append(("required", .bool(required)))
        return .object(entry)
    }
}
