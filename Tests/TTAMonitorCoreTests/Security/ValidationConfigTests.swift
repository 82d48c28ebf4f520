import Foundation
import Testing
@testable import TTAMonitorCore

/// Items 15 and 25: a config that monitors nothing gets one answer from every command, and a
/// misspelled required key is reported as the misspelling, at its own line.
@Suite struct ValidationConfigTests {
    static let noChecksConfigs: [(String, String)] = [
        ("empty list", "monitoring:\n  checks: []\n"),
        ("no checks key", "monitoring:\n  storage: {path: m.db}\n"),
        ("null checks", "monitoring:\n  checks:\n"),
        ("no monitoring section", "carbon:\n  project_name: tta\n"),
    ]

    @Test(arguments: [0, 1, 2, 3])
    func validateStatusAndCheckAgreeThatNoChecksIsAConfigError(index: Int) async throws {
        let (name, yaml) = Self.noChecksConfigs[index]
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", yaml)
        var messages: [String] = []
        for command in [["config", "validate"], ["status"], ["check"]] {
            let run = try await BinaryRunner.run(command + ["--db", directory.file("m.db")], in: directory.path)
            #expect(run.code == 78, "\(name): \(command) exited \(run.code): \(run.out) \(run.err)")
            #expect(run.err.contains("tta_config.yaml:"), "\(name): \(run.err)")
            #expect(run.err.contains("no checks configured"), "\(name): \(run.err)")
            #expect(!run.out.contains("OK"), "\(name): \(command) printed \(run.out)")
            messages.append(run.err.split(separator: "\n").first.map(String.init) ?? "")
        }
        #expect(Set(messages).count == 1, "\(name): \(messages)")
    }

    @Test func theErrorPointsAtTheEmptyList() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", "monitoring:\n  retention: {checks: 7d}\n  checks: []\n")
        let run = try await BinaryRunner.run(["config", "validate"], in: directory.path)
        #expect(run.code == 78)
        #expect(run.err.hasPrefix("Error: tta_config.yaml:3:11: no checks configured (monitoring.checks is empty"), "\(run.err)")
    }

    @Test func aDisabledConfigIsStillValidAndCheckRunsNothing() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", "monitoring:\n  enabled: false\n  checks: []\n")
        let validate = try await BinaryRunner.run(["config", "validate"], in: directory.path)
        #expect(validate.code == 0 && validate.out.contains("monitoring is disabled"), "\(validate.err)")
        let check = try await BinaryRunner.run(["check", "--no-store"], in: directory.path)
        #expect(check.code == 0, "\(check.err)")
    }

    @Test func statusWithoutAnyConfigStillReadsTheDatabase() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", "monitoring:\n  checks:\n    - {name: disk-root, type: disk, path: /}\n")
        let check = try await BinaryRunner.run(["check", "--db", directory.file("m.db")], in: directory.path)
        #expect([0, 1, 2].contains(check.code), "\(check.err)")
        try FileManager.default.removeItem(atPath: directory.file("tta_config.yaml"))
        let status = try await BinaryRunner.run(["status", "--db", directory.file("m.db")], in: directory.path)
        #expect(status.out.contains("disk-root"), "\(status.out) \(status.err)")
        #expect(status.code != 78)
    }

    struct Misspelling: CustomTestStringConvertible, Sendable {
        let name: String
        let yaml: String
        let location: String
        let message: String
        var testDescription: String { name }
    }

    static let misspellings: [Misspelling] = [
        Misspelling(name: "check type", yaml: """
            monitoring:
              checks:
                - name: api
                  tyep: http
                  url: http://127.0.0.1:1/
            """, location: "4:7", message: "unknown key 'tyep' in 'monitoring.checks[0]'; did you mean 'type'?"),
        Misspelling(name: "check name", yaml: """
            monitoring:
              checks:
                - nmae: api
                  type: tcp
                  url: tcp://127.0.0.1:1
            """, location: "3:7", message: "unknown key 'nmae' in 'monitoring.checks[0]'; did you mean 'name'?"),
        Misspelling(name: "http url", yaml: """
            monitoring:
              checks:
                - name: api
                  type: http
                  ulr: http://127.0.0.1:1/
            """, location: "5:7", message: "did you mean 'url'?"),
        Misspelling(name: "tcp port", yaml: """
            monitoring:
              checks:
                - name: db
                  type: tcp
                  host: 127.0.0.1
                  prot: 5432
            """, location: "6:7", message: "did you mean 'port'?"),
        Misspelling(name: "file_age max_age", yaml: """
            monitoring:
              checks:
                - name: backup
                  type: file_age
                  path: /tmp
                  max_aeg: 26h
            """, location: "6:7", message: "did you mean 'max_age'?"),
        Misspelling(name: "alert rule kind", yaml: """
            monitoring:
              checks:
                - {name: disk-root, type: disk, path: /}
              alerts:
                rules:
                  - name: down
                    knid: status
            """, location: "7:9", message: "did you mean 'kind'?"),
        Misspelling(name: "channel type", yaml: """
            monitoring:
              checks:
                - {name: disk-root, type: disk, path: /}
              alerts:
                channels:
                  - name: ops
                    typ: file
                    path: alerts.jsonl
            """, location: "7:9", message: "did you mean 'type'?"),
    ]

    @Test(arguments: misspellings)
    func aMisspelledRequiredKeyIsReportedAsMisspelledAtItsOwnLine(_ example: Misspelling) async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", example.yaml)
        let run = try await BinaryRunner.run(["config", "validate"], in: directory.path)
        #expect(run.code == 78)
        let first = run.err.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("Error: tta_config.yaml:\(example.location): "), "\(run.err)")
        #expect(first.contains(example.message), "\(run.err)")
        #expect(!first.contains("missing required") && !first.contains("has no") && !first.contains("needs"), "\(run.err)")
    }
}
