import Foundation
import Testing
@testable import TTAMonitorCore

/// Eight `check` loops on one database while `retention purge` and `status` run beside them:
/// nothing lost, nothing refused as locked, and the file stays intact.
@Suite(.serialized) struct ConcurrencyTests {
    @Test("8 check loops + purge + export + status: every run stored, no 'database is locked', integrity ok")
    func concurrentWritersLoseNothing() async throws {
        let directory = try TemporaryDirectory()
        let server = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
        defer { server.stop() }
        try directory.write("tta_config.yaml", """
            monitoring:
              storage: {path: monitor.db}
              defaults: {timeout: 2s}
              checks:
                - {name: api, type: http, url: "\(server.url("/ok"))"}
                - {name: api-slow, type: http, url: "\(server.url("/slow?ms=20"))"}
                - {name: disk-root, type: disk, path: /}
            """)
        // One run first so the schema exists before the loops race to create it.
        let first = try await BinaryRunner.run(["check", "-q"], in: directory.path)
        #expect(first.code == 0, "\(first.err)")

        let deadline = Date().addingTimeInterval(ReliabilityMode.concurrencySeconds)
        let checkers = (0..<8).map { _ in BinaryLoop(["check", "-q"], in: directory.path, until: deadline) }
        let purger = BinaryLoop(["retention", "purge", "-q"], in: directory.path, until: deadline, pause: 0.5)
        let reader = BinaryLoop(["status", "--json"], in: directory.path, until: deadline, pause: 0.1)
        let exporter = BinaryLoop(["export", "--format", "csv", "--report", "checks", "--output", "export.csv"],
                                  in: directory.path, until: deadline, pause: 0.2)
        var checkTallies: [BinaryLoop.Tally] = []
        for checker in checkers { checkTallies.append(try await checker.finish()) }
        let purgeTally = try await purger.finish()
        let readTally = try await reader.finish()
        let exportTally = try await exporter.finish()

        let storedRuns = checkTallies.reduce(0) { $0 + ($1.exitCodes[0] ?? 0) } + 1
        let failedRuns = checkTallies.reduce(0) { $0 + $1.runs - ($1.exitCodes[0] ?? 0) }
        let locked = (checkTallies + [purgeTally, readTally, exportTally]).reduce(0) { $0 + $1.lockedErrors }
        let samples = (checkTallies + [purgeTally, readTally, exportTally]).flatMap(\.stderrSamples)
        #expect(failedRuns == 0, "check runs that failed: \(failedRuns): \(samples)")
        #expect(locked == 0, "runs that reported a locked/busy database: \(locked): \(samples)")
        #expect(purgeTally.runs > 0 && purgeTally.exitCodes[0] == purgeTally.runs, "purge: \(purgeTally)")
        #expect(readTally.runs > 0 && Set(readTally.exitCodes.keys).isSubset(of: [0, 1, 2, 3]), "status: \(readTally)")
        #expect(exportTally.runs > 0 && exportTally.exitCodes[0] == exportTally.runs, "export: \(exportTally)")

        let database = try Database(path: directory.file("monitor.db"))
        #expect(try database.scalarInt("SELECT count(*) FROM runs") == Int64(storedRuns))
        #expect(try database.scalarInt("SELECT count(*) FROM check_results") == Int64(storedRuns * 3))
        #expect(try SQLiteRows.strings(directory.file("monitor.db"), "PRAGMA integrity_check") == [["ok"]])
        print("reliability: concurrency \(ReliabilityMode.concurrencySeconds) s: \(storedRuns) runs, "
              + "\(storedRuns * 3) rows expected and stored, \(purgeTally.runs) purges, \(readTally.runs) status reads, \(exportTally.runs) exports, locked \(locked), "
              + "longest check run \(Int(checkTallies.map(\.longestSeconds).max()! * 1_000)) ms")
    }
}
