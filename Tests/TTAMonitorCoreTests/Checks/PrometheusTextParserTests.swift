import Testing
@testable import TTAMonitorCore

@Suite struct PrometheusTextParserTests {
    private func parse(_ text: String) throws -> PrometheusExposition {
        try PrometheusTextParser.parse(text)
    }

    @Test func gaugesAndCountersGroupUnderTheirFamilies() throws {
        let page = try parse(PrometheusFixtures.tta)
        #expect(!page.isOpenMetrics)
        #expect(page.families.map(\.name) == ["tta_system_cpu_usage_percent", "tta_agent_workers_available", "tta_agent_tasks_total"])
        let cpu = try #require(page.family(named: "tta_system_cpu_usage_percent"))
        #expect(cpu.type == .gauge)
        #expect(cpu.help == "System CPU usage in percent, per host.")
        #expect(cpu.samples == [
            PrometheusSample(name: "tta_system_cpu_usage_percent", labels: [("host", "a")], value: 93.1),
            PrometheusSample(name: "tta_system_cpu_usage_percent", labels: [("host", "b")], value: 12.5),
            PrometheusSample(name: "tta_system_cpu_usage_percent", labels: [("host", "c")], value: 85),
        ])
        let tasks = try #require(page.family(named: "tta_agent_tasks_total"))
        #expect(tasks.type == .counter)
        #expect(tasks.samples.map { $0.label("outcome") } == ["ok", "error", "ok"])
        #expect(page.sampleCount == 7)
    }

    @Test func documentationExampleParsesCompletely() throws {
        let page = try parse(PrometheusFixtures.documentation)
        #expect(page.families.map(\.name) == [
            "http_requests_total", "msdos_file_access_time_seconds", "metric_without_timestamp_and_labels",
            "something_weird", "http_request_duration_seconds", "rpc_duration_seconds",
        ])
        #expect(page.families.map(\.type) == [.counter, .untyped, .untyped, .untyped, .histogram, .summary])
        let requests = try #require(page.family(named: "http_requests_total"))
        #expect(requests.samples[1] == PrometheusSample(name: "http_requests_total", labels: [("method", "post"), ("code", "400")],
                                                         value: 3, timestampMs: 1_395_066_363_000))
        let weird = try #require(page.family(named: "something_weird")?.samples.first)
        #expect(weird.value == .infinity)
        #expect(weird.timestampMs == -3_982_045)
        let msdos = try #require(page.family(named: "msdos_file_access_time_seconds")?.samples.first)
        #expect(msdos.label("path") == #"C:\DIR\FILE.TXT"#)
        #expect(msdos.label("error") == "Cannot find file:\n\"FILE.TXT\"")
        #expect(msdos.value == 1_458_255_915)
    }

    @Test func histogramAndSummarySamplesJoinTheirFamily() throws {
        let page = try parse(PrometheusFixtures.documentation)
        let histogram = try #require(page.family(named: "http_request_duration_seconds"))
        #expect(histogram.samples.map(\.name) == Array(repeating: "http_request_duration_seconds_bucket", count: 6)
            + ["http_request_duration_seconds_sum", "http_request_duration_seconds_count"])
        #expect(histogram.samples.compactMap { $0.label("le") } == ["0.05", "0.1", "0.2", "0.5", "1", "+Inf"])
        #expect(histogram.samples.last?.value == 144_320)
        let summary = try #require(page.family(named: "rpc_duration_seconds"))
        #expect(summary.samples.compactMap { $0.label("quantile") } == ["0.01", "0.05", "0.5", "0.9", "0.99"])
        #expect(summary.samples.map(\.name).suffix(2) == ["rpc_duration_seconds_sum", "rpc_duration_seconds_count"])
        #expect(summary.samples.first { $0.name == "rpc_duration_seconds_sum" }?.value == 17_560_473)
        #expect(page.samples(named: "rpc_duration_seconds_count").map(\.value) == [2693])
    }

    @Test func helpAndLabelEscapesResolve() throws {
        let page = try parse(#"""
            # HELP escaped A backslash \\ a newline \n and a stray \q kept as written.
            # TYPE escaped gauge
            escaped{path="C:\\dir\\",quote="say \"hi\"",lines="one\ntwo",plain="ünïcödé ✓"} 1

            """#)
        let family = try #require(page.family(named: "escaped"))
        #expect(family.help == "A backslash \\ a newline \n and a stray \\q kept as written.")
        let sample = try #require(family.samples.first)
        #expect(sample.label("path") == #"C:\dir\"#)
        #expect(sample.label("quote") == #"say "hi""#)
        #expect(sample.label("lines") == "one\ntwo")
        #expect(sample.label("plain") == "ünïcödé ✓")
    }

    @Test(arguments: [
        ("NaN", Double.nan), ("nan", .nan), ("+Inf", .infinity), ("-Inf", -.infinity), ("Inf", .infinity),
        ("inf", .infinity), ("+infinity", .infinity), ("0", 0), ("-0.5", -0.5), (".5", 0.5), ("1.", 1),
        ("1.445425e+06", 1_445_425), ("1E3", 1000), ("-2.5e-3", -0.0025), ("+7", 7),
        ("18446744073709551616", 18_446_744_073_709_551_616), ("1.8446744073709552e+19", 1.8446744073709552e19),
        ("123456789012345678901234567890", 1.2345678901234568e29), ("1e400", .infinity),
    ])
    func valuesInEveryWrittenForm(text: String, expected: Double) throws {
        let value = try #require(try parse("m \(text)\n").families.first?.samples.first?.value)
        #expect(value == expected || (value.isNaN && expected.isNaN), "\(text) → \(value)")
    }

    @Test func timestampsAreMillisecondsAndMayBeNegative() throws {
        let page = try parse("a 1 1700000000123\nb 1 -1\nc 1 9223372036854775807\nd 1 -9223372036854775808\ne 1\n")
        #expect(page.families.map { $0.samples[0].timestampMs } == [1_700_000_000_123, -1, .max, .min, nil])
        #expect(page.families[0].samples[0].metricSample(scrapedAtMs: 5).timestampMs == 1_700_000_000_123)
        #expect(page.families[4].samples[0].metricSample(scrapedAtMs: 5).timestampMs == 5)
    }

    @Test func whitespaceRulesAreThoseOfRealParsers() throws {
        let text = "\n  \t\n   spaced   {  b = \"2\" ,\ta=\"1\" ,  } \t 4.5  \t 17  \r\n"
            + "tight{a=\"1\"}6\r\n" + "empty{} 7\n" + "#\n" + "# just a comment\n" + "#HELP glued Glued help.\n"
            + "# TYPE glued COUNTER\n" + "glued 1"
        let page = try parse(text)
        #expect(page.families.map(\.name) == ["spaced", "tight", "empty", "glued"])
        #expect(page.families[0].samples == [PrometheusSample(name: "spaced", labels: [("b", "2"), ("a", "1")], value: 4.5, timestampMs: 17)])
        #expect(page.families[1].samples.first?.value == 6)
        #expect(page.families[2].samples.first?.labels.isEmpty == true)
        #expect(page.families[3].help == "Glued help.")
        #expect(page.families[3].type == .counter)
        #expect(page.families[3].samples.first?.value == 1)
    }

    @Test func emptyAndCommentOnlyPagesHaveNoFamilies() throws {
        #expect(try parse("").families.isEmpty)
        #expect(try parse("\n\n# nothing here\n").families.isEmpty)
    }

    @Test func declaredButEmptyFamiliesAreKept() throws {
        let page = try parse("# HELP idle Nothing yet.\n# TYPE idle counter\n")
        #expect(page.families == [PrometheusFamily(name: "idle", type: .counter, help: "Nothing yet.")])
        #expect(page.sampleCount == 0)
    }

    @Test func interruptedFamiliesContinueWhereTheyLeftOff() throws {
        let page = try parse("# TYPE a gauge\na{x=\"1\"} 1\n# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nb 2\na{x=\"2\"} 3\nh_count 1\n")
        #expect(page.families.map(\.name) == ["a", "h", "b"])
        #expect(page.family(named: "a")?.samples.map(\.value) == [1, 3])
        #expect(page.family(named: "h")?.samples.map(\.name) == ["h_bucket", "h_count"])
    }

    @Test func undeclaredSuffixedSamplesAreTheirOwnFamilies() throws {
        let page = try parse("x_count 1\nx_sum 2\n# TYPE y gauge\ny_total 3\n")
        #expect(page.families.map(\.name) == ["x_count", "x_sum", "y", "y_total"])
        #expect(page.families.map(\.type) == [.untyped, .untyped, .gauge, .untyped])
    }

    @Test func openMetricsTextIsRecognisedByItsEOF() throws {
        let page = try parse(PrometheusFixtures.openMetrics)
        #expect(page.isOpenMetrics)
        #expect(page.families.map(\.name) == ["acme_http_router_request_seconds", "foo", "build", "feature", "queue_latency"])
        #expect(page.families.map(\.type) == [.summary, .counter, .info, .stateset, .gaugehistogram])
        let acme = try #require(page.family(named: "acme_http_router_request_seconds"))
        #expect(acme.unit == "seconds")
        #expect(acme.help == "Latency though all of ACME's HTTP request router.")
        #expect(acme.samples.map(\.name) == ["acme_http_router_request_seconds_sum", "acme_http_router_request_seconds_count",
                                             "acme_http_router_request_seconds_created"])
        let foo = try #require(page.family(named: "foo"))
        #expect(foo.help == #"Counted "things"."#)
        #expect(foo.samples == [
            PrometheusSample(name: "foo_total", value: 17, timestampMs: 1_520_879_607_789),
            PrometheusSample(name: "foo_created", value: 1_520_430_000.123),
        ])
        #expect(page.family(named: "build")?.samples.first?.name == "build_info")
        #expect(page.family(named: "feature")?.samples.count == 2)
        #expect(page.family(named: "queue_latency")?.samples.map(\.name) == ["queue_latency_bucket", "queue_latency_bucket",
                                                                            "queue_latency_gcount", "queue_latency_gsum"])
    }

    @Test func aQuoteEscapeInHelpIsOpenMetricsOnly() throws {
        #expect(try parse(#"# HELP q Say \"hi\"."#).families.first?.help == #"Say \"hi\"."#)
        #expect(try parse(#"# HELP q Say \"hi\"."# + "\n# EOF\n").families.first?.help == #"Say "hi"."#)
    }

    @Test func anUnknownEscapeKeepsItsBackslashInBothFormats() throws {
        // As Prometheus and the OpenMetrics reference parser read it (the suite's `escaping` case).
        #expect(try parse(#"foo{a="b\z"} 1"#).families.first?.samples.first?.label("a") == #"b\z"#)
        #expect(try parse(#"foo{a="b\z\f"} 1"# + "\n# EOF\n").families.first?.samples.first?.label("a") == #"b\z\f"#)
    }

    @Test func undeclaredFamiliesAreUnknownInOpenMetrics() throws {
        let page = try parse("plain 1\n# EOF\n")
        #expect(page.families.first?.type == .unknown)
    }

    @Test func exemplarsOnlyParseInOpenMetrics() throws {
        let text = "foo_total 1 # {trace_id=\"x\"} 1\n"
        #expect(try parse("# TYPE foo counter\n" + text + "# EOF").families.first?.samples.first?.value == 1)
        #expect(throws: PrometheusParseError(line: 1, message: "invalid timestamp '#' for 'foo_total'")) {
            try parse(text)
        }
    }

    @Test(arguments: [
        (#"foo{a="b} 1"#, "unterminated label value"),
        (#"foo{a="b\"} 1"#, "unterminated label value"),
        (#"foo{a="b" 1"#, "expected ',' or '}' after label 'a', found '1'"),
        (#"foo{a="b","#, "unterminated label set"),
        (#"foo{a="b""#, "unterminated label set"),
        (#"foo{,} 1"#, "expected a label name, found ','"),
        (#"foo{1a="b"} 1"#, "expected a label name, found '1'"),
        (#"foo{a"b"} 1"#, "expected '=' after label name 'a', found '\"'"),
        (#"foo{a=b} 1"#, "expected '\"' to open the value of label 'a', found 'b'"),
        (#"foo{a="1",b="2",a="3"} 1"#, "duplicate label 'a'"),
        ("foo", "missing value for 'foo'"),
        ("foo{} ", "missing value for 'foo'"),
        ("foo bar", "invalid value 'bar' for 'foo'"),
        ("foo 1e", "invalid value '1e' for 'foo'"),
        ("foo 0x10", "invalid value '0x10' for 'foo'"),
        ("foo nan(1)", "invalid value 'nan(1)' for 'foo'"),
        ("foo 1 2 3", "unexpected text after the timestamp of 'foo'"),
        ("foo 1 1.5", "invalid timestamp '1.5' for 'foo'"),
        ("foo 1 9223372036854775808", "invalid timestamp '9223372036854775808' for 'foo'"),
        ("foo-bar 1", "invalid character '-' in metric name 'foo'"),
        ("foo\u{0} 1", "invalid character byte 0x00 in metric name 'foo'"),
        ("1foo 1", "expected a metric name, found '1'"),
        (#"{__name__="foo"} 1"#, "expected a metric name, found '{'"),
        ("<html><body>Not here</body></html>", "expected a metric name, found '<'"),
        ("# TYPE foo blah", "unknown metric type 'blah' for 'foo'"),
        ("# TYPE foo", "TYPE line for 'foo' without a type"),
        ("# TYPE foo counter extra", "unexpected text after the type of 'foo'"),
        ("# TYPE", "TYPE line without a metric name"),
        ("# HELP 9x text", "invalid metric name '9x' in HELP line"),
        ("# HELP foo.bar text", "invalid character '.' in metric name 'foo'"),
        ("late 1\n# TYPE late gauge", "TYPE line for 'late' after its samples"),
        ("# TYPE twice gauge\n# TYPE twice counter", "second TYPE line for 'twice' (counter, was gauge)"),
        ("# EOF\nfoo 1", "content after # EOF"),
    ])
    func malformedLinesNameTheirLine(text: String, message: String) {
        // Four good lines first, so the reported number is the offending line's own.
        let page = "# HELP ok Fine.\n# TYPE ok gauge\nok 1\n\n" + text + "\n"
        let extraLines = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(throws: PrometheusParseError(line: 5 + extraLines, message: message)) {
            try PrometheusTextParser.parse(page)
        }
    }

    @Test func errorsReadAsLineAndMessage() {
        let error = PrometheusParseError(line: 12, message: "unterminated label value")
        #expect(error.description == "line 12: unterminated label value")
    }

    @Test func longOffendingTokensAreShortenedInMessages() throws {
        let junk = String(repeating: "z", count: 500)
        let error = try #require(throws: PrometheusParseError.self) { try parse("m \(junk)\n") }
        #expect(error.message == "invalid value '\(String(repeating: "z", count: 40))…' for 'm'")
    }

    @Test func repeatedIdenticalTypeAndHelpAreAccepted() throws {
        let page = try parse("# HELP r First.\n# TYPE r gauge\n# HELP r Second.\n# TYPE r gauge\nr 1\n")
        #expect(page.families == [PrometheusFamily(name: "r", type: .gauge, help: "First.",
                                                   samples: [PrometheusSample(name: "r", value: 1)])])
    }

    @Test func invalidUTF8IsReplacedNotRefused() throws {
        let bytes = Array("m{a=\"".utf8) + [0xFF, 0xFE] + Array("\"} 1\n".utf8)
        let page = try PrometheusTextParser.parse(bytes)
        #expect(page.families.first?.samples.first?.label("a") == "\u{FFFD}\u{FFFD}")
    }
}
