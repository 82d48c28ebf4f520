import Foundation
import Testing
@testable import TTAMonitorCore

/// Every class of config mistake exits 78 and names `file:line:column`, through the real binary.
@Suite struct ConfigErrorsEndToEndTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let yaml: String
        let location: String
        let message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "tab indentation", yaml: "monitoring:\n\tchecks: []\n", location: "2:1", message: "tab"),
        Case(name: "unterminated quote", yaml: "monitoring:\n  checks:\n    - name: \"redis\n", location: "3:", message: "quote"),
        Case(name: "duplicate key", yaml: "monitoring:\n  enabled: true\n  enabled: false\n", location: "3:3", message: "duplicate key 'enabled'"),
        Case(name: "unsupported tag", yaml: "monitoring: !custom {}\n", location: "1:13", message: "tag"),
        Case(name: "unknown key with hint", yaml: """
            monitoring:
              checks:
                - name: api
                  type: http
                  url: http://127.0.0.1:1/
                  timout: 3s
            """, location: "6:7", message: "unknown key 'timout' in 'monitoring.checks[0]'; did you mean 'timeout'?"),
        Case(name: "duration without unit", yaml: """
            monitoring:
              defaults:
                timeout: 5
            """, location: "3:14", message: "'monitoring.defaults.timeout' needs a unit"),
        Case(name: "bad duration", yaml: """
            monitoring:
              defaults:
                timeout: fast
            """, location: "3:14", message: "is not a duration: 'fast'"),
        Case(name: "unknown check type", yaml: """
            monitoring:
              checks:
                - name: db
                  type: redsi
            """, location: "4:13", message: "unknown check type 'redsi'; did you mean 'redis'?"),
        Case(name: "invalid regular expression", yaml: """
            monitoring:
              checks:
                - {name: worker, type: process, command_pattern: "celery(["}
            """, location: "3:54", message: "'monitoring.checks[0].command_pattern' is not a valid regular expression"),
        Case(name: "duplicate check name", yaml: """
            monitoring:
              checks:
                - {name: api, type: tcp, url: "tcp://127.0.0.1:1"}
                - {name: api, type: tcp, url: "tcp://127.0.0.1:2"}
            """, location: "4:14", message: "duplicate check name 'api' (first defined at 3:14)"),
        Case(name: "missing url", yaml: """
            monitoring:
              checks:
                - name: api
                  type: http
            """, location: "3:7", message: "http check 'api' needs a 'url'"),
        Case(name: "unknown dependency", yaml: """
            monitoring:
              checks:
                - {name: redis, type: tcp, url: "tcp://127.0.0.1:1"}
                - {name: api, type: tcp, url: "tcp://127.0.0.1:2", depends_on: [rdis]}
            """, location: "4:68", message: "depends on unknown check 'rdis'; did you mean 'redis'?"),
        Case(name: "unset environment variable", yaml: """
            monitoring:
              checks:
                - {name: api, type: http, url: "${TTA_NO_SUCH_VARIABLE}/health"}
            """, location: "3:36", message: "environment variable 'TTA_NO_SUCH_VARIABLE' is not set"),
        Case(name: "warning above critical", yaml: """
            monitoring:
              checks:
                - name: disk
                  type: disk
                  used_percent: {warning: 95, critical: 90}
            """, location: "5:21", message: "warning must not be above critical"),
        Case(name: "wrong type of value", yaml: """
            monitoring:
              checks: {name: api}
            """, location: "2:11", message: "'monitoring.checks' must be a list of checks"),
        Case(name: "threshold count out of range", yaml: """
            monitoring:
              defaults: {failure_threshold: 0}
            """, location: "2:33", message: "'monitoring.defaults.failure_threshold' must be between 1 and 100, got 0"),
    ]

    @Test(arguments: cases)
    func configErrorsExit78WithPosition(_ testCase: Case) async throws {
        let directory = try TemporaryDirectory()
        try directory.write("bad.yaml", testCase.yaml)
        for command in [["config", "validate"], ["check"]] {
            let run = try await BinaryRunner.run(["--config", "bad.yaml"] + command, in: directory.path)
            #expect(run.code == 78, "\(command): \(run.err)")
            #expect(run.out.isEmpty)
            #expect(run.err.hasPrefix("Error: bad.yaml:\(testCase.location)"), "\(run.err)")
            #expect(run.err.contains(testCase.message), "\(run.err)")
            #expect(run.err.contains("^"), "no caret excerpt: \(run.err)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file(".local/state/tta-monitor/monitor.db")))
    }

    @Test func missingConfigFileExits66() async throws {
        let directory = try TemporaryDirectory()
        let explicit = try await BinaryRunner.run(["--config", "nope.yaml", "check"], in: directory.path)
        #expect(explicit.code == 66)
        #expect(explicit.err == "Error: config file 'nope.yaml' not found (from --config)\n")
        let none = try await BinaryRunner.run(["check"], in: directory.path)
        #expect(none.code == 66)
        #expect(none.err.contains("no config file found"))
        let fromEnvironment = try await BinaryRunner.run(["check"], in: directory.path, environment: ["TTA_CONFIG": "gone.yaml"])
        #expect(fromEnvironment.code == 66)
        #expect(fromEnvironment.err.contains("from $TTA_CONFIG"))
    }

    @Test func configShowMasksSecrets() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", """
            monitoring:
              checks:
                - name: redis
                  type: redis
                  url: redis://:hunter2-redis@127.0.0.1:6379
                - name: api
                  type: http
                  url: https://bot:hunter2-url@example.invalid/health?token=hunter2-query
                  headers:
                    Authorization: Bearer ${API_TOKEN}
                    X-Trace: visible-value
            """)
        for format in [[], ["--json"]] {
            let run = try await BinaryRunner.run(["config", "show"] + format, in: directory.path, environment: ["API_TOKEN": "hunter2-env"])
            #expect(run.code == 0, "\(run.err)")
            #expect(!run.out.contains("hunter2"), "secret printed: \(run.out)")
            #expect(run.out.contains("********"))
            #expect(run.out.contains("visible-value"))
        }
    }

    @Test func exampleConfigIsValid() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let directory = try TemporaryDirectory()
        let run = try await BinaryRunner.run(["--config", root.appendingPathComponent("tta_config.yaml.example").path,
                                        "config", "validate", "--json"], in: directory.path)
        #expect(run.code == 0, "\(run.err)")
        let document = try JSONParser.parse(run.out)
        #expect(document["valid"] == .bool(true))
        #expect(document["checks"] == .int(7))

        // The commented-out examples must stay valid too: uncomment them and validate again.
        let text = try String(contentsOfFile: root.appendingPathComponent("tta_config.yaml.example").path, encoding: .utf8)
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("    # - ") { return "    - " + line.dropFirst(8) }
            if line.hasPrefix("    #   ") { return "      " + line.dropFirst(8) }
            return String(line)
        }.joined(separator: "\n")
        try directory.write("full.yaml", uncommented)
        let full = try await BinaryRunner.run(["--config", "full.yaml", "--json", "config", "validate"], in: directory.path,
                                              environment: ["FRONTEND_PASSWORD": "x", "API_TOKEN": "y"])
        #expect(full.code == 0, "\(full.err)")
        #expect(try JSONParser.parse(full.out)["checks"] == .int(13))
    }
}
