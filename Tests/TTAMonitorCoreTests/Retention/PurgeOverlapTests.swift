import Foundation
import Synchronization
import Testing
@testable import TTAMonitorCore

/// The purge's two helper threads: rollups computed ahead of the deletes (`RollupFeed`) and
/// the WAL copied out on another connection (`BackgroundCheckpointer`).
@Suite struct PurgeOverlapTests {
    typealias History = RetentionHistory

    @Test func rollupsComputedAheadEqualThoseComputedHourByHourWhateverTheRowOrder() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("m.db")
        let database = try Database(path: path)
        // Added a component at a time: rowid order is not time order, so the first batches
        // hold rows from the whole period and must wait for nearly every rollup.
        try History.add(database, component: "api", from: History.now - 30 * History.day + 17, count: 4_000, stepMs: 600_000)
        try History.add(database, component: "db", from: History.now - 20 * History.day, count: 3_000, stepMs: 500_000)
        try History.add(database, component: "cache", from: History.now - 45 * History.day + 999, count: 2_000, stepMs: 1_900_000)
        let cutoff = History.now - 7 * History.day
        // An hour rolled up by an earlier (interrupted) purge keeps its rollup as it was.
        let kept = cutoff - 5 * RollupWriter.hourMs
        try database.execute("INSERT INTO rollups VALUES (1, \(kept), 1, 1, 0, 0, 0, 0, NULL, NULL, NULL)")
        var expected: [String] = []
        for id in try BatchedPurge.componentIDs(database) {
            for rollup in try RollupWriter(database: database).pendingRollups(componentID: id, before: cutoff) {
                expected.append([id, rollup.hourStart, rollup.count, rollup.ok, rollup.warning, rollup.critical, rollup.unknown,
                                 rollup.latencyCount].map(String.init).joined(separator: "|")
                                + "|" + [rollup.p50, rollup.p95, rollup.max].map { $0.map { "\($0)" } ?? "null" }.joined(separator: "|"))
            }
        }
        let old = try database.scalarInt("SELECT COUNT(*) FROM check_results WHERE ts < ?", [.integer(cutoff)])!
        #expect(expected.count > 500)

        // A queue of 16 rollups and 1 ms batches: the thread waits for the deletes, and they
        // for it, hundreds of times.
        var purge = try BatchedPurge(database: database)
        purge.target = .milliseconds(1)
        let feed = try RollupFeed(path: path, cutoff: cutoff, queueBound: 16)
        let removed = try purge.deleteInRowidOrder("check_results", before: cutoff, rollups: feed)

        #expect(removed == old)
        #expect(try database.scalarInt("SELECT COUNT(*) FROM check_results WHERE ts < ?", [.integer(cutoff)]) == 0)
        #expect(purge.rollupsWritten == Int64(expected.count))
        let stored = try database.prepare("""
            SELECT component_id, hour_start, count, ok, warning, critical, unknown, latency_count, latency_p50, latency_p95, latency_max
            FROM rollups WHERE NOT (component_id = 1 AND hour_start = ?) ORDER BY component_id, hour_start
            """)
        try stored.bind([.integer(kept)])
        var rows: [String] = []
        while try stored.step() {
            rows.append((0..<8).map { String(stored.int($0)) }.joined(separator: "|")
                        + "|" + (8..<11).map { stored.isNull($0) ? "null" : "\(stored.double($0))" }.joined(separator: "|"))
        }
        #expect(rows.count == expected.count)
        let firstDifference = zip(rows, expected).first { $0 != $1 }
        #expect(firstDifference == nil, "stored | expected")
        #expect(try database.scalarInt("SELECT count FROM rollups WHERE component_id = 1 AND hour_start = ?", [.integer(kept)]) == 1)
    }

    @Test func theWALStartsOverAsThePurgeGoesAndIsEmptyAfterIt() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("m.db")
        do {
            let database = try Database(path: path)
            try History.add(database, component: "api", from: History.now - 60 * History.day, count: 150_000, stepMs: 30_000)
            try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let databaseBytes = Self.fileSize(path)
        // A writer like `check` and a watcher of the WAL file's size, both until the purge ends.
        let writer = ConcurrentCheckWriter(path: path)
        let done = Mutex(false)
        let largestWAL = Mutex(0)
        let stopped = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            defer { stopped.signal() }
            while !done.withLock({ $0 }) {
                let size = Self.fileSize(path + "-wal")
                largestWAL.withLock { $0 = max($0, size) }
                usleep(1_000)
            }
        }
        let outcome = try await offloaded { () throws -> RetentionPurge.Outcome in
            var purge = RetentionPurge(database: try Database(path: path), config: RetentionConfig(), now: History.now)
            purge.walRestartFrames = 200
            return try purge.run([.checks], dryRun: false)
        }
        let (stored, _) = try await writer.stop()
        done.withLock { $0 = true }
        try await offloaded { stopped.wait() }

        #expect(outcome.rowsRemoved > 120_000)
        #expect(outcome.checkpointCatchUps > 0)
        // Without restarts the WAL would hold every page the purge changed: most of the file.
        // With them it holds 200 frames plus a batch or two; on a loaded machine a restart can
        // be skipped while the writer holds the lock (tried again 200 frames later), so the
        // bound is half the file, still far below what no restarts would give.
        #expect(largestWAL.withLock { $0 } < databaseBytes / 2, "largest WAL \(largestWAL.withLock { $0 }) of a \(databaseBytes)-byte database")
        #expect(Self.fileSize(path + "-wal") == 0)
        let database = try Database(path: path)
        #expect(try database.scalarInt("SELECT COUNT(*) FROM check_results r JOIN components c ON c.id = r.component_id WHERE c.name = 'writer'")
                == Int64(stored))
        let integrity = try database.prepare("PRAGMA integrity_check")
        #expect(try integrity.step() && integrity.text(0) == "ok")
    }

    /// A file's size in bytes, 0 when it does not exist.
    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }
}
