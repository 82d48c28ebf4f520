/// Parses the OpenMetrics 1.0 text format strictly, as its specification and reference parser
/// (`prometheus_client`'s `openmetrics.parser`) read it.
///
/// Unlike the 0.0.4 text, nothing is tolerated: no blank or free comment line, exactly one
/// space between tokens, no trailing blank, a label set without blanks or trailing comma, the
/// page closed by `# EOF`. A family's lines stay together, its metadata comes first and once,
/// and each family is held to the rules of its type (`OpenMetricsFamilyRules`) before the
/// next begins, so a page that breaks them is refused with the line rather than judged.
/// Timestamps are seconds; one beyond the store's millisecond range is read (its order is
/// still checked) and the sample keeps the scrape time.
enum OpenMetricsTextParser {
    /// Parses `bytes`; every error names its line.
    static func parse(_ bytes: [UInt8]) throws(PrometheusParseError) -> PrometheusExposition {
        var builder = OpenMetricsFamilyBuilder()
        var sawEOF = false
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            lineNumber += 1
            var scanner = PrometheusLineScanner(bytes: bytes, start: start, end: end, line: lineNumber)
            start = end + 1
            if sawEOF { throw scanner.failure("content after # EOF") }
            if scanner.atEnd { throw scanner.failure("blank line (OpenMetrics allows none)") }
            if scanner.consume(UInt8(ascii: "#")) {
                sawEOF = try OpenMetricsMetadataLine.read(&scanner, into: &builder)
            } else {
                let line = try OpenMetricsSampleLine(&scanner)
                try builder.add(line, at: lineNumber)
            }
        }
        guard sawEOF else {
            throw PrometheusParseError(line: max(lineNumber, 1), message: "the page does not end with '# EOF'")
        }
        try builder.finish()
        return PrometheusExposition(families: builder.families, isOpenMetrics: true)
    }
}
