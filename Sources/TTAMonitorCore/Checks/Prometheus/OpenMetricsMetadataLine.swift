/// Reads an OpenMetrics line that starts with `#`: `# HELP`, `# TYPE`, `# UNIT` or `# EOF`,
/// each with single spaces. OpenMetrics has no free comments, so anything else is an error.
enum OpenMetricsMetadataLine {
    /// Reads the line after its `#` into `builder`; returns whether it was `# EOF`.
    static func read(_ scanner: inout PrometheusLineScanner,
                     into builder: inout OpenMetricsFamilyBuilder) throws(PrometheusParseError) -> Bool {
        guard scanner.consume(0x20) else {
            throw scanner.failure("expected '# HELP', '# TYPE', '# UNIT' or '# EOF' (OpenMetrics has no other comments)")
        }
        let keyword = String(decoding: scanner.token(), as: UTF8.self)
        if keyword == "EOF" {
            guard scanner.atEnd else { throw scanner.failure("unexpected text after # EOF") }
            return true
        }
        guard ["HELP", "TYPE", "UNIT"].contains(keyword) else {
            throw scanner.failure("unknown metadata '# \(PrometheusLineScanner.excerpt(Array(keyword.utf8)[...]))' (OpenMetrics has no other comments)")
        }
        guard scanner.consume(0x20), let name = scanner.metricName() else {
            throw scanner.failure("\(keyword) line without a metric name")
        }
        guard scanner.consume(0x20) else {
            throw scanner.atEnd ? scanner.failure("\(keyword) line for '\(name)' ends after the name")
                : scanner.failure("invalid character \(scanner.describeNext()) after '\(name)' in \(keyword) line")
        }
        switch keyword {
        case "HELP":
            try builder.declare(.help(scanner.helpText(openMetrics: true)), of: name, at: scanner.line)
        case "TYPE":
            let word = scanner.token()
            guard scanner.atEnd, let type = PrometheusMetricType(rawValue: String(decoding: word, as: UTF8.self)),
                  type != .untyped else {
                throw scanner.failure("unknown metric type '\(PrometheusLineScanner.excerpt(word))' for '\(name)'"
                    + " (OpenMetrics: counter, gauge, histogram, gaugehistogram, summary, info, stateset, unknown)")
            }
            try builder.declare(.type(type), of: name, at: scanner.line)
        default:
            let unit = String(decoding: scanner.token(), as: UTF8.self)
            guard scanner.atEnd else { throw scanner.failure("unexpected text after the unit of '\(name)'") }
            guard unit.isEmpty || name.hasSuffix("_" + unit) else {
                throw scanner.failure("unit '\(unit)' is not the suffix of '\(name)'")
            }
            try builder.declare(.unit(unit), of: name, at: scanner.line)
        }
        return false
    }
}
