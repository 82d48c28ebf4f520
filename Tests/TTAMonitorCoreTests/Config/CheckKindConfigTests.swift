import Testing
@testable import TTAMonitorCore

/// Decoding of every check kind's keys, as written in tta_config.yaml.
@Suite struct CheckKindConfigTests {
    func load(_ yaml: String, environment: [String: String] = [:]) throws -> MonitoringConfig {
        try ConfigLoader(environment: environment).load(text: yaml, path: "test.yaml")
    }

    @Test func everyKindDecodes() throws {
        let config = try load("""
            monitoring:
              defaults: {failure_threshold: 2, success_threshold: 3}
              privacy: {redact: [email, jwt]}
              checks:
                - {name: cert, type: tls, url: "tls://db.internal:6380", server_name: db, days_left: {warning: 30, critical: 7}}
                - {name: graph, type: neo4j, url: "bolt://localhost:7687", http_url: "http://localhost:7474/", latency: {warning: 100ms}}
                - {name: pg, type: postgres, url: "postgres://tta@localhost:5433/tta"}
                - {name: mem, type: memory, used_percent: {warning: 80, critical: 95}, swap_used_percent: {critical: 50}}
                - {name: cpu, type: load, load5: {warning: 1.5, critical: 3}}
                - {name: worker, type: process, process_name: celery, count: {min: 2, max: 8}, rss_mb: {warning: 512}}
                - {name: backup, type: command, command: "/usr/lib/nagios/plugins/check_dummy 0 ok", failure_threshold: 1}
                - {name: plugin, type: command, command: [/bin/echo, hi], environment: {MODE: fast}}
                - {name: heartbeat, type: file_age, path: /var/run/tta/backup.stamp, max_age: 26h}
                - {name: agents, type: prometheus, url: "http://localhost:8503/metrics-prom", series: [{metric: tta_system_cpu_usage_percent, warning: 80, critical: 95}]}
                - name: api
                  type: http
                  url: https://localhost:8443/health
                  certificate_days_left: {warning: 21, critical: 7}
                  auth: {token: "${TOKEN}"}
            """, environment: ["TOKEN": "t0ps3cret-token"])
        #expect(config.checks.map(\.kind.name) == ["tls", "neo4j", "postgres", "memory", "load", "process", "command", "command",
                                                  "file_age", "prometheus", "http"])
        #expect(config.defaults.failureThreshold == 2 && config.defaults.successThreshold == 3)
        #expect(config.redactCategories == [.email, .jwt])
        guard let tls = config.checks[0].kind.spec(as: TLSCheckSpec.self) else { Issue.record("tls"); return }
        #expect(tls.host == "db.internal" && tls.port == 6380 && tls.serverName == "db")
        #expect(tls.daysLeft == Thresholds(warning: 30, critical: 7, lowerIsWorse: true))
        #expect(tls.daysLeft?.status(for: 10) == .warning && tls.daysLeft?.status(for: 3) == .critical)
        guard let pg = config.checks[2].kind.spec(as: PostgresCheckSpec.self) else { Issue.record("pg"); return }
        #expect(pg.user == "tta" && pg.port == 5433 && pg.database == "tta")
        guard let process = config.checks[5].kind.spec(as: ProcessCheckSpec.self) else { Issue.record("process"); return }
        #expect(process.minCount == 2 && process.maxCount == 8 && process.rssBytes?.warning == 512 * 1_048_576)
        guard let shell = config.checks[6].kind.spec(as: CommandCheckSpec.self), let argv = config.checks[7].kind.spec(as: CommandCheckSpec.self) else { Issue.record("command"); return }
        #expect(shell.argv == ["/bin/sh", "-c", "/usr/lib/nagios/plugins/check_dummy 0 ok"])
        #expect(argv.argv == ["/bin/echo", "hi"] && argv.environment == ["MODE": "fast"])
        guard let age = config.checks[8].kind.spec(as: FileAgeCheckSpec.self) else { Issue.record("file_age"); return }
        #expect(age.maxAgeMs == Thresholds(critical: 26 * 3_600_000))
        guard let prometheus = config.checks[9].kind.spec(as: PrometheusCheckSpec.self) else { Issue.record("prometheus"); return }
        #expect(prometheus.series.first?.thresholds == Thresholds(warning: 80, critical: 95))
        guard let http = config.checks[10].kind.spec(as: HTTPCheckSpec.self) else { Issue.record("http"); return }
        #expect(http.auth == .bearer(token: "t0ps3cret-token"))
        #expect(http.certificateDaysLeft == Thresholds(warning: 21, critical: 7, lowerIsWorse: true))
        #expect(config.secretValues.contains("t0ps3cret-token"))
    }

    @Test(arguments: [
        ("{name: p, type: process}", "needs 'process_name' or 'command_pattern'"),
        ("{name: c, type: command}", "needs a 'command'"),
        ("{name: f, type: file_age, path: /x}", "needs 'max_age'"),
        ("{name: t, type: tls, days_left: {warning: 7, critical: 30}, url: \"tls://h:1\"}", "warning must not be below critical"),
        ("{name: m, type: prometheus, url: \"http://h/m\", series: [{metric: 9bad}]}", "is not a valid Prometheus metric name"),
        ("{name: a, type: http, url: \"http://h/\", auth: {username: u}}", "takes either 'username' and 'password' (basic) or 'token' (bearer)"),
        ("{name: g, type: postgres, url: \"mysql://h\"}", "must look like postgres://"),
    ])
    func mistakesAreExplained(_ entry: String, _ message: String) {
        #expect {
            _ = try load("monitoring:\n  checks:\n    - \(entry)\n")
        } throws: { error in
            (error as? ConfigError)?.message.contains(message) == true
        }
    }

    @Test func unknownRedactionClassGetsAHint() {
        #expect {
            _ = try load("monitoring:\n  privacy: {redact: [emial]}\n")
        } throws: { error in
            (error as? ConfigError)?.message == "unknown redaction class 'emial' in 'monitoring.privacy.redact'; did you mean 'email'?"
        }
    }

    @Test func secretsAreCollectedFromEverySection() throws {
        let config = try load("""
            player_experience:
              database: {neo4j_password: graph-pass-123}
              security: {jwt_secret_key: "${JWT:-dev-jwt-secret}"}
            monitoring:
              checks:
                - {name: r, type: redis, url: "redis://:cache-pass-456@localhost:6379"}
            """)
        #expect(Set(config.secretValues).isSuperset(of: ["graph-pass-123", "dev-jwt-secret", "cache-pass-456"]))
        #expect(config.redactor.redact("WRONGPASS cache-pass-456") == "WRONGPASS [secret]")
    }
}
