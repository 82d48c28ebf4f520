import Testing
@testable import TTAMonitorCore

/// TAP version 14: a plan, one test point per check, YAML diagnostics.
@Suite struct TAPFormatterTests {
    @Test func mixedRunIsOneTestPointPerCheck() {
        #expect(TAPFormatter.render(ReportFixtures.mixed()) == """
            TAP version 14
            1..4
            ok 1 - redis
              ---
              status: OK
              kind: redis
              message: "PONG in 0.4 ms"
              latency_ms: 0.412
              ...
            not ok 2 - player-api
              ---
              status: CRITICAL
              kind: http
              message: "HTTP 500 from http://127.0.0.1/health"
              latency_ms: 12.5
              ...
            not ok 3 - slow-api
              ---
              status: WARNING
              kind: http
              message: "latency 612 ms (over the 300 ms warning threshold)"
              latency_ms: 612
              ...
            not ok 4 - plugin
              ---
              status: UNKNOWN
              kind: command
              message: "plugin said: can't tell <why> & \\"how\\""
              ...

            """)
    }

    @Test func warningIsATodoUnderFailOnCritical() {
        let tap = TAPFormatter.render(ReportFixtures.mixed(failOn: .critical))
        #expect(tap.contains("\nnot ok 3 - slow-api # TODO WARNING: latency 612 ms (over the 300 ms warning threshold)\n"))
        #expect(tap.contains("\nnot ok 2 - player-api\n"))
        #expect(tap.contains("\nnot ok 4 - plugin\n"))
    }

    @Test func hashInANameCannotBecomeADirective() {
        #expect(TAPFormatter.description(#"api # SKIP \ now"#) == ##"api \# SKIP \\ now"##)
    }

    @Test func messagesStayOnTheirYAMLLine() {
        #expect(TAPFormatter.yamlString("line one\nline \"two\"\u{7}\u{1B}") == ##""line one\nline \"two\"""##)
    }
}
