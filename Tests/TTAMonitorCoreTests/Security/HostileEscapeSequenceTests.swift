import Foundation
import Testing
@testable import TTAMonitorCore
#if canImport(Glibc)
import Glibc
#endif

/// Issue 14, item 4: what a target sends (an HTTP body's JSON value, a Redis error reply,
/// command output, a receiver's error body) never drives the terminal of whoever runs
/// `check`, `status` or `alerts`, and the database keeps a safe form.
@Suite(.serialized) struct HostileEscapeSequenceTests {
    final class Targets: @unchecked Sendable {
        let directory: TemporaryDirectory
        let http: LocalHTTPServer
        let redis = try! LoopbackListener()

        init() throws {
            directory = try TemporaryDirectory()
            let payload = HostileTerminal.payload
            http = try LocalHTTPServer { request in
                if request.path == "/hook" { return .init(status: 500, body: "receiver says " + payload) }
                return .json(JSONWriter.render(.object([("status", .string(payload))])))
            }
            redis.serve { fd in
                while !PeerIO.read(fd).isEmpty {
                    PeerIO.write(fd, "-ERR " + payload.replacingOccurrences(of: "\r", with: "") + "\r\n")
                }
            }
            let script = try directory.write("hostile.sh", """
                #!/bin/sh
                printf '\\033]0;pwned-title\\007\\033[2Jgone\\r\\b\\b\\302\\233\\342\\200\\256evil\\n'
                exit 2

                """)
            chmod(script, 0o755)
            try directory.write("tta.yaml", """
                monitoring:
                  storage: {path: monitor.db}
                  checks:
                    - {name: json-api, type: http, url: "\(http.url("/health"))", expect: {json: {status: healthy}}}
                    - {name: redis, type: redis, url: "redis://127.0.0.1:\(redis.port)"}
                    - {name: plugin, type: command, command: "\(script)"}
                  alerts:
                    channels:
                      - {name: hook, type: webhook, url: "\(http.url("/hook"))"}

                """)
        }

        func stop() {
            http.stop()
            redis.close()
        }

        var database: String { directory.file("monitor.db") }
    }

    static func expectSafe(_ bytes: [UInt8], _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let problems = HostileTerminal.problems(bytes)
        #expect(problems.isEmpty, "\(what): \(problems.prefix(5))", sourceLocation: sourceLocation)
        // The text itself still arrives, visibly: the payload was shown, not dropped.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("␛]0;pwned-title␇␛[2Jgone"), "\(what): \(text.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test("check and status tables on a pseudo-terminal show target escapes as visible pictures; the database holds the safe form")
    func checkAndStatusTables() async throws {
        let targets = try Targets()
        defer { targets.stop() }
        let path = targets.directory.path

        let check = try await HostileTerminal.run(["--config", "tta.yaml", "check"], in: path)
        #expect(check.code == 2, "\(String(decoding: check.bytes, as: UTF8.self))")
        Self.expectSafe(check.bytes, "check")
        let text = String(decoding: check.bytes, as: UTF8.self)
        for name in ["json-api", "redis", "plugin"] {
            let line = text.split(separator: "\n").first { $0.contains(name) && $0.contains("pwned-title") }
            #expect(line != nil, "\(name) does not show the payload: \(text.debugDescription)")
        }
        // Colour is still on (the tool's own SGR codes pass).
        #expect(text.contains("\u{1B}[31mCRITICAL\u{1B}[0m"), "\(text.debugDescription)")

        let nagios = try await HostileTerminal.run(["--config", "tta.yaml", "check", "--format", "nagios", "plugin"], in: path)
        #expect(HostileTerminal.problems(nagios.bytes).isEmpty, "nagios: \(HostileTerminal.problems(nagios.bytes).prefix(3))")

        let stored = try SQLiteRows.strings(targets.database, "SELECT message, details FROM check_results")
            + SQLiteRows.strings(targets.database, "SELECT last_message, '' FROM components")
        #expect(!stored.isEmpty)
        for row in stored {
            for value in row {
                #expect(HostileTerminal.problems(Array(value.utf8)).isEmpty, "stored: \(value.debugDescription)")
            }
        }
        #expect(stored.contains { $0[0].contains("␛]0;pwned-title") })

        let status = try await HostileTerminal.run(["--config", "tta.yaml", "status"], in: path)
        Self.expectSafe(status.bytes, "status")
    }

    @Test("status and status --json from an older database that still holds raw escapes show them neutralised")
    func rawBytesInAnOldDatabase() async throws {
        let targets = try Targets()
        defer { targets.stop() }
        let path = targets.directory.path
        _ = try await BinaryRunner.run(["--config", "tta.yaml", "check"], in: path)
        let database = try Database(path: targets.database)
        try database.prepare("UPDATE components SET last_message = ?").run([.text("raw " + HostileTerminal.payload)])
        try database.prepare("UPDATE check_results SET message = ?").run([.text("raw " + HostileTerminal.payload)])

        let status = try await HostileTerminal.run(["--config", "tta.yaml", "status"], in: path)
        Self.expectSafe(status.bytes, "status (old database)")

        let json = try await BinaryRunner.run(["--config", "tta.yaml", "status", "--json"], in: path)
        #expect(HostileTerminal.problems(Array(json.out.utf8)).isEmpty, "\(json.out.debugDescription)")
        #expect(!json.out.contains("\u{1B}") && !json.out.contains("\u{9B}") && !json.out.contains("\u{202E}"))
        #expect(json.out.contains(#"\u001b]0;pwned-title\u0007\u001b[2Jgone\r\u0008\u0008\u009b31m\u202eevil"#), "\(json.out)")
        // The value is unchanged for a program reading the JSON.
        let document = try JSONParser.parse(json.out)
        #expect(json.out.isEmpty == false && document["components"] != nil)
    }

    @Test("a receiver's error body reaches neither the notify-test table nor stderr with its escapes")
    func webhookErrorBody() async throws {
        let targets = try Targets()
        defer { targets.stop() }
        let result = try await HostileTerminal.run(["--config", "tta.yaml", "alerts", "notify-test", "hook"], in: targets.directory.path)
        #expect(result.code == 75, "\(String(decoding: result.bytes, as: UTF8.self))")
        Self.expectSafe(result.bytes, "notify-test")
        let text = String(decoding: result.bytes, as: UTF8.self)
        #expect(text.contains("Error: the test notification to 'hook' was not delivered: HTTP 500: receiver says"), "\(text)")
    }

    @Test("a CodeCarbon project name with escapes is stored and reported neutralised")
    func carbonProjectName() async throws {
        let targets = try Targets()
        defer { targets.stop() }
        let csv = try targets.directory.write("emissions.csv", """
            timestamp,project_name,run_id,duration,emissions,energy_consumed
            2026-01-02T10:00:00,"\(HostileTerminal.payload)",r1,10,0.001,0.01

            """)
        let imported = try await HostileTerminal.run(["--config", "tta.yaml", "carbon", "import", csv], in: targets.directory.path)
        #expect(HostileTerminal.problems(imported.bytes).isEmpty)
        let report = try await HostileTerminal.run(["--config", "tta.yaml", "carbon", "report", "--since", "2026-01-01", "--by", "project"],
                                                   in: targets.directory.path)
        Self.expectSafe(report.bytes, "carbon report")
    }
}
