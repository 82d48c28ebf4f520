import Foundation
import Testing
@testable import TTAMonitorCore
#if canImport(Glibc)
import Glibc
#endif

/// Two `retention purge` at once: the second exits 75 ("another purge is running") and
/// records nothing; the first reports its own figures.
@Suite(.serialized) struct RuntimePurgeLockTests {
    /// Whether some process holds the purge lock of the database at `path`.
    static func isLocked(_ path: String) -> Bool {
        let fd = open(PurgeLock.path(forDatabase: path), O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return errno == EWOULDBLOCK }
        flock(fd, LOCK_UN)
        return false
    }

    /// A database with `rows` check results, all older than the default 30-day window.
    static func oldHistory(_ directory: TemporaryDirectory, rows: Int) throws -> String {
        let path = directory.file("monitor.db")
        let database = try Database(path: path)
        try RetentionHistory.add(database, component: "api", from: WallClock.nowMilliseconds() - 60 * RetentionHistory.day,
                                 count: rows, stepMs: 1_000)
        return path
    }

    @Test("a purge while another holds the lock exits 75 and records nothing")
    func heldLockIsTemporaryFailure() async throws {
        let directory = try TemporaryDirectory()
        let path = try Self.oldHistory(directory, rows: 1_000)
        do {
            let holder = try #require(try PurgeLock.acquire(forDatabase: path))
            let second = try await BinaryRunner.run(["--db", path, "retention", "purge"], in: directory.path)
            #expect(second.code == 75, "\(second.out)\n\(second.err)")
            #expect(second.err.contains("another purge is running"), "\(second.err)")
            #expect(second.out.isEmpty)
            // A dry run changes nothing and needs no lock.
            let dry = try await BinaryRunner.run(["--db", path, "retention", "purge", "--dry-run"], in: directory.path)
            #expect(dry.code == 0, "\(dry.err)")
            withExtendedLifetime(holder) {}
        }
        let database = try Database(path: path, readOnly: true)
        #expect(try database.scalarInt("SELECT count(*) FROM purge_log WHERE dry_run = 0") == 0)
        #expect(try database.scalarInt("SELECT count(*) FROM check_results") == 1_000)
        // Once the lock is free, the purge runs.
        let free = try await BinaryRunner.run(["--db", path, "retention", "purge"], in: directory.path)
        #expect(free.code == 0, "\(free.err)")
    }

    @Test("two real purges at once: the second exits 75, the first reports every row it removed")
    func concurrentPurges() async throws {
        let directory = try TemporaryDirectory()
        let rows = 1_500_000
        let path = try Self.oldHistory(directory, rows: rows)
        let first = try RuntimeProcess(["--json", "--db", path, "retention", "purge", "--dataset", "checks"], in: directory.path)
        let locked = try await RuntimeWait.until(seconds: 60) { Self.isLocked(path) }
        #expect(locked, "the first purge never took its lock: \(first.err)")
        let second = try await BinaryRunner.run(["--json", "--db", path, "retention", "purge", "--dataset", "checks"],
                                                in: directory.path)
        let ended = try await first.waitForExit(seconds: 300)
        #expect(ended?.status == 0, "\(first.err)")
        #expect(second.code == 75, "the second purge must not run alongside the first: \(second.out)\n\(second.err)")
        #expect(second.err.contains("another purge is running"), "\(second.err)")
        let document = try JSONParser.parse(first.out)
        #expect(document["rows_removed"] == .int(Int64(rows)), "\(first.out)")
        first.discardCaptures()
        let database = try Database(path: path, readOnly: true)
        #expect(try database.scalarInt("SELECT count(*) FROM purge_log") == 1)
    }

    @Test("a link or a file another user planted as the lock is refused, never followed or used",
          .enabled(if: geteuid() == 0, "planting as another user needs root"), arguments: [0o1777, 0o777] as [mode_t])
    func plantedLockFile(_ mode: mode_t) async throws {
        let directory = try TemporaryDirectory()
        #expect(chmod(directory.path, 0o711) == 0)
        let shared = directory.file("shared")
        #expect(mkdir(shared, 0o700) == 0 && chmod(shared, mode) == 0)
        let victim = try directory.write("victim", "keep me\n")
        let path = shared + "/monitor.db"
        do {
            let database = try Database(path: path)
            try RetentionHistory.add(database, component: "api", from: WallClock.nowMilliseconds() - 60 * RetentionHistory.day,
                                     count: 10, stepMs: 1_000)
        }
        let lock = PurgeLock.path(forDatabase: path)
        for plant in [["ln", "-s", victim, lock], ["touch", lock]] {
            unlink(lock)
            let planted = try await BinaryRunner.run(["--reuid=nobody", "--regid=nogroup", "--clear-groups"] + plant,
                                                     in: directory.path, executable: "/usr/bin/setpriv")
            #expect(planted.code == 0, "\(planted.err)")
            let run = try await BinaryRunner.run(["--db", path, "retention", "purge"], in: directory.path)
            #expect(run.code == 74, "\(plant): \(run.out)\n\(run.err)")
            #expect(run.err.contains("purge lock"), "\(run.err)")
            #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me\n")
            #expect(try Database(path: path, readOnly: true).scalarInt("SELECT count(*) FROM check_results") == 10)
        }
    }

    @Test("in one process: a second acquire finds the lock held until the first is released")
    func lockIsExclusive() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("monitor.db")
        do {
            let first = try #require(try PurgeLock.acquire(forDatabase: path))
            #expect(try PurgeLock.acquire(forDatabase: path) == nil)
            withExtendedLifetime(first) {}
        }
        #expect(try PurgeLock.acquire(forDatabase: path) != nil)
        var info = stat()
        #expect(stat(PurgeLock.path(forDatabase: path), &info) == 0 && info.st_mode & 0o077 == 0)
    }
}
