import Testing
@testable import TTAMonitorCore

/// JUnit XML: one test case per check; CRITICAL fails, UNKNOWN errors, WARNING follows --fail-on.
@Suite struct JUnitFormatterTests {
    @Test func mixedRunHasOneTestCasePerCheck() {
        #expect(JUnitFormatter.render(ReportFixtures.mixed()) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="tta-monitor" tests="4" failures="2" errors="1" skipped="0" time="1.235">
              <testsuite name="tta-monitor" tests="4" failures="2" errors="1" skipped="0" time="1.235" timestamp="2026-11-18T11:06:40.250Z">
                <properties>
                  <property name="verdict" value="CRITICAL"/>
                  <property name="fail_on" value="warning"/>
                  <property name="run_id" value="42"/>
                </properties>
                <testcase classname="tta-monitor.redis" name="redis" time="0.000412">
                  <system-out>OK: PONG in 0.4 ms
            {&quot;redis_version&quot;:&quot;7.2.4&quot;}</system-out>
                </testcase>
                <testcase classname="tta-monitor.http" name="player-api" time="0.0125">
                  <failure message="HTTP 500 from http://127.0.0.1/health" type="CRITICAL">CRITICAL: HTTP 500 from http://127.0.0.1/health</failure>
                  <system-out>CRITICAL: HTTP 500 from http://127.0.0.1/health
            {&quot;http_status&quot;:500}</system-out>
                </testcase>
                <testcase classname="tta-monitor.http" name="slow-api" time="0.612">
                  <failure message="latency 612 ms (over the 300 ms warning threshold)" type="WARNING">WARNING: latency 612 ms (over the 300 ms warning threshold)</failure>
                  <system-out>WARNING: latency 612 ms (over the 300 ms warning threshold)
            {}</system-out>
                </testcase>
                <testcase classname="tta-monitor.command" name="plugin" time="0">
                  <error message="plugin said: can&apos;t tell &lt;why&gt; &amp; &quot;how&quot;" type="UNKNOWN">UNKNOWN: plugin said: can&apos;t tell &lt;why&gt; &amp; &quot;how&quot;</error>
                  <system-out>UNKNOWN: plugin said: can&apos;t tell &lt;why&gt; &amp; &quot;how&quot;
            {}</system-out>
                </testcase>
              </testsuite>
            </testsuites>

            """)
    }

    @Test func warningPassesUnderFailOnCriticalButKeepsItsMessage() {
        let xml = JUnitFormatter.render(ReportFixtures.mixed(failOn: .critical))
        #expect(xml.contains(#"<testsuite name="tta-monitor" tests="4" failures="1" errors="1" skipped="0""#))
        #expect(!xml.contains(#"type="WARNING""#))
        #expect(xml.contains("""
                <testcase classname="tta-monitor.http" name="slow-api" time="0.612">
                  <system-out>WARNING: latency 612 ms (over the 300 ms warning threshold)
            """))
        #expect(xml.contains(#"<property name="fail_on" value="critical"/>"#))
    }

    @Test func controlCharactersAreDroppedAndAttributesKeepLineBreaks() {
        let report = ReportFixtures.single(ReportFixtures.result("api", "http", .critical, latency: 1,
                                                                 "bad\u{0}\u{1B}[31m\nbody\r\tend\u{FFFE}"))
        let xml = JUnitFormatter.render(report)
        #expect(xml.contains(#"<failure message="bad[31m&#10;body&#13;&#9;end" type="CRITICAL">CRITICAL: bad[31m"#
            + "\nbody&#13;\tend</failure>"))
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
    }
}
