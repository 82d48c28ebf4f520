import Testing
@testable import TTAMonitorCore

/// OpenMetrics text: gauge families with HELP, TYPE and UNIT, labels check and kind, # EOF.
@Suite struct OpenMetricsFormatterTests {
    @Test func mixedRunHasOneFamilyPerMeasure() {
        #expect(OpenMetricsFormatter.render(ReportFixtures.mixed()) == """
            # TYPE tta_monitor_check_status gauge
            # HELP tta_monitor_check_status Status of the check's latest run: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
            tta_monitor_check_status{check="redis",kind="redis"} 0
            tta_monitor_check_status{check="player-api",kind="http"} 2
            tta_monitor_check_status{check="slow-api",kind="http"} 1
            tta_monitor_check_status{check="plugin",kind="command"} 3
            # TYPE tta_monitor_check_up gauge
            # HELP tta_monitor_check_up 1 when the check's latest run was OK or WARNING, 0 when CRITICAL or UNKNOWN.
            tta_monitor_check_up{check="redis",kind="redis"} 1
            tta_monitor_check_up{check="player-api",kind="http"} 0
            tta_monitor_check_up{check="slow-api",kind="http"} 1
            tta_monitor_check_up{check="plugin",kind="command"} 0
            # TYPE tta_monitor_check_latency_seconds gauge
            # UNIT tta_monitor_check_latency_seconds seconds
            # HELP tta_monitor_check_latency_seconds Wall time of the check's latest probe.
            tta_monitor_check_latency_seconds{check="redis",kind="redis"} 0.000412
            tta_monitor_check_latency_seconds{check="player-api",kind="http"} 0.0125
            tta_monitor_check_latency_seconds{check="slow-api",kind="http"} 0.612
            # TYPE tta_monitor_run_timestamp_seconds gauge
            # UNIT tta_monitor_run_timestamp_seconds seconds
            # HELP tta_monitor_run_timestamp_seconds When the latest check run started, in seconds since the Unix epoch.
            tta_monitor_run_timestamp_seconds 1795000000.25
            # TYPE tta_monitor_run_duration_seconds gauge
            # UNIT tta_monitor_run_duration_seconds seconds
            # HELP tta_monitor_run_duration_seconds Wall time of the latest check run.
            tta_monitor_run_duration_seconds 1.234568
            # EOF

            """)
    }

    @Test func certificateTimeComesFromEitherDetailsShape() {
        let nested = ReportFixtures.result("site", "http", .ok, latency: 5, "HTTP 200",
                                           details: .object([("certificate", .object([("days_left", .int(30))]))]))
        let flat = ReportFixtures.result("ldap", "tls", .warning, latency: 5, "expires soon",
                                         details: .object([("days_left", .double(6.5))]))
        let none = ReportFixtures.result("redis", "redis", .ok, latency: 1, "PONG")
        let report = CheckRunReport(results: [nested, flat, none], runID: nil, startedAt: ReportFixtures.startedAt, durationMs: 1)
        #expect(OpenMetricsFormatter.render(report).contains("""
            # TYPE tta_monitor_check_certificate_expiry_seconds gauge
            # UNIT tta_monitor_check_certificate_expiry_seconds seconds
            # HELP tta_monitor_check_certificate_expiry_seconds Time until the TLS certificate the check saw expires (its days left x 86400).
            tta_monitor_check_certificate_expiry_seconds{check="site",kind="http"} 2592000
            tta_monitor_check_certificate_expiry_seconds{check="ldap",kind="tls"} 561600
            # TYPE tta_monitor_run_timestamp_seconds gauge
            """))
        #expect(!OpenMetricsFormatter.render(ReportFixtures.allOK()).contains("certificate"))
    }

    @Test func labelValuesAreEscaped() {
        let report = ReportFixtures.single(ReportFixtures.result(#"a"b\c"# + "\nd", "http", .ok, latency: nil, "x"))
        #expect(OpenMetricsFormatter.render(report).contains(#"tta_monitor_check_status{check="a\"b\\c\nd",kind="http"} 0"#))
    }
}
