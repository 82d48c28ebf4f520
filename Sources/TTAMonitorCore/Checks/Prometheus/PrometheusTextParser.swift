/// Parses metrics pages in the Prometheus text format 0.0.4, as exporters serve them, and
/// the OpenMetrics 1.0 text format (recognised by its closing `# EOF` line).
///
/// One pass over the bytes, line by line; work and memory grow linearly with the input, and
/// any input either parses or throws an error naming its line. Tolerated beyond the strict
/// grammar, as Prometheus's own parser tolerates them: blanks before a line, between tokens
/// and inside label sets, none between `}` and the value, a trailing comma in a label set,
/// `\r\n` line ends, `#HELP` without a blank, a type name in capitals, a family interrupted
/// by another. OpenMetrics timestamps (seconds) become milliseconds; exemplars (`# {…} 1.0`)
/// are skipped. Not supported: the quoted UTF-8 metric names of format 1.0.0
/// (`{"my.metric"}`), which servers only send when asked for them.
public enum PrometheusTextParser {
    /// Parses a page given as text.
    public static func parse(_ text: String) throws(PrometheusParseError) -> PrometheusExposition {
        try parse(Array(text.utf8))
    }

    /// Parses a page given as the raw bytes of an HTTP body. Invalid UTF-8 in help texts and
    /// label values is replaced (U+FFFD) rather than refused.
    public static func parse(_ bytes: [UInt8]) throws(PrometheusParseError) -> PrometheusExposition {
        try parse(bytes, openMetrics: endsWithEOF(bytes))
    }

    /// Parses a page in the format already decided (by the response's `Content-Type` or the
    /// check's `format:`): OpenMetrics must end with `# EOF` and follow that grammar strictly.
    public static func parse(_ bytes: [UInt8], openMetrics: Bool) throws(PrometheusParseError) -> PrometheusExposition {
        if openMetrics { return try OpenMetricsTextParser.parse(bytes) }
        // The 0.0.4 text from here on: OpenMetrics has its own strict parser.
        var table = PrometheusFamilyTable()
        var sawEOF = false
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            lineNumber += 1
            let contentEnd = end > start && bytes[end - 1] == 13 ? end - 1 : end
            var scanner = PrometheusLineScanner(bytes: bytes, start: start, end: contentEnd, line: lineNumber)
            start = end + 1
            scanner.skipBlanks()
            if scanner.atEnd { continue }
            if sawEOF { throw scanner.failure("content after # EOF") }
            if scanner.consume(UInt8(ascii: "#")) {
                sawEOF = try comment(&scanner, into: &table)
            } else {
                table.append(try sample(&scanner))
            }
        }
        return PrometheusExposition(families: table.families, isOpenMetrics: false)
    }

    /// Handles a line after its `#`: HELP, TYPE, UNIT or EOF; other comments are ignored.
    /// Returns whether the line was `# EOF`.
    private static func comment(_ scanner: inout PrometheusLineScanner,
                                into table: inout PrometheusFamilyTable) throws(PrometheusParseError) -> Bool {
        scanner.skipBlanks()
        let keyword = scanner.token()
        switch String(decoding: keyword, as: UTF8.self) {
        case "HELP":
            let name = try declaredName(&scanner, keyword: "HELP")
            table.declareHelp(scanner.skipBlanks() ? scanner.helpText(openMetrics: false) : "", of: name)
        case "TYPE":
            let name = try declaredName(&scanner, keyword: "TYPE")
            scanner.skipBlanks()
            let word = scanner.token()
            guard !word.isEmpty else { throw scanner.failure("TYPE line for '\(name)' without a type") }
            let text = String(decoding: word.map { $0 | 0x20 }, as: UTF8.self)
            guard let type = PrometheusMetricType(rawValue: text) else {
                throw scanner.failure("unknown metric type '\(PrometheusLineScanner.excerpt(word))' for '\(name)'")
            }
            scanner.skipBlanks()
            guard scanner.atEnd else { throw scanner.failure("unexpected text after the type of '\(name)'") }
            try table.declareType(type, of: name, line: scanner.line)
        case "UNIT":
            let name = try declaredName(&scanner, keyword: "UNIT")
            scanner.skipBlanks()
            table.declareUnit(String(decoding: scanner.token(), as: UTF8.self), of: name)
        case "EOF":
            scanner.skipBlanks()
            return scanner.atEnd
        default:
            break
        }
        return false
    }

    /// The metric name a HELP, TYPE or UNIT line is about.
    private static func declaredName(_ scanner: inout PrometheusLineScanner,
                                     keyword: String) throws(PrometheusParseError) -> String {
        guard scanner.skipBlanks(), !scanner.atEnd else {
            throw scanner.failure("\(keyword) line without a metric name")
        }
        guard let name = scanner.metricName() else {
            throw scanner.failure("invalid metric name '\(PrometheusLineScanner.excerpt(scanner.token()))' in \(keyword) line")
        }
        guard scanner.atEnd || PrometheusLineScanner.isBlank(scanner.peek ?? 0) else {
            throw scanner.failure("invalid character \(scanner.describeNext()) in metric name '\(name)'")
        }
        return name
    }

    /// `name{labels} value [timestamp]`, the timestamp in milliseconds.
    private static func sample(_ scanner: inout PrometheusLineScanner) throws(PrometheusParseError) -> PrometheusSample {
        guard let name = scanner.metricName() else {
            throw scanner.failure("expected a metric name, found \(scanner.describeNext())")
        }
        let blankAfterName = scanner.skipBlanks()
        var labels: [(String, String)] = []
        if scanner.consume(UInt8(ascii: "{")) {
            labels = try scanner.labelSet()
            try checkUniqueNames(labels, scanner: scanner)
            scanner.skipBlanks()
        } else if !blankAfterName && !scanner.atEnd {
            throw scanner.failure("invalid character \(scanner.describeNext()) in metric name '\(name)'")
        }
        guard !scanner.atEnd else { throw scanner.failure("missing value for '\(name)'") }
        let valueToken = scanner.token()
        guard let value = PrometheusNumber.value(valueToken) else {
            throw scanner.failure("invalid value '\(PrometheusLineScanner.excerpt(valueToken))' for '\(name)'")
        }
        var timestamp: Int64?
        scanner.skipBlanks()
        if !scanner.atEnd {
            let token = scanner.token()
            timestamp = PrometheusNumber.milliseconds(token)
            guard timestamp != nil else {
                throw scanner.failure("invalid timestamp '\(PrometheusLineScanner.excerpt(token))' for '\(name)'")
            }
            scanner.skipBlanks()
        }
        guard scanner.atEnd else {
            throw scanner.failure("unexpected text after the \(timestamp == nil ? "value" : "timestamp") of '\(name)'")
        }
        return PrometheusSample(name: name, labels: labels, value: value, timestampMs: timestamp)
    }

    /// Sorting keeps a label set of any size to n log n work.
    static func checkUniqueNames(_ labels: [(String, String)],
                                         scanner: PrometheusLineScanner) throws(PrometheusParseError) {
        guard labels.count > 1 else { return }
        let names = labels.map(\.0).sorted()
        for index in 1..<names.count where names[index] == names[index - 1] {
            throw scanner.failure("duplicate label '\(names[index])'")
        }
    }

    /// Whether the last non-blank line is `# EOF`, the mark of OpenMetrics text. Known before
    /// the first line is read, because the two formats write timestamps differently.
    static func endsWithEOF(_ bytes: [UInt8]) -> Bool {
        var end = bytes.count
        while end > 0, [9, 10, 13, 32].contains(bytes[end - 1]) { end -= 1 }
        let marker = Array("# EOF".utf8)
        guard end >= marker.count, Array(bytes[(end - marker.count)..<end]) == marker else { return false }
        let lineStart = end - marker.count
        return lineStart == 0 || bytes[lineStart - 1] == 10
    }
}
