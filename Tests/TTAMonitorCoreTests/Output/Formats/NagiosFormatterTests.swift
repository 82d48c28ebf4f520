import Testing
@testable import TTAMonitorCore

/// The monitoring-plugins grammar: status line, perfdata, long output, worst first.
@Suite struct NagiosFormatterTests {
    @Test func mixedRunNamesTheFailingChecksWorstFirstWithPerfdata() {
        let report = ReportFixtures.mixed()
        #expect(NagiosFormatter.render(report) == """
            TTA-MONITOR CRITICAL - 3 of 4 checks failing: player-api, plugin, slow-api \
            | 'redis_latency'=0.412ms;50;;0 'redis_used_memory'=1048576B;;;0 \
            'player-api_latency'=12.5ms;300;1000;0 'slow-api_latency'=612ms;300;1000;0
            [CRITICAL] player-api: HTTP 500 from http://127.0.0.1/health
            [UNKNOWN] plugin: plugin said: can't tell <why> & "how"
            [WARNING] slow-api: latency 612 ms (over the 300 ms warning threshold)
            [OK] redis: PONG in 0.4 ms

            """)
        #expect(report.exitCode == .critical)
    }

    @Test func allOKSaysSo() {
        #expect(NagiosFormatter.render(ReportFixtures.allOK()) == """
            TTA-MONITOR OK - 1 check OK | 'redis_latency'=0.4ms;;;0
            [OK] redis: PONG in 0.4 ms

            """)
    }

    @Test func failOnCriticalNamesTheWarningsItIgnores() {
        let warningOnly = CheckRunReport(
            results: [ReportFixtures.result("slow-api", "http", .warning, latency: 612, "slow"),
                      ReportFixtures.result("redis", "redis", .ok, latency: 1, "PONG")],
            runID: nil, startedAt: ReportFixtures.startedAt, durationMs: 1, failOn: .critical)
        let firstLine = NagiosFormatter.render(warningOnly).split(separator: "\n").first.map(String.init)
        #expect(firstLine == "TTA-MONITOR OK - 0 of 2 checks failing; 1 warning ignored (--fail-on critical): slow-api"
            + " | 'slow-api_latency'=612ms;;;0 'redis_latency'=1ms;;;0")
        #expect(warningOnly.exitCode == .ok)
        let mixed = NagiosFormatter.render(ReportFixtures.mixed(failOn: .critical))
        #expect(mixed.hasPrefix("TTA-MONITOR CRITICAL - 2 of 4 checks failing: player-api, plugin; "
            + "1 warning ignored (--fail-on critical): slow-api | "))
    }

    @Test func labelsAreQuotedWithQuotesDoubledAndNoEqualsSign() {
        let item = PerfdataItem(label: "it's a=b|c", value: 3, unit: "%", warning: "80", critical: "90", minimum: 0, maximum: 100)
        #expect(NagiosFormatter.render(item) == "'it''s a_b_c'=3%;80;90;0;100")
    }

    @Test func rangeTextCannotShiftTheFields() {
        let item = PerfdataItem(label: "x", value: 1, warning: "10; 20|", critical: "@5:9")
        #expect(NagiosFormatter.render(item) == "'x'=1;1020;@5:9")
    }

    @Test func numbersNeverUseExponentNotation() {
        #expect(NagiosFormatter.render(PerfdataItem(label: "tiny", value: 1e-7, unit: "s")) == "'tiny'=0.0000001s")
        #expect(NagiosFormatter.render(PerfdataItem(label: "huge", value: 1.5e16, unit: "B")) == "'huge'=15000000000000000B")
    }

    @Test func lowerIsWorseThresholdsUseTheOpenEndedRange() {
        let levels = NagiosFormatter.levels(Thresholds(warning: 30, critical: 7, lowerIsWorse: true))
        #expect(levels.warning == "30:" && levels.critical == "7:")
    }

    @Test func messagesCannotStartPerfdataOrAnotherLine() {
        let report = ReportFixtures.single(ReportFixtures.result("api", "http", .critical, latency: nil,
                                                                 "expected a|b\ngot c"))
        #expect(NagiosFormatter.render(report) == """
            TTA-MONITOR CRITICAL - 1 of 1 check failing: api
            [CRITICAL] api: expected a/b got c

            """)
    }
}
