import Foundation
import Testing
@testable import TTAMonitorCore

/// Item 23: the command line says what is wrong with a value, refuses contradictory options,
/// and answers `--json` with JSON everywhere, through the real binary.
@Suite struct ValidationCommandLineTests {
    @Test func aNegativeDurationIsNamedAsInvalidNotMissing() async throws {
        let directory = try TemporaryDirectory()
        for arguments in [["check", "--timeout", "-1s"], ["check", "--timeout=-1s"], ["status", "--window", "-5m"]] {
            let run = try await BinaryRunner.run(arguments, in: directory.path)
            #expect(run.code == 64, "\(arguments)")
            #expect(run.err.contains("The value '-"), "\(arguments): \(run.err)")
            #expect(!run.err.contains("Missing value"), "\(arguments): \(run.err)")
        }
    }

    @Test(arguments: [
        ["check", "--json", "--format", "table"],
        ["check", "--format=nagios", "--json"],
        ["export", "--json", "--format", "csv"],
        ["--json", "export", "--format", "pdf", "--output", "x.pdf"],
    ])
    func jsonWithAnotherFormatIsAUsageError(arguments: [String]) async throws {
        let directory = try TemporaryDirectory()
        let run = try await BinaryRunner.run(arguments, in: directory.path)
        #expect(run.code == 64)
        #expect(run.err.contains("'--json' conflicts with '--format"))
        #expect(run.out.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: directory.file("x.pdf")))
    }

    @Test func jsonWithFormatJSONStillWorks() async throws {
        let directory = try TemporaryDirectory()
        let run = try await BinaryRunner.run(["export", "--json", "--format", "json", "--db", directory.file("m.db")], in: directory.path)
        #expect(run.code != 64, "\(run.err)")
    }

    @Test(arguments: [["version", "--json"], ["--version", "--json"], ["--json", "version"]])
    func versionAnswersJSONWithJSON(arguments: [String]) async throws {
        let directory = try TemporaryDirectory()
        let run = try await BinaryRunner.run(arguments, in: directory.path)
        #expect(run.code == 0)
        let document = try JSONParser.parse(run.out)
        #expect(document["schema_version"] == .int(1))
        #expect(document["name"] == .string("tta-monitor"))
        #expect(document["version"] == .string(ToolVersion.version))
    }

    @Test func versionWithoutJSONStaysText() async throws {
        let directory = try TemporaryDirectory()
        let run = try await BinaryRunner.run(["version"], in: directory.path)
        #expect(run.out == "tta-monitor \(ToolVersion.version)\n")
    }

    @Test func configValidateJSONDescribesEveryProblemOfABadFile() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", """
            monitoring:
              defaults:
                timeout: fast
              checks:
                - name: api
                  type: http
                  url: ftp://example.invalid/
                - name: db
                  type: tcp
                  url: tcp://127.0.0.1:1
                - name: cache
                  type: redsi
              bogus: 1
            """)
        let run = try await BinaryRunner.run(["config", "validate", "--json"], in: directory.path)
        #expect(run.code == 78)
        let document = try JSONParser.parse(run.out)
        #expect(document["valid"] == .bool(false))
        #expect(document["schema_version"] == .int(1))
        guard case .array(let errors)? = document["errors"] else {
            Issue.record("no errors array in \(run.out)")
            return
        }
        let positions = errors.map { error -> String in
            guard case .int(let line)? = error["line"], case .int(let column)? = error["column"] else { return "?" }
            return "\(line):\(column)"
        }
        #expect(errors.count == 4, "\(run.out)")
        #expect(positions == ["3:14", "7:12", "12:13", "13:3"], "\(positions)")
        // The human form lists the same problems on stderr, each with its position.
        for line in ["tta_config.yaml:3:14:", "tta_config.yaml:7:12:", "tta_config.yaml:12:13:", "tta_config.yaml:13:3:"] {
            #expect(run.err.contains(line), "\(line) in \(run.err)")
        }
    }

    @Test func configValidateReportsEveryBrokenRuleAndSetting() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", """
            monitoring:
              checks:
                - {name: api, type: tcp, url: "tcp://127.0.0.1:1"}
              alerts:
                rules:
                  - {name: a, kind: statsu}
                  - {name: b, kind: status}
                  - {name: c, kind: threshold, metric: latency_ms, value: 1}
                route: {critical: oncall}
                repeat_interval: 0s
            """)
        let run = try await BinaryRunner.run(["config", "validate"], in: directory.path)
        #expect(run.code == 78)
        for position in ["tta_config.yaml:6:25:", "tta_config.yaml:8:9:", "tta_config.yaml:10:22:"] {
            #expect(run.err.contains(position), "\(position) in \(run.err)")
        }
        #expect(!run.err.contains("tta_config.yaml:7:"), "rule b is fine: \(run.err)")
    }

    @Test func configValidateJSONForAMissingFile() async throws {
        let directory = try TemporaryDirectory()
        let run = try await BinaryRunner.run(["config", "validate", "--json", "--config", "nope.yaml"], in: directory.path)
        #expect(run.code == 66)
        let document = try JSONParser.parse(run.out)
        #expect(document["valid"] == .bool(false))
        #expect(document["file"] == .string("nope.yaml"))
    }
}
