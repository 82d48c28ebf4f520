import Foundation
import Testing
@testable import TTAMonitorCore

/// Every command, run with a config full of secrets against targets that answer with PII:
/// neither the secrets nor the PII appear on stdout, stderr, in the database or in any file
/// tta-monitor writes.
@Suite(.serialized) struct SecretsAndPIITests {
    static let secrets = ["s3cr3t-redis-pw", "tok-BEARER-123", "basic-pw-456", "apikey-789", "hookTOKEN-abc",
                          "am-pass-def", "dbpw-ghi", "pgpw-jkl", "envtoken-mno"]
    static let pii = ["alice@example.com", "203.0.113.7", "2001:db8::17",
                      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJlLXZhbHVl"]

    /// Answers every request with a body full of PII (and a 500, so it lands in messages).
    static func piiServer() throws -> LocalHTTPServer {
        try LocalHTTPServer { request in
            let body = #"{"status":"alice@example.com from 203.0.113.7 and 2001:db8::17, "#
                + #"token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJlLXZhbHVl"}"#
            return request.path == "/ok" ? .json(#"{"status":"alice@example.com"}"#) : .json(body, status: 500)
        }
    }

    static func config(server: LocalHTTPServer, closedPort: Int, directory: TemporaryDirectory) -> String {
        """
        monitoring:
          storage: {path: monitor.db}
          defaults: {timeout: 2s}
          checks:
            - {name: redis, type: redis, url: "redis://default:s3cr3t-redis-pw@127.0.0.1:\(closedPort)", critical: true}
            - name: api-bearer
              type: http
              url: "\(server.url("/ok"))"
              auth: {token: "tok-BEARER-123"}
              headers: {X-Api-Key: "${API_KEY}"}
              expect: {json: {status: healthy}}
            - name: api-basic
              type: http
              url: "\(server.url("/fail"))"
              auth: {username: monitor, password: "basic-pw-456"}
            - name: api-url-password
              type: http
              url: "http://monitor:dbpw-ghi@127.0.0.1:\(server.port)/fail"
            - {name: postgres, type: postgres, url: "postgres://tta:pgpw-jkl@127.0.0.1:\(closedPort)/tta"}
            - name: plugin
              type: command
              command: ["/bin/sh", "-c", "cat \(directory.file("plugin-output.txt")); echo token $TOKEN; exit 2"]
              environment: {TOKEN: "envtoken-mno"}
          alerts:
            rules:
              - {name: down, kind: status, severity: critical}
            channels:
              - {name: hook, type: webhook, url: "http://127.0.0.1:\(closedPort)/hooks/hookTOKEN-abc", timeout: 1s}
              - {name: am, type: alertmanager, url: "http://admin:am-pass-def@127.0.0.1:\(closedPort)", timeout: 1s}
              - {name: archive, type: file, path: "\(directory.file("alerts.jsonl"))"}
            route: {critical: [hook, am, archive]}
        """
    }

    @Test("no secret and no PII in any output, the database, or a written file")
    func nothingLeaks() async throws {
        let directory = try TemporaryDirectory()
        let server = try Self.piiServer()
        defer { server.stop() }
        let closedPort = try LocalHTTPServer.unusedPort()
        try directory.write("tta_config.yaml", Self.config(server: server, closedPort: closedPort, directory: directory))
        // What a Nagios plugin might print about a user; the test reads it from the file so
        // the PII is not in the config (whose command line `config show` prints as written).
        _ = try directory.write("plugin-output.txt", "CRITICAL: login by alice@example.com from 203.0.113.7 (2001:db8::17) "
            + "session eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJlLXZhbHVl ")
        let environment = ["API_KEY": "apikey-789"]
        let commands: [[String]] = [
            ["check"], ["check", "--json"], ["check", "-v"], ["check", "--format", "nagios"], ["check", "--format", "junit"],
            ["check", "--format", "tap"], ["check", "--format", "openmetrics"],
            ["check", "--output", "json=out/check.json", "--output", "junit=out/check.xml", "--output", "openmetrics=out/check.prom"],
            ["status"], ["status", "--json"], ["status", "-v"],
            ["config", "show"], ["config", "show", "--json"], ["config", "validate"], ["config", "validate", "--json"],
            ["alerts", "list", "--state", "all"], ["alerts", "list", "--state", "all", "--json"], ["alerts", "history", "--json"],
            ["alerts", "show", "1"], ["alerts", "show", "1", "--json"], ["alerts", "evaluate", "--json"],
            ["alerts", "notify-test", "hook"], ["alerts", "notify-test", "am", "--json"], ["alerts", "notify-test", "archive"],
            ["discover", "--source", "config"], ["discover", "--source", "config", "--emit-yaml"], ["discover", "--source", "config", "--json"],
            ["retention", "purge", "--dry-run", "--json"], ["retention", "purge"],
            ["carbon", "report", "--json"],
        ] + ExportLeakCommands.all
        var transcript = ""
        for arguments in commands {
            let run = try await BinaryRunner.run(["-v"] + arguments, in: directory.path, environment: environment)
            #expect(run.code != 70, "\(arguments) hit an internal error: \(run.err)")
            transcript += "$ \(arguments.joined(separator: " "))\n\(run.out)\n\(run.err)\n"
        }
        // Everything tta-monitor wrote: the database (with its WAL) and every output file.
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        while let name = enumerator?.nextObject() as? String {
            let path = directory.file(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  name != "tta_config.yaml", name != "plugin-output.txt", !name.hasPrefix(".std") else { continue }
            files[name] = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        }
        #expect(files.keys.contains("monitor.db"))
        #expect(files.keys.contains("alerts.jsonl"), "the file channel wrote nothing: \(files.keys.sorted())")
        // The checks did fail with the PII in their answers, so redaction had work to do.
        for marker in ["[email]", "[ipv4]", "[ipv6]", "[jwt]"] {
            #expect(transcript.contains(marker), "nothing became \(marker): is the PII reaching the messages at all?")
        }
        for needle in Self.secrets + Self.pii {
            #expect(!transcript.contains(needle), "'\(needle)' printed:\n\(Self.context(of: needle, in: transcript))")
            for (name, content) in files {
                #expect(!content.contains(needle), "'\(needle)' written to \(name): \(Self.context(of: needle, in: content))")
            }
        }
    }

    static func context(of needle: String, in text: String) -> String {
        guard let range = text.range(of: needle) else { return "" }
        let start = text.index(range.lowerBound, offsetBy: -200, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 120, limitedBy: text.endIndex) ?? text.endIndex
        return String(text[start..<end])
    }
}

/// The export commands of the leak test (every report in every format).
enum ExportLeakCommands {
    static let all: [[String]] = []
}
