import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import TTAMonitorCore

/// `serve --no-http` through the built binary, against a real redis-server, a local HTTP
/// target that can be taken down, and a webhook receiver.
@Suite("serve end to end", .serialized)
struct ServeEndToEndTests {
    /// An HTTP target that answers 200, or 503 while `down`.
    final class SwitchableTarget: Sendable {
        let isDown = Mutex(false)
        var handler: @Sendable (LocalHTTPServer.Request) -> LocalHTTPServer.Response {
            { [self] _ in isDown.withLock { $0 } ? LocalHTTPServer.Response(status: 503, body: "down") : LocalHTTPServer.Response(body: "ok") }
        }
    }

    @Test("the target goes down: the webhook gets the firing notification within interval × failure_threshold + 2 s; back up: resolved")
    func firingAndResolved() async throws {
        let redis = try await RedisServerProcess.start()
        defer { redis.stop() }
        let target = SwitchableTarget()
        let api = try LocalHTTPServer(handler: target.handler)
        defer { api.stop() }
        let receiver = RequestRecorder()
        let hook = try LocalHTTPServer(handler: receiver.handler)
        defer { hook.stop() }
        let directory = try TemporaryDirectory()
        _ = try directory.write("tta.yaml", """
            monitoring:
              storage: {path: monitor.db}
              defaults: {interval: 1s, failure_threshold: 2, timeout: 2s}
              checks:
                - {name: redis, type: redis, url: "\(redis.url)"}
                - {name: api, type: http, url: "\(api.url("/health"))"}
              alerts:
                channels:
                  - {name: hook, type: webhook, url: "\(hook.url("/hook"))"}
                rules:
                  - {name: api-down, kind: status, check: api, severity: critical}
                route: {critical: [[hook]]}

            """)
        let serve = try ServeProcess(["--config", "tta.yaml", "serve", "--no-http"], in: directory.path)
        #expect(await ServeProcess.waitUntil(timeout: 15) { serve.events("check_result").count >= 4 }, "\(serve.log)")

        let wentDown = Date()
        target.isDown.withLock { $0 = true }
        let fired = await ServeProcess.waitUntil(timeout: 15) { Self.events(receiver).contains("firing") }
        let firingLatency = Date().timeIntervalSince(wentDown)
        #expect(fired, "\(serve.log)")
        #expect(firingLatency <= 1 * 2 + 2, "firing after \(firingLatency) s")

        target.isDown.withLock { $0 = false }
        #expect(await ServeProcess.waitUntil(timeout: 15) { Self.events(receiver).contains("resolved") }, "\(serve.log)")

        serve.send(SIGTERM)
        #expect(await serve.waitForExit(timeout: 10) == 0, "\(serve.log)")
        let redisResults = try SQLiteRows.strings(directory.file("monitor.db"), """
            SELECT count(*) FROM check_results JOIN components ON components.id = component_id
            WHERE components.name = 'redis' AND status = 0
            """)
        #expect(Int(redisResults.first?.first ?? "") ?? 0 >= 3)
        #expect(!serve.log.contains("level=error"), "\(serve.log)")
    }

    static func events(_ receiver: RequestRecorder) -> [String] {
        receiver.requests.flatMap { request -> [String] in
            guard case .array(let items)? = try? JSONParser.parse(request.bodyText)["notifications"] else { return [] }
            return items.compactMap { if case .string(let event)? = $0["event"] { event } else { nil } }
        }
    }

    @Test("a bad --listen is a usage error (64); an interval under a second a config error (78) naming its place")
    func refusedAtStart() async throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("tta.yaml", """
            monitoring:
              storage: {path: monitor.db}
              checks:
                - {name: quick, type: command, command: "true", interval: 1s}
                - {name: hasty, type: command, command: "true", interval: 200ms}

            """)
        let listen = try await BinaryRunner.run(["--config", "tta.yaml", "serve", "--listen", "example.com:80"], in: directory.path)
        #expect(listen.code == 64 && listen.err.contains("--listen"), "\(listen.err)")
        let both = try await BinaryRunner.run(["--config", "tta.yaml", "serve", "--listen", "127.0.0.1:9", "--no-http"], in: directory.path)
        #expect(both.code == 64, "\(both.err)")
        let fast = try await BinaryRunner.run(["--config", "tta.yaml", "serve", "--no-http"], in: directory.path)
        #expect(fast.code == 78 && fast.err.contains("tta.yaml:5:") && fast.err.contains("hasty"), "\(fast.err)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("monitor.db")))
    }

    @Test("SIGTERM mid-run (a slow command check): exit 0 within 5 s, the database intact, no child left")
    func gracefulStop() async throws {
        let directory = try TemporaryDirectory()
        let script = try directory.write("slow.sh", "#!/bin/sh\necho $$ > \"$(dirname \"$0\")/slow.pid\"\nexec sleep 60\n")
        chmod(script, 0o755)
        _ = try directory.write("tta.yaml", """
            monitoring:
              storage: {path: monitor.db}
              checks:
                - {name: quick, type: command, command: "true", interval: 1s}
                - {name: slow, type: command, command: "\(script)", interval: 1s, timeout: 50s}

            """)
        let serve = try ServeProcess(["--config", "tta.yaml", "serve", "--no-http"], in: directory.path)
        let pidFile = directory.file("slow.pid")
        #expect(await ServeProcess.waitUntil(timeout: 15) { FileManager.default.fileExists(atPath: pidFile)
            && serve.events("check_result").count >= 1 }, "\(serve.log)")
        let child = try #require(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))

        let signalled = Date()
        serve.send(SIGTERM)
        let code = await serve.waitForExit(timeout: 10)
        #expect(code == 0, "\(serve.log)")
        #expect(Date().timeIntervalSince(signalled) < 5)
        #expect(serve.events("serve_stopped").count == 1, "\(serve.log)")
        #expect(try SQLiteRows.strings(directory.file("monitor.db"), "PRAGMA integrity_check") == [["ok"]])
        #expect(await ServeProcess.waitUntil(timeout: 3) { kill(child, 0) != 0 }, "the slow command (pid \(child)) outlived serve")
    }

    @Test("a second serve on the same database is refused (exit 75, naming the first); check and status run beside it")
    func oneServePerDatabase() async throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("tta.yaml", """
            monitoring:
              storage: {path: monitor.db}
              checks:
                - {name: quick, type: command, command: "true", interval: 1s}

            """)
        let serve = try ServeProcess(["--config", "tta.yaml", "serve", "--no-http"], in: directory.path)
        #expect(await ServeProcess.waitUntil(timeout: 15) { serve.events("check_result").count >= 1 }, "\(serve.log)")

        let second = try await BinaryRunner.run(["--config", "tta.yaml", "serve", "--no-http"], in: directory.path)
        #expect(second.code == 75, "\(second.err)")
        #expect(second.err.contains("another tta-monitor serve is running on this database (pid \(serve.pid)"), "\(second.err)")

        // Cron's check, export and purge, and an operator's status meanwhile.
        for _ in 0..<3 {
            let check = try await BinaryRunner.run(["--config", "tta.yaml", "-q", "check"], in: directory.path)
            #expect(check.code == 0, "\(check.err)")
        }
        let export = try await BinaryRunner.run(["--config", "tta.yaml", "export", "--format", "json", "--report", "checks"],
                                                in: directory.path)
        #expect(export.code == 0 && export.out.contains("\"quick\""), "\(export.err)")
        let purge = try await BinaryRunner.run(["--config", "tta.yaml", "retention", "purge"], in: directory.path)
        #expect(purge.code == 0, "\(purge.err)")
        let status = try await BinaryRunner.run(["--config", "tta.yaml", "status"], in: directory.path)
        #expect(status.code == 0 && status.out.contains("quick"), "\(status.out)\(status.err)")
        #expect(status.out.contains("serve: running (pid \(serve.pid), started "), "\(status.out)")
        let json = try await BinaryRunner.run(["--config", "tta.yaml", "status", "--json"], in: directory.path)
        let document = try JSONParser.parse(json.out)
        #expect(document["serve"]?["running"] == .bool(true) && document["serve"]?["listen"] == .string("none"), "\(json.out)")
        #expect(document["serve"]?["pid"]?.number == Double(serve.pid), "\(json.out)")

        serve.send(SIGINT)
        #expect(await serve.waitForExit(timeout: 10) == 0, "\(serve.log)")
        #expect(serve.log.contains("signal=SIGINT"), "\(serve.log)")
        let after = try await BinaryRunner.run(["--config", "tta.yaml", "status", "--json"], in: directory.path)
        #expect(try JSONParser.parse(after.out)["serve"] == .null, "\(after.out)")
        #expect(try SQLiteRows.strings(directory.file("monitor.db"), "PRAGMA integrity_check") == [["ok"]])
    }

    @Test("reload: a changed file adds, removes and changes checks; a broken file is logged with its place and the old config stays")
    func reload() async throws {
        let directory = try TemporaryDirectory()
        let config = try directory.write("tta.yaml", """
            monitoring:
              storage: {path: monitor.db}
              checks:
                - {name: kept, type: command, command: "true", interval: 1s}
                - {name: changed, type: command, command: "true", interval: 1s}
                - {name: removed, type: command, command: "true", interval: 1s}

            """)
        let serve = try ServeProcess(["--config", "tta.yaml", "serve", "--no-http", "--log-format", "logfmt"], in: directory.path)
        #expect(await ServeProcess.waitUntil(timeout: 15) { serve.events("check_result").count >= 6 }, "\(serve.log)")

        try """
            monitoring:
              storage: {path: monitor.db}
              checks:
                - {name: kept, type: command, command: "true", interval: 1s}
                - {name: changed, type: command, command: "false", interval: 1s}   # exit 1: WARNING
                - {name: added, type: command, command: "true", interval: 1s}

            """.write(toFile: config, atomically: true, encoding: .utf8)
        #expect(await ServeProcess.waitUntil(timeout: 15) { !serve.events("config_reloaded").isEmpty }, "\(serve.log)")
        let reloaded = serve.events("config_reloaded").first ?? ""
        #expect(reloaded.contains("added=added") && reloaded.contains("removed=removed") && reloaded.contains("changed=changed"), "\(reloaded)")
        #expect(await ServeProcess.waitUntil(timeout: 15) {
            serve.log.contains("check=added status=OK") && serve.log.contains("check=changed status=WARNING")
        }, "\(serve.log)")
        let removedRuns = serve.log.components(separatedBy: "check=removed").count

        try "monitoring:\n  checks:\n    - {name: broken, type: nonsense}\n".write(toFile: config, atomically: true, encoding: .utf8)
        #expect(await ServeProcess.waitUntil(timeout: 15) { !serve.events("config_reload_failed").isEmpty }, "\(serve.log)")
        let failure = serve.events("config_reload_failed").first ?? ""
        #expect(failure.contains("tta.yaml:3:"), "\(failure)")
        serve.send(SIGHUP)
        #expect(await ServeProcess.waitUntil(timeout: 10) { serve.events("config_reload_failed").count >= 2 }, "\(serve.log)")
        #expect(serve.events("config_reload_failed").last?.contains("reason=SIGHUP") == true, "\(serve.log)")
        let status = try await BinaryRunner.run(["--db", "monitor.db", "status", "--json"], in: directory.path)
        let configError = try JSONParser.parse(status.out)["serve"]?["config_error"]
        guard case .string(let reason)? = configError else { Issue.record("no config_error in \(status.out)"); return }
        #expect(reason.contains("tta.yaml:3:"), "\(reason)")

        // The old config stays in force: its checks keep running, the removed one stays gone.
        let addedRuns = serve.log.components(separatedBy: "check=added status").count
        #expect(await ServeProcess.waitUntil(timeout: 10) { serve.log.components(separatedBy: "check=added status").count > addedRuns + 1 })
        #expect(serve.log.components(separatedBy: "check=removed").count == removedRuns)

        serve.send(SIGTERM)
        #expect(await serve.waitForExit(timeout: 10) == 0, "\(serve.log)")
    }
}
