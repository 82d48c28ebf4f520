import Testing
@testable import TTAMonitorCore

/// The arithmetic under the rules: trend lines, robust baselines, fingerprints, `for:`.
@Suite struct AlertMathTests {
    @Test func leastSquaresFindsAKnownCrossing() throws {
        // y = 20 + 0.5 per minute, with symmetric noise that cancels out.
        let samples = (0..<60).map { index in
            MetricSeries.Sample(ts: Int64(index) * 60_000, value: 20 + 0.5 * Double(index) + (index % 2 == 0 ? 0.25 : -0.25))
        }
        let trend = try #require(LinearTrend(samples))
        #expect(abs(trend.slope * 60_000 - 0.5) < 0.001)
        let crossing = try #require(trend.time(reaching: 80))
        #expect(abs(crossing - 120 * 60_000) < 60_000)
        #expect(LinearTrend([MetricSeries.Sample(ts: 5, value: 1), MetricSeries.Sample(ts: 5, value: 2)]) == nil)
        let flat = try #require(LinearTrend([MetricSeries.Sample(ts: 0, value: 3), MetricSeries.Sample(ts: 10, value: 3)]))
        #expect(flat.time(reaching: 4) == nil)
    }

    @Test func medianAndMADIgnoreOutliers() throws {
        let baseline = try #require(RobustBaseline([10, 11, 9, 10, 12, 8, 10, 1_000]))
        #expect(baseline.median == 10 && baseline.mad == 1)
        #expect(abs(baseline.limit(k: 5) - (10 + 5 * 1.4826)) < 1e-9)
        // A perfectly steady series still has a floor of 1 % of its median.
        #expect(try #require(RobustBaseline([200, 200, 200])).limit(k: 5) == 210)
        #expect(RobustBaseline([]) == nil)
    }

    @Test func fingerprintsAreStableAndDistinct() {
        let one = AlertFingerprint.of(rule: "down", check: "redis", labels: [("b", "2"), ("a", "1")])
        #expect(one == AlertFingerprint.of(rule: "down", check: "redis", labels: [("a", "1"), ("b", "2")]))
        #expect(one.count == 16 && one.allSatisfy(\.isHexDigit))
        #expect(one != AlertFingerprint.of(rule: "down", check: "player-api", labels: [("a", "1"), ("b", "2")]))
        #expect(AlertFingerprint.of(rule: "ab", check: "c", labels: []) != AlertFingerprint.of(rule: "a", check: "bc", labels: []))
        // FNV-1a 64 of the bytes "a", NUL (rule "a", no check, no labels), computed independently.
        #expect(AlertFingerprint.of(rule: "a", check: nil, labels: []) == "089be207b544f1e4")
    }

    @Test func holdsParseAndJudge() {
        #expect(AlertHold.parse("3 checks") == .checks(3) && AlertHold.parse("1 check") == .checks(1))
        #expect(AlertHold.parse("5m") == .duration(.seconds(300)) && AlertHold.parse("three checks") == nil)
        #expect(AlertHold.checks(3).judge(streak: [30, 20], now: 40).state == .pending)
        #expect(AlertHold.checks(3).judge(streak: [30, 20, 10], now: 40) == (.firing, 10))
        #expect(AlertHold.duration(.milliseconds(25)).judge(streak: [30, 20], now: 40).state == .pending)
        #expect(AlertHold.duration(.milliseconds(20)).judge(streak: [30, 20], now: 40).state == .firing)
        #expect(AlertHold.checks(1).judge(streak: [], now: 40).state == .inactive)
    }
}
