import Testing
@testable import TTAMonitorCore

/// Pages that would change what a rule judges or the store keeps are refused in OpenMetrics,
/// each with the line at fault; the 0.0.4 text stays as lenient as Prometheus reads it.
@Suite struct OpenMetricsRulesTests {
    private func parse(_ text: String) throws(PrometheusParseError) -> PrometheusExposition {
        try PrometheusTextParser.parse(Array(text.utf8), openMetrics: true)
    }

    @Test(arguments: [
        ("a{a=\"1\"} 1\na{a=\"1\"} 2\na{a=\"1\"} 3\n", 2, "duplicate series a{a=\"1\"} (a series may repeat only with timestamps)"),
        ("a{x=\"1\"} 1 1\na{x=\"2\"} 1 1\na{x=\"1\"} 2 2\n", 3, "a{x=\"1\"} appears again after other series"),
        ("a 1 2\na 1 1\n", 2, "the timestamps of a go backwards"),
        ("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_count 1\nh_sum 1\n", 2, "h has no le=\"+Inf\" bucket"),
        ("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_count 3\nh_sum 1\n", 3, "h_count is 3, not the +Inf bucket's 2"),
        ("# TYPE h histogram\nh_bucket{le=\"2\"} 0\nh_bucket{le=\"1\"} 0\nh_bucket{le=\"+Inf\"} 0\n", 3,
         "the buckets of h are out of order at le=\"1\""),
        ("# TYPE h histogram\nh_bucket 0\n", 2, "h_bucket has no 'le' label"),
        ("# TYPE c counter\nc_total NaN\n", 2, "c_total is NaN (counts and sums never are)"),
        ("# TYPE c counter\nc_total -1\n", 2, "c_total is negative (counts and sums never are)"),
        ("# TYPE s summary\ns 1\n", 2, "s has no 'quantile' label"),
        ("# TYPE s summary\ns_count NaN\n", 2, "s_count is NaN (counts and sums never are)"),
        ("# TYPE i info\ni_info{v=\"1\"} 2\n", 2, "info i_info is 2 (always 1)"),
        ("# TYPE s stateset\ns{s=\"on\"} 2\n", 2, "stateset s is 2 (0 or 1)"),
        ("# TYPE g gauge\ng 1 # {a=\"b\"} 1\n", 2, "an exemplar on 'g' (only counter totals and buckets carry one)"),
        ("# TYPE c counter\nc_total 1 # {a=\"b\"} 1 NaN\n", 2, "invalid exemplar timestamp 'NaN' for 'c_total'"),
        ("# TYPE g gauge\ng 1\n# TYPE g gauge\n", 3, "TYPE line for 'g' after its samples"),
        ("# TYPE g gauge\n# TYPE g counter\n", 2, "second TYPE line for 'g'"),
        ("# TYPE c counter\nc_total 1\n# TYPE c_total gauge\n", 3, "'c_total' clashes with family 'c', which owns that name"),
        ("a 1\nb 1\na 2\n", 3, "'a' appears again after other families (OpenMetrics keeps a family's lines together)"),
        ("a 1\n\n", 2, "blank line (OpenMetrics allows none)"),
        ("a  1\n", 1, "invalid value '' for 'a'"),
    ])
    func aPageThatWouldMisleadARuleIsRefusedAtItsLine(text: String, line: Int, message: String) {
        #expect(throws: PrometheusParseError(line: line, message: message)) {
            try parse(text + "# EOF\n")
        }
    }

    @Test func aRepeatAtTheSameMillisecondKeepsTheFirstSample() throws {
        let page = try parse("a 1 0\na 2 0.0001\na 3 1\n# EOF\n")
        #expect(page.families.first?.samples.map(\.value) == [1, 3])
    }

    @Test func aTimestampBeyondTheStoresRangeLeavesTheSampleToTheScrapeTime() throws {
        let page = try parse("a 1 12345678901234567890.5\n# EOF\n")
        #expect(page.families.first?.samples.first?.timestampMs == nil)
    }

    @Test func theTextFormatStaysAsLenientAsPrometheus() throws {
        // Duplicates, a histogram without +Inf, NaN counters, blanks and a trailing comma all
        // still parse in 0.0.4: real exporters write such pages and Prometheus reads them.
        let text = "# TYPE h histogram\nh_bucket{le=\"1\" , } 1\nh_bucket{le=\"1\"} 2\n\nc_total NaN\n"
        let page = try PrometheusTextParser.parse(Array(text.utf8), openMetrics: false)
        #expect(page.sampleCount == 3)
    }
}
