import Foundation
import Testing
@testable import TTAMonitorCore
#if canImport(Glibc)
import Glibc
#endif

/// Targets that misbehave on purpose: every check must end by its own deadline with a message
/// a person can act on, and the process must stay small (bodies are capped, not buffered).
@Suite(.serialized) struct HostileTargetsTests {
    /// Each hostile peer, kept alive for the duration of one run.
    final class Peers: @unchecked Sendable {
        let headersForever = try! LoopbackListener()
        let hugeBody = try! LoopbackListener()
        let silent = try! LoopbackListener()
        let garbageRedis = try! LoopbackListener()

        init() {
            // Sends a status line, then one more header every 5 ms for as long as the client
            // listens: the response never gets to its body.
            headersForever.serve { fd in
                _ = PeerIO.read(fd)
                PeerIO.write(fd, "HTTP/1.1 200 OK\r\n")
                var index = 0
                while true {
                    let line = Array("X-Header-\(index): \(String(repeating: "a", count: 64))\r\n".utf8)
                    if send(fd, line, line.count, Int32(MSG_NOSIGNAL)) <= 0 { return }
                    index += 1
                    usleep(5_000)
                }
            }
            // Announces 1 GiB and streams it as fast as the client reads.
            hugeBody.serve { fd in
                _ = PeerIO.read(fd)
                PeerIO.write(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1073741824\r\n\r\n")
                let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 65_536)
                var sent = 0
                while sent < 1_073_741_824 {
                    let count = send(fd, chunk, chunk.count, Int32(MSG_NOSIGNAL))
                    if count <= 0 { return }
                    sent += count
                }
            }
            // Answers every command with bytes that are not RESP.
            garbageRedis.serve { fd in
                while !PeerIO.read(fd).isEmpty {
                    PeerIO.write(fd, [0x00, 0xFF, 0x13, 0x37] + Array("garbage\r\n".utf8))
                }
            }
        }

        func close() {
            for listener in [headersForever, hugeBody, silent, garbageRedis] { listener.close() }
        }
    }

    /// Runs the binary under GNU time for its maximum resident set size (KiB).
    static func runMeasured(_ arguments: [String], in directory: String) async throws -> (outcome: BinaryRunner.Outcome, maxRSSKiB: Int) {
        let timeFile = directory + "/time.txt"
        let outcome = try await BinaryRunner.run(["-o", timeFile, "-f", "%M", BinaryRunner.binaryPath] + arguments,
                                                 in: directory, executable: "/usr/bin/time")
        let text = try String(contentsOfFile: timeFile, encoding: .utf8)
        let kib = text.split(separator: "\n").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.last ?? -1
        return (outcome, kib)
    }

    @Test("headers forever, a 1 GiB body, a silent peer, RESP garbage, bad certificates and an unresolvable name all end by their deadlines")
    func everyHostileTargetEndsByItsDeadline() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else {
            Issue.record("GNU time (/usr/bin/time) is needed: scripts/install-deps.sh installs it")
            return
        }
        let directory = try TemporaryDirectory()
        let peers = Peers()
        defer { peers.close() }
        let expired = try await TLSTestCertificate.makeExpired(in: directory)
        let selfSigned = try await TLSTestCertificate.make(in: directory, days: 200)
        let expiredServer = try await TLSTestServer.start(certificate: expired)
        let selfSignedServer = try await TLSTestServer.start(certificate: selfSigned)
        defer { expiredServer.stop(); selfSignedServer.stop() }

        try directory.write("tta_config.yaml", """
            monitoring:
              storage: {path: monitor.db}
              defaults: {timeout: 2s}
              checks:
                - {name: headers-forever, type: http, url: "http://127.0.0.1:\(peers.headersForever.port)/"}
                - {name: huge-body, type: http, url: "http://127.0.0.1:\(peers.hugeBody.port)/", expect: {body_contains: healthy}}
                - {name: silent-http, type: http, url: "http://127.0.0.1:\(peers.silent.port)/"}
                - {name: silent-redis, type: redis, url: "redis://127.0.0.1:\(peers.silent.port)"}
                - {name: garbage-redis, type: redis, url: "redis://127.0.0.1:\(peers.garbageRedis.port)"}
                - {name: expired-tls, type: tls, url: "tls://127.0.0.1:\(expiredServer.port)"}
                - {name: self-signed-https, type: http, url: "https://127.0.0.1:\(selfSignedServer.port)/"}
                - {name: no-such-host, type: http, url: "http://no-such-host.invalid/health"}
            """)
        let (outcome, maxRSSKiB) = try await Self.runMeasured(["check", "--json"], in: directory.path)
        #expect(outcome.code == 2, "stderr: \(outcome.err)")
        // Every check has a 2 s deadline and they run concurrently: the whole run must not take
        // the sum of them, and none may hang past its own.
        #expect(outcome.seconds < 6, "took \(outcome.seconds) s")
        // A 1 GiB body must be read no further than the cap, not buffered.
        #expect(maxRSSKiB > 0 && maxRSSKiB < 96 * 1_024, "max RSS \(maxRSSKiB) KiB")

        let document = try JSONParser.parse(outcome.out)
        guard case .array(let checks)? = document["checks"] else {
            Issue.record("no checks array in \(outcome.out)")
            return
        }
        var byName: [String: (status: String, message: String, latency: Double)] = [:]
        for check in checks {
            guard let name = check["name"]?.scalarText, let status = check["status"]?.scalarText else { continue }
            byName[name] = (status, check["message"]?.scalarText ?? "", check["latency_ms"]?.number ?? 0)
        }
        print("hostile: \(outcome.seconds) s, max RSS \(maxRSSKiB) KiB"); for (n, r) in byName { print("hostile: \(n) \(r.status) \(Int(r.latency)) ms: \(r.message)") }
        #expect(byName.count == 8)
        for (name, result) in byName {
            #expect(result.status != "OK", "\(name) reported OK: \(result.message)")
            #expect(!result.message.isEmpty, "\(name) has no message")
            #expect(result.latency < 3_000, "\(name) took \(result.latency) ms past its 2 s deadline")
        }
        let lowered = { (name: String) in byName[name]?.message.lowercased() ?? "" }
        #expect(lowered("silent-http").contains("timed out") || lowered("silent-http").contains("timeout"))
        #expect(lowered("silent-redis").contains("timed out") || lowered("silent-redis").contains("timeout"))
        #expect(lowered("no-such-host").contains("resolve"))
        #expect(lowered("expired-tls").contains("expired") || lowered("expired-tls").contains("certificate"))
        #expect(lowered("self-signed-https").contains("certificate"))
        #expect(byName["huge-body"]?.status == "CRITICAL")
    }
}
