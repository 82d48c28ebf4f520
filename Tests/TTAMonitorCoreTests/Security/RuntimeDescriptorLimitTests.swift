import Foundation
import Testing
@testable import TTAMonitorCore

/// Healthy targets under a low open-file limit: never CRITICAL. `check` keeps the checks in
/// flight to what the limit allows, and a check that still finds no descriptor is UNKNOWN
/// with the local cause and the fix.
@Suite(.serialized) struct RuntimeDescriptorLimitTests {
    /// 40 HTTP and 40 TCP checks of one healthy loopback server, plus command checks.
    static func manyHealthyChecks(_ directory: TemporaryDirectory, server: LocalHTTPServer) throws {
        let port = URLComponents(string: server.url())!.port!
        var lines: [String] = []
        for index in 0..<40 {
            lines.append("    - {name: http-\(index), type: http, url: \"\(server.url("/ok"))\"}")
            lines.append("    - {name: tcp-\(index), type: tcp, host: 127.0.0.1, port: \(port)}")
        }
        for index in 0..<4 { lines.append("    - {name: cmd-\(index), type: command, command: \"true\"}") }
        try directory.write("tta_config.yaml", """
            monitoring:
              storage: {path: monitor.db}
              checks:
            \(lines.joined(separator: "\n"))
            """)
    }

    static func underLimit(_ limit: Int, _ arguments: [String], in directory: String) async throws -> BinaryRunner.Outcome {
        try await BinaryRunner.run(["-c", "ulimit -n \(limit) && exec \"$0\" \"$@\"", BinaryRunner.binaryPath] + arguments,
                                   in: directory, executable: "/bin/sh")
    }

    @Test("ulimit -n 32 with --concurrency 64: concurrency is clamped and every healthy target is OK")
    func clampedConcurrency() async throws {
        let directory = try TemporaryDirectory()
        let server = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
        defer { server.stop() }
        try Self.manyHealthyChecks(directory, server: server)
        let run = try await Self.underLimit(32, ["--json", "check", "--concurrency", "64"], in: directory.path)
        #expect(run.code == 0, "\(run.out)\n\(run.err)")
        #expect(!run.out.contains("\"CRITICAL\""), "\(run.out)")
        #expect(run.err.contains("note: at most 2 checks in flight instead of 64"), "\(run.err)")
        #expect(run.err.contains("ulimit -n"), "\(run.err)")
    }

    @Test("no descriptor left at all: UNKNOWN naming the local cause and the fix, never CRITICAL")
    func exhaustedIsUnknown() async throws {
        let directory = try TemporaryDirectory()
        let server = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
        defer { server.stop() }
        try Self.manyHealthyChecks(directory, server: server)
        let run = try await Self.underLimit(12, ["--json", "check", "--no-store"], in: directory.path)
        #expect(run.code == 3, "\(run.out)\n\(run.err)")
        let document = try JSONParser.parse(run.out)
        guard case .array(let results)? = document["checks"] else {
            Issue.record("no results: \(run.out)")
            return
        }
        var unknown = 0
        for result in results {
            #expect(result["status"] != .string("CRITICAL"), "\(result)")
            if result["status"] == .string("UNKNOWN") {
                unknown += 1
                guard case .string(let message)? = result["message"] else { continue }
                #expect(message.contains("local resource limit") && message.contains("ulimit -n")
                        && message.contains("--concurrency"), "\(message)")
            }
        }
        #expect(unknown > 0, "the limit must bite for this test to mean anything: \(run.out)")
    }

    @Test("a target that prints the exhaustion words stays CRITICAL: only a real exhaustion makes UNKNOWN")
    func spoofedExhaustionStaysCritical() async throws {
        let directory = try TemporaryDirectory()
        let words = "socket failed: local resource limit, not the target: tta-monitor reached its open-file limit of 9 (EMFILE); raise the open-file limit (ulimit -n) or lower --concurrency"
        try directory.write("tta_config.yaml", """
            monitoring:
              checks:
                - {name: liar, type: command, command: "echo '\(words)'; exit 2"}
            """)
        let run = try await BinaryRunner.run(["--json", "check", "--no-store"], in: directory.path)
        #expect(run.code == 2, "\(run.out)\n\(run.err)")
        #expect(run.out.contains("\"CRITICAL\""), "\(run.out)")
    }

    @Test("a /proc scan cut short by the limit is UNKNOWN, not \"no such process\" (CRITICAL)")
    func processScanUnderLimit() async throws {
        let directory = try TemporaryDirectory()
        // The test runner itself: a process that certainly exists.
        let name = try #require(ProcTable.comm(getpid()))
        try directory.write("tta_config.yaml", """
            monitoring:
              checks:
                - {name: runner, type: process, process_name: "\(name)"}
                - {name: load, type: load}
                - {name: memory, type: memory}
            """)
        var sawLocalLimit = false
        // The descriptors the binary needs before its checks vary a little by machine:
        // walk the limit up through the point where the checks start to get theirs.
        // At the boundary limit, whether the config read or the scan misses a descriptor first
        // varies from run to run (on a loaded 2-core machine, limit 9 went either way about
        // half the time), so each limit gets a few tries.
        for limit in 8...14 {
            for _ in 0..<4 {
                let run = try await Self.underLimit(limit, ["--json", "check", "--no-store"], in: directory.path)
                guard run.code <= 3 else { continue }   // too few to even read the config
                #expect(!run.out.contains("\"CRITICAL\""), "limit \(limit): \(run.out)")
                if run.out.contains("reading /proc failed: local resource limit") { sawLocalLimit = true }
            }
        }
        #expect(sawLocalLimit, "no limit made the /proc scan run short: the test proves nothing")
    }

    @Test("the clamp: (limit − reserved) / per check, at least 1, none when unlimited")
    func clampRule() {
        #expect(DescriptorLimit.maxConcurrentChecks(limit: 1_024) == (1_024 - DescriptorLimit.reserved) / DescriptorLimit.perCheck)
        #expect(DescriptorLimit.maxConcurrentChecks(limit: 32) == 2)
        #expect(DescriptorLimit.maxConcurrentChecks(limit: 8) == 1)
        #expect(DescriptorLimit.maxConcurrentChecks(limit: nil) == Int.max)
    }
}
