/// One OpenMetrics sample line read strictly: `name[{labels}] value [timestamp] [# {labels} value [timestamp]]`
/// with exactly one space between the parts.
struct OpenMetricsSampleLine {
    /// The sample, its timestamp in milliseconds when within the store's range.
    var sample: PrometheusSample
    /// The timestamp in seconds as written, for the order check; nil without one.
    var seconds: Double?
    /// Whether an exemplar followed (only counters' `_total` and buckets may carry one).
    var hasExemplar = false

    /// The most an exemplar's label names and values may hold together, in characters.
    static let exemplarLabelCharacters = 128

    /// Reads the line from `scanner`, which stands at its first byte.
    init(_ scanner: inout PrometheusLineScanner) throws(PrometheusParseError) {
        guard let name = scanner.metricName() else {
            throw scanner.failure("expected a metric name, found \(scanner.describeNext())")
        }
        var labels: [(String, String)] = []
        if scanner.consume(UInt8(ascii: "{")) {
            labels = try scanner.labelSet(strict: true)
            try PrometheusTextParser.checkUniqueNames(labels, scanner: scanner)
        }
        guard scanner.consume(0x20) else {
            throw scanner.atEnd ? scanner.failure("missing value for '\(name)'")
                : scanner.failure("expected ' ' before the value of '\(name)', found \(scanner.describeNext())")
        }
        let valueToken = scanner.token()
        guard let value = PrometheusNumber.value(valueToken) else {
            throw scanner.failure("invalid value '\(PrometheusLineScanner.excerpt(valueToken))' for '\(name)'")
        }
        sample = PrometheusSample(name: name, labels: labels, value: value)
        guard scanner.consume(0x20) else { try Self.requireEnd(scanner, after: "value", of: name); return }
        if !scanner.atEnd, scanner.peek != UInt8(ascii: "#") {
            let token = scanner.token()
            guard let seconds = PrometheusNumber.seconds(token) else {
                throw scanner.failure("invalid timestamp '\(PrometheusLineScanner.excerpt(token))' for '\(name)'")
            }
            self.seconds = seconds
            sample.timestampMs = PrometheusNumber.milliseconds(seconds: seconds)
            guard scanner.consume(0x20) else { try Self.requireEnd(scanner, after: "timestamp", of: name); return }
        }
        guard scanner.consume(UInt8(ascii: "#")) else {
            throw scanner.atEnd ? scanner.failure("a blank at the end of the line of '\(name)'")
                : scanner.failure("unexpected text after the value of '\(name)'")
        }
        try Self.readExemplar(&scanner, of: name)
        hasExemplar = true
    }

    private static func requireEnd(_ scanner: PrometheusLineScanner, after part: String,
                                   of name: String) throws(PrometheusParseError) {
        guard scanner.atEnd else {
            throw scanner.failure("unexpected \(scanner.describeNext()) after the \(part) of '\(name)'")
        }
    }

    /// ` {labels} value [timestamp]` after the `#`. The exemplar is checked, not kept: no rule
    /// reads it, but a malformed one means the line is not what it seems.
    private static func readExemplar(_ scanner: inout PrometheusLineScanner, of name: String) throws(PrometheusParseError) {
        guard scanner.consume(0x20), scanner.consume(UInt8(ascii: "{")) else {
            throw scanner.failure("an exemplar of '\(name)' must read ' # {labels} value'")
        }
        let labels = try scanner.labelSet(strict: true)
        try PrometheusTextParser.checkUniqueNames(labels, scanner: scanner)
        let characters = labels.reduce(0) { $0 + $1.0.unicodeScalars.count + $1.1.unicodeScalars.count }
        guard characters <= exemplarLabelCharacters else {
            throw scanner.failure("the exemplar labels of '\(name)' hold \(characters) characters, over \(exemplarLabelCharacters)")
        }
        guard scanner.consume(0x20) else { throw scanner.failure("missing exemplar value for '\(name)'") }
        let valueToken = scanner.token()
        guard PrometheusNumber.value(valueToken) != nil else {
            throw scanner.failure("invalid exemplar value '\(PrometheusLineScanner.excerpt(valueToken))' for '\(name)'")
        }
        if scanner.consume(0x20) {
            let token = scanner.token()
            guard PrometheusNumber.seconds(token) != nil else {
                throw scanner.failure("invalid exemplar timestamp '\(PrometheusLineScanner.excerpt(token))' for '\(name)'")
            }
        }
        try requireEnd(scanner, after: "exemplar", of: name)
    }
}
