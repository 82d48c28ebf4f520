import Foundation
import Testing
@testable import TTAMonitorCore
#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` at random moments: the database always opens, is intact, holds only whole runs,
/// and the next run carries on.
@Suite(.serialized) struct CrashRecoveryTests {
    /// Starts the binary and SIGKILLs it after `delay`; returns whether it was still running.
    static func killDuring(_ arguments: [String], in directory: String, after delay: TimeInterval) async throws -> Bool {
        try await offloaded {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: BinaryRunner.binaryPath)
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            process.environment = BinaryEnvironment.clean(home: directory)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            let wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return wasRunning
        }
    }

    /// The quickest of three whole runs of `arguments`, in seconds; `reset` runs after each
    /// so the next one has the same work to do.
    static func quickestRun(_ arguments: [String], in directory: String,
                            reset: () throws -> Void = {}) async throws -> Double {
        var quickest = Double.infinity
        for _ in 0..<3 {
            let whole = try await BinaryRunner.run(arguments, in: directory)
            #expect(whole.code == 0, "\(whole.err)")
            quickest = min(quickest, whole.seconds)
            try reset()
        }
        return quickest
    }

    /// The invariants after a crash: opens, integrity ok, every stored run complete.
    static func expectIntact(_ path: String, checksPerRun: Int) throws {
        #expect(try SQLiteRows.strings(path, "PRAGMA integrity_check") == [["ok"]])
        let partial = try SQLiteRows.strings(path, """
            SELECT r.id, r.checks, count(c.id) FROM runs r LEFT JOIN check_results c ON c.run_id = r.id
            GROUP BY r.id HAVING count(c.id) <> r.checks OR r.checks <> \(checksPerRun)
            """)
        #expect(partial.isEmpty, "runs stored in part: \(partial)")
    }

    @Test("kill -9 of check at random moments never leaves a broken database or a half-stored run")
    func checkKilledAtRandom() async throws {
        let directory = try TemporaryDirectory()
        let server = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
        defer { server.stop() }
        let checks = (0..<20).map { "    - {name: api-\($0), type: http, url: \"\(server.url("/slow?ms=\(10 + $0 * 3)"))\"}" }
        try directory.write("tta_config.yaml", """
            monitoring:
              storage: {path: monitor.db}
              checks:
            \(checks.joined(separator: "\n"))
            """)
        let path = directory.file("monitor.db")
        var killedWhileRunning = 0
        var generator = SystemRandomNumberGenerator()
        // Whole runs first: the kills then land inside the time one takes on this machine. The
        // quickest of three, since one run slowed by a loaded machine would put most kills
        // after the end of the runs that follow.
        let span = max(0.02, try await Self.quickestRun(["check", "-q"], in: directory.path) * 0.9)
        for _ in 0..<ReliabilityMode.crashes {
            let delay = Double.random(in: 0.003...span, using: &generator)
            if try await Self.killDuring(["check", "-q"], in: directory.path, after: delay) { killedWhileRunning += 1 }
            if FileManager.default.fileExists(atPath: path) { try Self.expectIntact(path, checksPerRun: 20) }
        }
        #expect(killedWhileRunning > ReliabilityMode.crashes / 2, "most kills must land mid-run to mean anything")
        let after = try await BinaryRunner.run(["check", "-q"], in: directory.path)
        #expect(after.code == 0, "the next run carries on: \(after.err)")
        try Self.expectIntact(path, checksPerRun: 20)
        print("reliability: check kill -9 x\(ReliabilityMode.crashes) (\(killedWhileRunning) mid-run): integrity ok, no partial run")
    }

    @Test("kill -9 of carbon import at random moments: a file is stored whole or not at all, and the next import completes it")
    func carbonImportKilledAtRandom() async throws {
        let directory = try TemporaryDirectory()
        let rows = 8_000
        var csv = "timestamp,project_name,run_id,duration,emissions,energy_consumed\n"
        for index in 0..<rows {
            csv += "2026-11-\(10 + index % 10)T10:\(10 + index % 50):00,tta-\(index % 4),run-\(index),\(index % 97).5,0.000\(100 + index % 900),0.00\(1000 + index % 9000)\n"
        }
        let file = try directory.write("emissions.csv", csv)
        let path = directory.file("monitor.db")
        var generator = SystemRandomNumberGenerator()
        var killedWhileRunning = 0
        var outcomes: [Int64: Int] = [:]
        // A whole import into a scratch database first: the kills land inside its duration.
        let scratch = directory.file("scratch.db")
        let span = max(0.02, try await Self.quickestRun(["carbon", "import", file, "--db", scratch], in: directory.path) {
            try Database(path: scratch).execute("DELETE FROM carbon_runs")
        } * 0.9)
        for _ in 0..<ReliabilityMode.crashes {
            let delay = Double.random(in: 0.003...span, using: &generator)
            if try await Self.killDuring(["carbon", "import", file, "--db", path], in: directory.path, after: delay) { killedWhileRunning += 1 }
            guard FileManager.default.fileExists(atPath: path) else { continue }
            #expect(try SQLiteRows.strings(path, "PRAGMA integrity_check") == [["ok"]])
            // The schema may not exist yet when the kill came before the first migration.
            let tables = try SQLiteRows.strings(path, "SELECT count(*) FROM sqlite_master WHERE name = 'carbon_runs'")
            let stored = tables == [["1"]] ? try Database(path: path).scalarInt("SELECT count(*) FROM carbon_runs") ?? 0 : 0
            outcomes[stored, default: 0] += 1
            #expect(stored == 0 || stored == Int64(rows), "a killed import left \(stored) of \(rows) rows")
            // Start over so the next kill lands on an import that has work to do.
            if stored == Int64(rows) { try Database(path: path).execute("DELETE FROM carbon_runs") }
        }
        #expect(killedWhileRunning > ReliabilityMode.crashes / 2, "most kills must land mid-import to mean anything")
        let after = try await BinaryRunner.run(["carbon", "import", file, "--db", path], in: directory.path)
        #expect(after.code == 0, "\(after.err)")
        #expect(try Database(path: path).scalarInt("SELECT count(*) FROM carbon_runs") == Int64(rows))
        print("reliability: carbon import kill -9 x\(ReliabilityMode.crashes) (\(killedWhileRunning) mid-run): rows stored after each kill \(outcomes)")
    }

    @Test("kill -9 of retention purge at random moments: history is never lost or counted twice once a purge completes")
    func purgeKilledAtRandom() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", """
            monitoring:
              storage: {path: monitor.db}
              retention: {checks: 7d}
              checks:
                - {name: disk-root, type: disk, path: /}
            """)
        let path = directory.file("monitor.db")
        let first = try await BinaryRunner.run(["check", "-q"], in: directory.path)
        #expect(first.code == 0, "\(first.err)")
        // Before each kill, 20,000 more results (one a second) in hours of their own, all past
        // the 7-day window, so every purge has work to be interrupted in.
        let now = WallClock.nowMilliseconds()
        let database = try Database(path: path)
        var generator = SystemRandomNumberGenerator()
        var killedWhileRunning = 0
        // Round 0 runs to the end and times a whole purge; the kills then land inside that span.
        var span = 0.3
        for round in 0...ReliabilityMode.crashes {
            let start = now - 10 * 86_400_000 - Int64(round) * 8 * 3_600_000
            try database.execute("""
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19999)
                INSERT INTO check_results (run_id, component_id, ts, status, latency_ms, message, reported_status)
                SELECT 1, 1, \(start) - i * 1000, CASE WHEN i % 10 = 0 THEN 2 ELSE 0 END, i % 50, 'generated', 0 FROM n
                """)
            if round == 0 {
                let whole = try await BinaryRunner.run(["retention", "purge", "-q"], in: directory.path)
                #expect(whole.code == 0, "\(whole.err)")
                span = max(0.02, whole.seconds * 0.9)
                continue
            }
            let delay = Double.random(in: 0.003...span, using: &generator)
            if try await Self.killDuring(["retention", "purge", "-q"], in: directory.path, after: delay) { killedWhileRunning += 1 }
            #expect(try SQLiteRows.strings(path, "PRAGMA integrity_check") == [["ok"]])
        }
        let original = Int64(ReliabilityMode.crashes + 1) * 20_000 + 1
        let originalBad = Int64(ReliabilityMode.crashes + 1) * 2_000
        let after = try await BinaryRunner.run(["retention", "purge", "--json"], in: directory.path)
        #expect(after.code == 0, "\(after.err)")
        // Every purged result lives on in exactly one hourly rollup.
        let raw = try database.scalarInt("SELECT count(*) FROM check_results") ?? 0
        let rolled = try database.scalarInt("SELECT coalesce(sum(count), 0) FROM rollups") ?? 0
        let rolledBad = try database.scalarInt("SELECT coalesce(sum(critical + warning + unknown), 0) FROM rollups") ?? 0
        let rawBad = try database.scalarInt("SELECT count(*) FROM check_results WHERE status <> 0") ?? 0
        #expect(raw < original, "nothing was purged")
        #expect(raw + rolled == original, "raw \(raw) + rolled up \(rolled) != \(original)")
        #expect(rawBad + rolledBad == originalBad)
        #expect(killedWhileRunning > ReliabilityMode.crashes / 2, "most kills must land mid-purge to mean anything")
        print("reliability: purge kill -9 x\(ReliabilityMode.crashes) (\(killedWhileRunning) mid-run): integrity ok; "
              + "\(raw) raw + \(rolled) rolled up = \(original) results")
    }
}
