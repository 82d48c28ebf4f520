/// Reading helpers the rule kinds share: required numbers, metric names, positive durations.
extension MappingReader {
    /// A number that must be there.
    mutating func requiredNumber(_ key: String, kind: String, range: ClosedRange<Double>? = nil) throws(ConfigError) -> Double {
        guard let node = node(key) else {
            throw missingKeyError([key], "missing required key '\(key)' in '\(path)' (a \(kind) rule needs it)")
        }
        let value = try number(node, path: keyPath(key))
        if let range, !range.contains(value) {
            throw error("'\(keyPath(key))' must be between \(JSONWriter.format(range.lowerBound)) and \(JSONWriter.format(range.upperBound)), got \(JSONWriter.format(value))", at: node)
        }
        return value
    }

    /// A metric name (`latency_ms`, a details key, a scraped series); `fallback` when absent.
    mutating func metric(kind: String, default fallback: String? = nil) throws(ConfigError) -> String {
        guard let node = node("metric") else {
            if let fallback { return fallback }
            throw missingKeyError(["metric"], "missing required key 'metric' in '\(path)' (a \(kind) rule needs it, e.g. latency_ms)")
        }
        let name = try string(node, path: keyPath("metric"))
        guard MetricSeries.isValidName(name) else {
            throw error("'\(keyPath("metric"))' must be a metric name of letters, digits, '_' and '.', got '\(name)'", at: node)
        }
        return name
    }

    /// A duration longer than zero; `fallback` when absent.
    mutating func positiveDuration(_ key: String, default fallback: Duration?) throws(ConfigError) -> Duration? {
        guard let node = node(key) else { return fallback }
        let value = try duration(node, path: keyPath(key))
        guard value > .zero else { throw error("'\(keyPath(key))' must be longer than zero", at: node) }
        return value
    }
}

/// How rules print numbers in summaries: at most two decimals, no trailing zeros.
enum AlertNumber {
    /// `12.5`, `99.95`, `3`.
    static func text(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        var text = Timestamps.formatFixed(value, digits: 2)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// `3h 20m`, `45s`, `2d 4h`: a span for people.
    static func span(milliseconds: Int64) -> String {
        let seconds = max(0, milliseconds / 1_000)
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3_600 { return "\(seconds / 60)m" + (seconds % 60 == 0 ? "" : " \(seconds % 60)s") }
        if seconds < 86_400 { return "\(seconds / 3_600)h" + (seconds % 3_600 / 60 == 0 ? "" : " \(seconds % 3_600 / 60)m") }
        return "\(seconds / 86_400)d" + (seconds % 86_400 / 3_600 == 0 ? "" : " \(seconds % 86_400 / 3_600)h")
    }
}
