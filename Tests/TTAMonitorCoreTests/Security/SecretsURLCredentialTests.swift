import Foundation
import Synchronization
import Testing
@testable import TTAMonitorCore

/// Credentials in the URL of every check kind: parsed out of the host (a Bolt handshake
/// needs none, libcurl sends HTTP ones as Basic auth) and never shown, stored or written.
@Suite(.serialized) struct SecretsURLCredentialTests {
    static let passwords = ["UrlPw-neo4j-1", "UrlPw-neo4j-2", "UrlPw-tls-3", "UrlPw-tcp-4", "UrlPw-pg-5",
                            "UrlPw-redis-6", "UrlPw-http-7", "UrlPw-prom-8", "UrlPw-neohttp-9"]

    static func config(bolt: Int, http: Int, closed: Int) -> String {
        """
        monitoring:
          storage: {path: monitor.db}
          defaults: {timeout: 3s}
          checks:
            - {name: neo4j-bolt, type: neo4j, critical: true, url: "bolt://neo4j:UrlPw-neo4j-1@127.0.0.1:\(bolt)"}
            - {name: neo4j-gone, type: neo4j, critical: true, url: "bolt://neo4j:UrlPw-neo4j-2@nohost.invalid:7687"}
            - {name: tls, type: tls, critical: true, url: "tls://monitor:UrlPw-tls-3@nohost.invalid:443"}
            - {name: tcp, type: tcp, critical: true, url: "tcp://monitor:UrlPw-tcp-4@127.0.0.1:\(closed)"}
            - {name: postgres, type: postgres, critical: true, url: "postgres://tta:UrlPw-pg-5@127.0.0.1:\(closed)/tta"}
            - {name: redis, type: redis, critical: true, url: "redis://default:UrlPw-redis-6@127.0.0.1:\(closed)"}
            - {name: http, type: http, critical: true, url: "http://monitor:UrlPw-http-7@127.0.0.1:\(http)/echo"}
            - {name: prometheus, type: prometheus, critical: true, url: "http://scrape:UrlPw-prom-8@127.0.0.1:\(closed)/metrics"}
            - name: neo4j-http
              type: neo4j
              critical: true
              url: "bolt://127.0.0.1:\(bolt)"
              http_url: "http://neo4j:UrlPw-neohttp-9@127.0.0.1:\(closed)/"
          alerts:
            rules:
              - {name: down, kind: status, severity: critical}
            channels:
              - {name: archive, type: file, path: alerts.jsonl}
            route: {critical: [archive]}
        """
    }

    @Test("userinfo never reaches a host name, a message, config show, the database, alert files or reports")
    func urlCredentialsOfEveryKind() async throws {
        let directory = try TemporaryDirectory()
        let bolt = try BoltTestServer(supporting: ["5.4"])
        let authorizations = Mutex<[String]>([])
        // Echoes what it was sent, as a careless debug endpoint does, with a 500 so it lands in the message.
        let server = try LocalHTTPServer { request in
            let authorization = request.headers["authorization"] ?? ""
            authorizations.withLock { $0.append(authorization) }
            return .json(#"{"error":"denied","you_sent":"\#(authorization)"}"#, status: 500)
        }
        defer { server.stop() }
        let closed = try LocalHTTPServer.unusedPort()
        try directory.write("tta_config.yaml", Self.config(bolt: bolt.port, http: server.port, closed: closed))

        var sweep = SecretsSweep()
        let commands: [[String]] = [
            ["check"], ["check", "--json"], ["-v", "check"], ["status", "-v"], ["status", "--json"],
            ["config", "show"], ["config", "show", "--json"], ["config", "validate"],
            ["alerts", "list", "--state", "all", "--json"],
            ["export", "--format", "pdf", "--report", "checks", "--output", "checks.pdf"],
            ["export", "--format", "csv", "--report", "checks", "--output", "checks.csv"],
            ["export", "--format", "json", "--report", "status", "--output", "status.json"],
        ]
        var checkJSON = ""
        for arguments in commands {
            let run = try await BinaryRunner.run(arguments, in: directory.path)
            #expect(run.code != 70 && run.code != 64, "\(arguments): \(run.code) \(run.err)")
            if arguments == ["check", "--json"] { checkJSON = run.out }
            sweep.record(arguments, run)
        }

        // The URLs were understood: host names without userinfo, the Bolt handshake done
        // without credentials, the HTTP ones sent as Basic auth.
        let results = try JSONParser.parse(checkJSON)
        func message(_ name: String) -> String {
            guard case .array(let checks)? = results["checks"],
                  let check = checks.first(where: { $0["name"] == .string(name) }),
                  case .string(let text)? = check["message"] else { return "" }
            return text
        }
        // Without a resolver to ask, the lookup may time out instead; the host is clean either way.
        for name in ["neo4j-gone", "tls"] {
            #expect(message(name).contains("could not resolve host 'nohost.invalid'") || message(name).hasPrefix("timed out"),
                    "\(checkJSON)")
        }
        #expect(message("neo4j-bolt").hasPrefix("Bolt 5.4 agreed"), "\(checkJSON)")
        #expect(sweep.transcript.contains("host: nohost.invalid"))
        let basic = "Basic " + SecretVariants.base64(Array("monitor:UrlPw-http-7".utf8))
        #expect(authorizations.withLock { $0 }.contains(basic), "libcurl did not send the URL's credentials")

        let files = try SecretsSweep.writtenFiles(in: directory.path, inputs: ["tta_config.yaml"])
        #expect(files.keys.contains("monitor.db") && files.keys.contains("alerts.jsonl") && files.keys.contains("checks.pdf"),
                "\(files.keys.sorted())")
        let needles = Self.passwords + ["neo4j:UrlPw", "@nohost", SecretVariants.base64(Array("monitor:UrlPw-http-7".utf8))]
        let leaks = sweep.leaks(of: needles, files: files)
        #expect(leaks.isEmpty, "\(leaks.joined(separator: "\n"))")
    }

    @Test("the credential forms of a URL", arguments: [
        ("http://u:p%40ss@h/", ["p%40ss", "p@ss", "dTpwQHNz"]),
        ("redis://lonepw@h:6379", ["lonepw"]),
        ("https://ghp_0123456789abcdefXYZ@h/", ["ghp_0123456789abcdefXYZ"]),
        ("postgres://postgres@h/db", []),
        ("http://h/x@y", []),
    ])
    func urlCredentialForms(url: String, expected: [String]) {
        let forms = SecretVariants.urlCredentialForms(url)
        for form in expected { #expect(forms.contains(form), "\(form) missing from \(forms)") }
        if expected.isEmpty { #expect(forms.isEmpty, "\(forms)") }
    }

    @Test("URL splitting keeps credentials out of host and port", arguments: [
        ("bolt://neo4j:pw@localhost:7687", "bolt", "localhost", 7687),
        ("tls://u:p@ss@[::1]:443", "tls", "::1", 443),
        ("tcp://token@db.internal:5432/", "tcp", "db.internal", 5432),
    ])
    func hostPortDropsUserinfo(url: String, scheme: String, host: String, port: Int) throws {
        let parsed = try #require(HostPort.parse(url, scheme: scheme))
        #expect(parsed.0 == host && parsed.1 == port)
    }
}
