import Foundation
import Testing
@testable import TTAMonitorCore

/// A config error quotes its line under `file:line:column`; a password, URL password or
/// token on that line is masked there as `config show` masks it, for `config validate` and
/// `check` alike. The position stays exact and the caret still points at the culprit.
@Suite(.serialized) struct SecretsConfigExcerptTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var yaml: String
        var secret: String
        /// What the masked line must show instead.
        var maskedLine: String
        /// What the caret must point at on the masked line.
        var pointsAt: String
    }

    static let cases: [Case] = [
        Case(testDescription: "unknown key after a redis URL password and a password",
             yaml: #"    - {name: r, type: redis, url: "redis://:Excerpt-Pw-1@localhost:6379", password: "Excerpt-Pw-1b", timeot: 1s}"#,
             secret: "Excerpt-Pw-1", maskedLine: #"url: "redis://:********@localhost:6379", password: "********", timeot: 1s}"#,
             pointsAt: "timeot"),
        Case(testDescription: "bad value on a line with basic auth",
             yaml: "    - {name: h, type: http, url: \"http://h/\", auth: {username: u, password: Excerpt-Pw-2}, timeout: soon}",
             secret: "Excerpt-Pw-2", maskedLine: "auth: {username: u, password: ********}, timeout: soon}", pointsAt: "soon"),
        Case(testDescription: "YAML syntax error on a line with a token header",
             yaml: "    - {name: h, type: http, url: \"http://h/\", headers: {X-Api-Key: Excerpt-Token-3, Accept: \"x\" y}}",
             secret: "Excerpt-Token-3", maskedLine: "headers: {X-Api-Key: ********, Accept:", pointsAt: "y"),
        Case(testDescription: "bad port in a Bolt URL with a password",
             yaml: "    - {name: n, type: neo4j, url: \"bolt://neo4j:Excerpt-Pw-4@localhost:99999\"}",
             secret: "Excerpt-Pw-4", maskedLine: "bolt://neo4j:********@localhost:99999", pointsAt: "\"bolt"),
    ]

    @Test("the quoted line masks secrets; config validate and check both exit 78", arguments: cases)
    func excerptMasksSecrets(_ testCase: Case) async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", "monitoring:\n  storage: {path: monitor.db}\n  checks:\n" + testCase.yaml + "\n")
        var sweep = SecretsSweep()
        for arguments in [["config", "validate"], ["check"], ["config", "show"]] {
            let run = try await BinaryRunner.run(arguments, in: directory.path)
            sweep.record(arguments, run)
            #expect(run.code == 78, "\(arguments): \(run.code) \(run.err)")
            #expect(run.err.contains("tta_config.yaml:4:"), "\(run.err)")
            let lines = run.err.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let quoted = try #require(lines.firstIndex { $0.hasPrefix(" 4 | ") }, "no excerpt in \(run.err)")
            #expect(lines[quoted].contains(testCase.maskedLine), "\(lines[quoted])")
            let caret = try #require(lines.dropFirst(quoted + 1).first?.firstIndex(of: "^"))
            let column = lines[quoted + 1].distance(from: lines[quoted + 1].startIndex, to: caret)
            #expect(lines[quoted].dropFirst(column).hasPrefix(testCase.pointsAt), "caret off:\n\(lines[quoted])\n\(lines[quoted + 1])")
        }
        let leaks = sweep.leaks(of: [testCase.secret], files: [:])
        #expect(leaks.isEmpty, "\(leaks.joined(separator: "\n"))")
    }

    @Test("a secret written on its own line is masked where another line repeats it")
    func literalSecretFromElsewhere() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", """
            monitoring:
              checks:
                - name: r
                  type: redis
                  host: localhost
                  password:
                    Excerpt-Pw-5
                - {name: t, type: tcp, host: localhost, port: 1, description: "Excerpt-Pw-5", bogus: 1}

            """)
        let run = try await BinaryRunner.run(["config", "validate"], in: directory.path)
        #expect(run.code == 78)
        #expect(run.err.contains("tta_config.yaml:8:") && run.err.contains("********"), "\(run.err)")
        #expect(!run.err.contains("Excerpt-Pw-5"), "\(run.err)")
    }

    @Test("line masking", arguments: [
        ("  password: hunter2-pw # comment", "  password: ******** # comment"),
        ("  - token: \"abc def\"", "  - token: \"********\""),
        ("  neo4j_password: ${NEO4J_PASSWORD}", "  neo4j_password: ${NEO4J_PASSWORD}"),
        ("  url: https://user:pw12@host/x?api_key=k123&a=b", "  url: https://user:********@host/x?api_key=********&a=b"),
        ("  auth: {username: u, password: 'p w'}", "  auth: {username: u, password: '********'}"),
        ("  timeout: 10s", "  timeout: 10s"),
    ])
    func lineMasking(line: String, expected: String) {
        #expect(ExcerptMasker.mask(line) == expected)
    }
}
