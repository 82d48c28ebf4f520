import Foundation
import Testing
@testable import TTAMonitorCore

/// Item 18: values that can only break a check are refused when the config is read, with
/// `file:line:column`, by `config validate` and `check` alike (through the real binary).
@Suite struct ValidationValuesTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        /// One check entry, indented under `checks:`; or a whole `monitoring:` body when `section`.
        let yaml: String
        let location: String
        let message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "check timeout 0", yaml: "    - {name: a, type: tcp, url: \"tcp://127.0.0.1:1\", timeout: 0s}\n",
             location: "3:63", message: "'monitoring.checks[0].timeout' must be longer than zero"),
        Case(name: "check interval 0", yaml: "    - {name: a, type: tcp, url: \"tcp://127.0.0.1:1\", interval: 0m}\n",
             location: "3:64", message: "'monitoring.checks[0].interval' must be longer than zero"),
        Case(name: "default timeout 0", yaml: "    - {name: a, type: disk}\n  defaults: {timeout: 0ms}\n",
             location: "4:23", message: "'monitoring.defaults.timeout' must be longer than zero"),
        Case(name: "default interval 0", yaml: "    - {name: a, type: disk}\n  defaults: {interval: 0s}\n",
             location: "4:24", message: "'monitoring.defaults.interval' must be longer than zero"),
        Case(name: "empty command string", yaml: "    - {name: a, type: command, command: \"\"}\n",
             location: "3:41", message: "'monitoring.checks[0].command' must not be empty"),
        Case(name: "blank command string", yaml: "    - {name: a, type: command, command: \"   \"}\n",
             location: "3:41", message: "'monitoring.checks[0].command' must not be empty"),
        Case(name: "empty argv", yaml: "    - {name: a, type: command, command: []}\n",
             location: "3:41", message: "'monitoring.checks[0].command' must not be empty"),
        Case(name: "empty program in argv", yaml: "    - {name: a, type: command, command: [\"\", \"-x\"]}\n",
             location: "3:41", message: "'monitoring.checks[0].command' must not be empty"),
        Case(name: "unclosed IPv6 bracket", yaml: "    - {name: a, type: http, url: \"http://[::1\"}\n",
             location: "3:34", message: "without its closing ']'"),
        Case(name: "port 99999", yaml: "    - {name: a, type: http, url: \"http://localhost:99999/health\"}\n",
             location: "3:34", message: "has a port outside 1-65535"),
        Case(name: "port 0", yaml: "    - {name: a, type: http, url: \"http://localhost:0/\"}\n",
             location: "3:34", message: "has a port outside 1-65535"),
        Case(name: "no host", yaml: "    - {name: a, type: http, url: \"http:///health\"}\n",
             location: "3:34", message: "has no host"),
        Case(name: "prometheus port", yaml: "    - {name: a, type: prometheus, url: \"http://127.0.0.1:70000/metrics\"}\n",
             location: "3:40", message: "has a port outside 1-65535"),
        Case(name: "tcp port 99999", yaml: "    - {name: a, type: tcp, host: 127.0.0.1, port: 99999}\n",
             location: "3:51", message: "must be between 1 and 65535"),
        Case(name: "tcp url port 99999", yaml: "    - {name: a, type: tcp, url: \"tcp://127.0.0.1:99999\"}\n",
             location: "3:33", message: "must look like tcp://host:port"),
        Case(name: "empty host", yaml: "    - {name: a, type: tcp, host: \"\", port: 80}\n",
             location: "3:7", message: "needs 'host' and 'port'"),
        Case(name: "file_age 0", yaml: "    - {name: a, type: file_age, path: /tmp, max_age: 0s}\n",
             location: "3:54", message: "'monitoring.checks[0].max_age' must be longer than zero"),
        Case(name: "empty disk path", yaml: "    - {name: a, type: disk, path: \"\"}\n",
             location: "3:35", message: "'monitoring.checks[0].path' must not be empty"),
        Case(name: "empty file_age path", yaml: "    - {name: a, type: file_age, path: \" \", max_age: 1h}\n",
             location: "3:39", message: "'monitoring.checks[0].path' must not be empty"),
        Case(name: "empty process name", yaml: "    - {name: a, type: process, process_name: \"\"}\n",
             location: "3:46", message: "'monitoring.checks[0].process_name' must not be empty"),
        Case(name: "webhook port", yaml: "    - {name: a, type: disk}\n  alerts:\n    channels:\n      - {name: hook, type: webhook, url: \"https://hooks.example:123456/x\"}\n",
             location: "6:42", message: "has a port outside 1-65535"),
    ]

    @Test(arguments: cases)
    func refusedWithItsPosition(_ example: Case) async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", "monitoring:\n  checks:\n" + example.yaml)
        for command in [["config", "validate"], ["check", "--no-store"]] {
            let run = try await BinaryRunner.run(command, in: directory.path)
            #expect(run.code == 78, "\(command): \(run.out) \(run.err)")
            let first = run.err.split(separator: "\n").first.map(String.init) ?? ""
            #expect(first.hasPrefix("Error: tta_config.yaml:\(example.location): "), "\(command): \(run.err)")
            #expect(first.contains(example.message), "\(command): \(run.err)")
        }
    }

    @Test func soundValuesStillLoad() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", """
            monitoring:
              defaults: {timeout: 500ms, interval: 1m, retry_delay: 0s}
              checks:
                - {name: v6, type: http, url: "http://[::1]:8080/health", timeout: 1s}
                - {name: zone, type: http, url: "http://[fe80::1%25eth0]/"}
                - {name: creds, type: http, url: "https://user:p@ss@example.com:443/x?y=1#z"}
                - {name: prom, type: prometheus, url: "http://localhost:9100/metrics"}
                - {name: cmd, type: command, command: ["/bin/true"]}
            """)
        let run = try await BinaryRunner.run(["config", "validate"], in: directory.path)
        #expect(run.code == 0, "\(run.err)")
    }
}
