import Foundation
import Testing
@testable import TTAMonitorCore

/// `monitoring.alerts`: what is accepted, and where errors point.
@Suite struct AlertsConfigTests {
    static let header = """
        monitoring:
          checks:
            - {name: redis, type: tcp, host: localhost, port: 6379}
            - {name: player-api, type: tcp, host: localhost, port: 8080}
          alerts:

        """

    func load(_ alerts: String) throws(ConfigError) -> MonitoringConfig {
        try ConfigLoader(environment: [:]).load(text: Self.header + alerts, path: "tta.yaml")
    }

    func error(_ alerts: String) -> String {
        do {
            _ = try load(alerts)
            return "no error"
        } catch {
            return "\(error.location.map(String.init(describing:)) ?? "?"): \(error.message)"
        }
    }

    @Test func readsEveryKindWithDefaults() throws {
        let config = try load("""
                rules:
                  - {name: down, kind: status, for: 3 checks, severity: critical}
                  - {name: slow, kind: threshold, check: player-api, metric: latency_ms, op: ">", value: 500, for: 5m}
                  - {name: slo, kind: availability, below: 99.5}
                  - {name: fill, kind: forecast, metric: used_percent, reaches: 100}
                  - {name: beat, kind: absent, for: 26h}
                  - {name: odd, kind: anomaly, labels: {team: core}, annotations: {summary: "odd {{check}}"}}
                  - {name: co2, kind: carbon, threshold_kg: 2}
                route: {critical: [[oncall], [manager]], warning: [log]}
                repeat_interval: 1h
            """)
        let alerts = config.alerts
        #expect(alerts.rules.map(\.kind) == ["status", "threshold", "availability", "forecast", "absent", "anomaly", "carbon"])
        #expect(alerts.rules[0].severity == .critical && alerts.rules[1].severity == .warning)
        #expect((alerts.rules[0].condition as? StatusRule)?.hold == .checks(3))
        #expect((alerts.rules[1].condition as? ThresholdRule)?.hold == .duration(.seconds(300)))
        #expect((alerts.rules[2].condition as? AvailabilityRule)?.window == .seconds(86_400))
        let forecast = try #require(alerts.rules[3].condition as? ForecastRule)
        #expect(forecast.within == .seconds(86_400) && forecast.window == .seconds(21_600) && forecast.minPoints == 5)
        let anomaly = try #require(alerts.rules[5].condition as? AnomalyRule)
        #expect(anomaly.metric == "latency_ms" && anomaly.k == 5 && anomaly.hold == .checks(3))
        #expect(alerts.rules[5].summary == "odd {{check}}" && alerts.rules[5].labels.map(\.0) == ["team"])
        #expect((alerts.rules[6].condition as? CarbonRule)?.limitKg == 2)
        #expect(alerts.route.levels(for: .critical) == [["oncall"], ["manager"]])
        #expect(alerts.route.channels(for: .critical, through: 1) == ["oncall", "manager"])
        #expect(alerts.route.levels(for: .warning) == [["log"]] && alerts.route.levels(for: .info).isEmpty)
        #expect(alerts.repeatInterval == .seconds(3_600) && alerts.escalateAfter == .seconds(1_800))
        // `config show` prints each rule with its defaults filled in.
        guard case .array(let shown)? = alerts.effectiveJSON["rules"] else { Issue.record("no rules"); return }
        #expect(shown[3]["within"] == .string("1d") && shown[3]["direction"] == .string("up") && shown[3]["min_points"] == .int(5))
        #expect(shown[0]["for"] == .string("3 checks") && alerts.effectiveJSON["repeat_interval"] == .string("1h"))
    }

    @Test(arguments: [
        ("rules:\n      - {name: a, kind: staus}", "tta.yaml:7:25: unknown rule kind 'staus' in 'monitoring.alerts.rules[0].kind'; did you mean 'status'?"),
        ("rules:\n      - {name: a, kind: status, check: player-apx}", "tta.yaml:7:40: unknown check 'player-apx' in 'monitoring.alerts.rules[0].check'; did you mean 'player-api'?"),
        ("rules:\n      - {name: a, kind: threshold, metric: latency_ms, op: \"=>\", value: 1}", "tta.yaml:7:60: 'monitoring.alerts.rules[0].op' must be one of >, >=, <, <=, ==, != (quote it: op: \">\"), got '=>'"),
        ("rules:\n      - {name: a, kind: threshold, metric: latency_ms, op: \">\"}", "tta.yaml:7:9: missing required key 'value' in 'monitoring.alerts.rules[0]' (a threshold rule needs it)"),
        ("rules:\n      - {name: a, kind: status, for: 3 chekcs}", "tta.yaml:7:38: 'monitoring.alerts.rules[0].for' must be a number of checks ('3 checks') or a duration ('5m'), got '3 chekcs'"),
        ("rules:\n      - {name: a, kind: status, severty: critical}", "tta.yaml:7:33: unknown key 'severty' in 'monitoring.alerts.rules[0]'; did you mean 'severity'?"),
        ("rules:\n      - {name: a, kind: status, severity: page}", "tta.yaml:7:43: 'monitoring.alerts.rules[0].severity' must be info, warning or critical, got 'page'"),
        ("rules:\n      - {name: a, kind: availability, below: 120}", "tta.yaml:7:46: 'monitoring.alerts.rules[0].below' must be between 0 and 100, got 120"),
        ("rules:\n      - {name: a, kind: status}\n      - {name: a, kind: absent, for: 1h}", "tta.yaml:8:9: duplicate rule name 'a' in 'monitoring.alerts.rules'"),
        ("rules:\n      - {name: a, kind: carbon, value: 1, check: redis}", "tta.yaml:7:50: 'monitoring.alerts.rules[0].check': a carbon rule is not about one check"),
        ("route: {critcal: [log]}", "tta.yaml:6:13: unknown key 'critcal' in 'monitoring.alerts.route'; did you mean 'critical'?"),
        ("route: {critical: {a: b}}", "tta.yaml:6:23: 'monitoring.alerts.route.critical' must be a list of channel names (or a list of such lists, one per escalation level)"),
        ("repeat_interval: 0s", "tta.yaml:6:22: 'monitoring.alerts.repeat_interval' must be longer than zero"),
        ("rules:\n      - {name: a, kind: forecast, metric: \"used percent\", reaches: 1}", "tta.yaml:7:43: 'monitoring.alerts.rules[0].metric' must be a metric name of letters, digits, '_' and '.', got 'used percent'"),
    ])
    func errorsNameFileLineAndColumn(alerts: String, expected: String) {
        #expect(error("    " + alerts) == expected)
    }

    @Test("a carbon rule without a value uses monitoring.carbon.daily_threshold_kg, and needs one of the two")
    func carbonRuleFallsBackToTheDailyThreshold() throws {
        let text = Self.header + "    rules:\n      - {name: co2, kind: carbon}\n  carbon: {daily_threshold_kg: 2.5}\n"
        let config = try ConfigLoader(environment: [:]).load(text: text, path: "tta.yaml")
        let shown = config.alerts.effectiveJSON["rules"]
        guard case .array(let rules)? = shown else { Issue.record("no rules in \(String(describing: shown))"); return }
        #expect(rules.first?["value"] == .double(2.5))
        #expect(error("    rules:\n      - {name: co2, kind: carbon}").contains("monitoring.carbon.daily_threshold_kg"))
    }

    @Test func configValidateReportsARuleErrorWithItsPosition() async throws {
        let directory = try TemporaryDirectory()
        try (Self.header + "    rules:\n      - {name: down, kind: stauts}\n").write(toFile: directory.file("tta.yaml"), atomically: true, encoding: .utf8)
        let run = try await BinaryRunner.run(["--config", "tta.yaml", "config", "validate"], in: directory.path)
        #expect(run.code == 78)
        #expect(run.err.contains("tta.yaml:7:28: unknown rule kind 'stauts' in 'monitoring.alerts.rules[0].kind'; did you mean 'status'?"), "\(run.err)")
    }
}
