import Testing
@testable import TTAMonitorCore

@Suite("Alert channel config")
struct AlertChannelConfigTests {
    static let slackURL = "https://hooks.chat.example/services/T000/B000/s3cretXYZtoken"

    func load(_ channels: String, environment: [String: String] = [:]) throws -> MonitoringConfig {
        try ConfigLoader(environment: environment).load(text: "monitoring:\n  alerts:\n    channels:\n" + channels, path: "tta.yaml")
    }

    func message(_ channels: String, environment: [String: String] = [:]) -> String {
        do {
            _ = try load(channels, environment: environment)
            return "no error"
        } catch {
            return String(describing: error)
        }
    }

    @Test("every type reads with its defaults; ${VAR} expands in URLs and headers")
    func everyType() throws {
        let config = try load("""
                  - {name: oncall, type: webhook, url: "${TTA_ALERT_WEBHOOK}", format: slack, headers: {X-Token: "${HOOK_TOKEN}"}}
                  - {name: log, type: command, command: "logger -t tta-monitor", timeout: 2s}
                  - {name: argv, type: command, command: [/usr/bin/env, -i], environment: {API_TOKEN: abc}}
                  - {name: am, type: alertmanager, url: "http://localhost:9093/", resolve_timeout: 8h, retry_backoff: 0s}
                  - {name: jsonl, type: file, path: logs/alerts.jsonl}

            """, environment: ["TTA_ALERT_WEBHOOK": Self.slackURL, "HOOK_TOKEN": "hdr-secret"])
        let channels = config.alerts.channels
        #expect(channels.map(\.name) == ["oncall", "log", "argv", "am", "jsonl"])
        #expect(channels.map(\.type) == ["webhook", "command", "command", "alertmanager", "file"])
        guard case .webhook(let webhook) = channels[0].kind else { Issue.record("not a webhook"); return }
        #expect(webhook.url == Self.slackURL)
        #expect(webhook.format == .slack)
        #expect(webhook.headers == [HTTPHeader(name: "X-Token", value: "hdr-secret")])
        #expect(channels[0].timeout == .seconds(5))
        #expect(channels[0].retryBackoff == .seconds(30))
        guard case .command(let log) = channels[1].kind else { Issue.record("not a command"); return }
        #expect(log.argv == ["/bin/sh", "-c", "logger -t tta-monitor"])
        #expect(channels[1].timeout == .seconds(2))
        guard case .command(let argv) = channels[2].kind else { Issue.record("not a command"); return }
        #expect(argv.argv == ["/usr/bin/env", "-i"])
        guard case .alertmanager(let alertmanager) = channels[3].kind else { Issue.record("not alertmanager"); return }
        #expect(alertmanager.endpoint == "http://localhost:9093/api/v2/alerts")
        #expect(alertmanager.resolveTimeout == .seconds(8 * 3_600))
        #expect(channels[3].retryBackoff == .zero)
        guard case .file(let file) = channels[4].kind else { Issue.record("not a file"); return }
        #expect(file.path == "logs/alerts.jsonl")
        #expect(config.alerts.channel(named: "am")?.type == "alertmanager")
    }

    @Test("config show masks the webhook URL and header values, and Alertmanager URL passwords")
    func effectiveJSONMasksSecrets() throws {
        let config = try load("""
                  - {name: oncall, type: webhook, url: "\(Self.slackURL)", headers: {Authorization: "Bearer hdr-secret"}}
                  - {name: am, type: alertmanager, url: "http://admin:am-pass@localhost:9093"}
                  - {name: log, type: command, command: "logger", environment: {API_TOKEN: "cmd-secret", MODE: plain}}

            """)
        let text = JSONWriter.render(config.alerts.effectiveJSON)
        for secret in [Self.slackURL, "hooks.chat.example", "s3cretXYZtoken", "hdr-secret", "am-pass", "cmd-secret"] {
            #expect(!text.contains(secret), "\(secret) leaked into \(text)")
        }
        #expect(text.contains("\"Authorization\": \"********\""))
        #expect(text.contains("http://admin:********@localhost:9093"))
        #expect(text.contains("\"MODE\": \"plain\""))
    }

    @Test("mistakes name file:line:column, with a hint where one fits", arguments: [
        ("      - {name: a, type: webhok, url: http://x}\n", "tta.yaml:4:25: unknown channel type 'webhok'; did you mean 'webhook'?"),
        ("      - {name: a, type: webhook, url: http://x, fromat: slack}\n", "tta.yaml:4:49: unknown key 'fromat'"),
        ("      - {name: a, type: webhook, url: http://x, format: slak}\n", "unknown webhook format 'slak'; did you mean 'slack'?"),
        ("      - {name: a, type: file, path: x}\n      - {name: a, type: file, path: y}\n",
         "tta.yaml:5:16: duplicate channel name 'a' (first defined at 4:16)"),
        ("      - {name: a, type: webhook}\n", "webhook channel 'a' needs a 'url'"),
        ("      - {name: a, type: command}\n", "command channel 'a' needs a 'command'"),
        ("      - {name: a, type: file}\n", "file channel 'a' needs a 'path'"),
        ("      - {name: a, url: http://x}\n", "channel 'a' has no 'type'"),
        ("      - {name: a, type: file, path: x, timeout: 0s}\n", "'monitoring.alerts.channels[0].timeout' must be above 0"),
        ("      - {name: a, type: file, path: x, timeout: 5}\n", "needs a unit"),
        ("      - {name: a, type: file, path: x, retry_backoff: 2h}\n", "must be at most 1h"),
        ("      - {name: 'a b', type: file, path: x}\n", "channel name 'a b' may contain only"),
        ("      - {name: a, type: webhook, url: \"${HOOK}\"}\n", "environment variable 'HOOK' is not set"),
        ("      - {name: a, type: webhook, url: http://x, headers: {\"X Bad\": v}}\n", "is not a valid header name"),
    ])
    func mistakes(channels: String, expected: String) {
        let text = message(channels)
        #expect(text.contains(expected), "\(text)")
    }

    @Test("a URL that is not http(s) is refused without quoting it")
    func urlNeverQuoted() {
        let text = message("      - {name: a, type: webhook, url: \"ftp://user:pw@secret-host/hook\"}\n")
        #expect(text.contains("tta.yaml:4:39: 'monitoring.alerts.channels[0].url' must be an http:// or https:// URL"), "\(text)")
        #expect(!text.contains("secret-host"))
        // Any other mistake on a line holding a literal URL keeps its position but not its quote.
        let other = message("      - {name: a, type: webhook, url: \"https://hooks.example/T0/s3cret\", fromat: slack}\n")
        #expect(other.contains("tta.yaml:4:74: unknown key 'fromat'"), "\(other)")
        #expect(!other.contains("s3cret"))
        // A ${VAR} reference is not a secret: the line is quoted as usual.
        let quoted = message("      - {name: a, type: webhook, url: \"${HOOK}\", fromat: slack}\n", environment: ["HOOK": "http://h/s3cret"])
        #expect(quoted.contains("| " + "      - {name: a, type: webhook, url: \"${HOOK}\", fromat: slack}"), "\(quoted)")
        #expect(!quoted.contains("s3cret"))
    }

    @Test("channels must be a list of mappings")
    func notAList() {
        #expect(message("      name: a\n").contains("must be a list of channels"))
        #expect(message("      - just-a-name\n").contains("must be a mapping"))
    }
}

@Suite("Alert channels in tta_config.yaml.example")
struct AlertChannelExampleTests {
    @Test("the commented channel block, uncommented, loads and shows the defaults it claims")
    func exampleBlockLoads() throws {
        let text = try DocumentationFiles.read("tta_config.yaml.example")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "  # alerts:"))
        let end = try #require(lines.firstIndex(of: "  # --- end of alert channels ---"))
        #expect(lines[start..<end].allSatisfy { $0.hasPrefix("  # ") })
        let yaml = lines[start..<end].map { "  " + $0.dropFirst(4) }.joined(separator: "\n")
        let config = try ConfigLoader(environment: ["TTA_ALERT_WEBHOOK": "https://hooks.example/T0/x"])
            .load(text: "monitoring:\n" + yaml + "\n", path: "example.yaml")
        let channels = config.alerts.channels
        #expect(channels.map(\.name) == ["oncall", "log", "alertmanager", "archive"])
        #expect(channels.map(\.type) == ["webhook", "command", "alertmanager", "file"])
        #expect(channels.allSatisfy { $0.timeout == AlertChannel.defaultTimeout && $0.retryBackoff == AlertChannel.defaultRetryBackoff })
        guard case .alertmanager(let alertmanager) = channels[2].kind else { Issue.record("not alertmanager"); return }
        #expect(alertmanager.resolveTimeout == AlertmanagerChannel.defaultResolveTimeout)
    }
}
