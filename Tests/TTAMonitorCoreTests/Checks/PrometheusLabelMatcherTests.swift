import Testing
@testable import TTAMonitorCore

/// `le` and `quantile` match as numbers, other labels as text; a 0.0.4 series repeated at one
/// time is judged by the sample that is stored.
@Suite struct PrometheusLabelMatcherTests {
    @Test(arguments: [
        ("le", "1.0", "1", true), ("le", "1", "1e0", true), ("le", "+Inf", "+Inf", true), ("le", "+Inf", "inf", true),
        ("quantile", "0.5", "0.50", true), ("le", "1.0", "2", false), ("le", "1", "x", false),
        ("code", "200", "200.0", false), ("le", nil, "", true), ("le", nil, "0", false),
    ] as [(String, String?, String, Bool)])
    func numericLabelsCompareAsNumbers(name: String, sample: String?, wanted: String, expected: Bool) {
        #expect(PrometheusLabelMatcher.matches(name, sampleValue: sample, wanted: wanted) == expected)
    }

    @Test func aRuleOnLeSelectsTheBucketHoweverItIsSpelled() throws {
        let page = try PrometheusTextParser.parse("h_bucket{le=\"1.0\"} 7\nh_bucket{le=\"+Inf\"} 9\n")
        var rule = PrometheusSeriesRule(metric: "h_bucket")
        rule.labels = ["le": "1"]
        let verdict = PrometheusSeriesVerdict(exposition: page, rules: [rule], scrapedAtMs: 5)
        #expect(verdict.samples.map(\.value) == [7])
    }

    @Test func aRepeatedTextSeriesIsJudgedByTheSampleThatIsStored() throws {
        // The case: critical at 3 used to say CRITICAL "= 3" while storing 1.
        let page = try PrometheusTextParser.parse("a{a=\"1\"} 1\na{a=\"1\"} 2\na{a=\"1\"} 3\n")
        var rule = PrometheusSeriesRule(metric: "a")
        rule.thresholds = Thresholds(warning: nil, critical: 3, lowerIsWorse: false)
        let verdict = PrometheusSeriesVerdict(exposition: page, rules: [rule], scrapedAtMs: 5)
        #expect(verdict.status == .ok)
        #expect(verdict.samples.map(\.value) == [1])
    }
}
