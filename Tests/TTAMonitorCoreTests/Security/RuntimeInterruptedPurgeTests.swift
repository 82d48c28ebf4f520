import Foundation
import Testing
@testable import TTAMonitorCore
#if canImport(Glibc)
import Glibc
#endif

/// A purge killed while the file is in auto_vacuum FULL (its delete phase): the next
/// command that opens the database puts INCREMENTAL back, unless a purge is running.
@Suite(.serialized) struct RuntimeInterruptedPurgeTests {
    /// The file's auto_vacuum mode (0 none, 1 full, 2 incremental), read without repairing.
    static func vacuumMode(_ path: String) throws -> Int64? {
        try Database(path: path, readOnly: true).scalarInt("PRAGMA auto_vacuum")
    }

    @Test("kill -9 mid-purge leaves FULL; the next command restores INCREMENTAL", arguments: [SIGKILL, SIGTERM])
    func killedPurge(_ signal: Int32) async throws {
        let directory = try TemporaryDirectory()
        let path = try RuntimePurgeLockTests.oldHistory(directory, rows: 1_500_000)
        #expect(try Self.vacuumMode(path) == 2)
        let purge = try RuntimeProcess(["--db", path, "retention", "purge", "--dataset", "checks"], in: directory.path)
        let inDeletes = try await RuntimeWait.until(seconds: 60) { (try? Self.vacuumMode(path)) == 1 }
        #expect(inDeletes, "the purge never reached its delete phase: \(purge.err)")
        purge.send(signal)
        _ = try await purge.waitForExit(seconds: 30)
        purge.discardCaptures()
        #expect(try Self.vacuumMode(path) == 1, "the scenario: the killed purge left FULL behind")
        let status = try await BinaryRunner.run(["--db", path, "status"], in: directory.path)
        #expect([0, 1, 2, 3].contains(status.code), "\(status.err)")
        #expect(try Self.vacuumMode(path) == 2)
        #expect(try SQLiteRows.strings(path, "PRAGMA integrity_check") == [["ok"]])
    }

    @Test("left as is while a purge holds the lock; restored once it is free")
    func runningPurgeKeepsItsMode() async throws {
        let directory = try TemporaryDirectory()
        let path = try RuntimePurgeLockTests.oldHistory(directory, rows: 10)
        do {
            let database = try Database(path: path)
            try database.execute("PRAGMA auto_vacuum = FULL")
        }
        #expect(try Self.vacuumMode(path) == 1)
        do {
            let holder = try #require(try PurgeLock.acquire(forDatabase: path))
            _ = try await BinaryRunner.run(["--db", path, "status"], in: directory.path)
            #expect(try Self.vacuumMode(path) == 1, "a running purge's mode is its own")
            withExtendedLifetime(holder) {}
        }
        let status = try await BinaryRunner.run(["--db", path, "status"], in: directory.path)
        #expect([0, 1, 2, 3].contains(status.code), "\(status.err)")
        #expect(try Self.vacuumMode(path) == 2)
    }
}
