#if canImport(Glibc)
import Glibc
#endif

/// Deletes old rows a batch at a time, each batch its own `BEGIN IMMEDIATE` transaction
/// sized to hold the write lock for about `target` (`BatchPacer`), so a concurrent `check`
/// waits for at most one batch rather than the whole purge.
public struct BatchedPurge {
    /// The connection used.
    public let database: Database
    /// How long one delete transaction should hold the write lock. A concurrent writer
    /// waits at most about this long (plus its own commit), and the purge commits, and
    /// checkpoints, as seldom as that allows.
    public var target: Duration = .milliseconds(50)
    /// Called after every batch with the rows removed so far (for progress output).
    public var progress: ((Int64) -> Void)?
    /// The longest write transaction and the number of them, for `-v`.
    public private(set) var longestTransaction: Duration = .zero
    /// Write transactions run.
    public private(set) var transactions = 0
    /// Time spent between transactions (checkpoints and pauses), for `-v`.
    public private(set) var betweenTransactions: Duration = .zero
    /// Times the purge waited for the background checkpoint to copy everything, for `-v`.
    public private(set) var catchUps = 0
    /// Rollups inserted by `deleteInRowidOrder` (hours that had none yet).
    public private(set) var rollupsWritten: Int64 = 0
    /// Copies the WAL into the database file on another thread and connection.
    private let checkpointer: BackgroundCheckpointer

    /// Counts the WAL's frames after each of the purge's commits (the WAL starts over every
    /// `restartFrames`).
    private let walFrames: WALFrameCounter
    /// WAL frames after which the purge waits for the background checkpoint to catch up, so
    /// that the WAL file starts over (64 MB of 4 KiB pages; cut back to nothing at the end).
    /// Each wait costs a batch's copy and two fsyncs (at 4,000 frames, 80 waits were a tenth
    /// of a 9M-row purge). Between two catch-ups a concurrent writer's commit passes the
    /// 1,000-frame auto-checkpoint threshold, but the background checkpoint holds the
    /// checkpoint lock whenever frames are waiting, so that writer returns at once.
    var restartFrames: Int32 = 16_000

    /// Wraps an open database; starts the checkpoint thread (a second connection to the
    /// same file).
    public init(database: Database) throws(StoreError) {
        self.database = database
        self.walFrames = WALFrameCounter(database: database)
        self.checkpointer = try BackgroundCheckpointer(path: database.path)
    }

    /// Copies what is left of the WAL into the database file, cuts the WAL file back to
    /// nothing, and stops the checkpoint thread.
    public func finish() throws(StoreError) {
        try checkpointer.catchUp(.truncate)
        try checkpointer.stop()
    }

    /// Every component id, the unit the rollup and rollup-delete walks use.
    public static func componentIDs(_ database: Database) throws(StoreError) -> [Int64] {
        let statement = try database.prepare("SELECT id FROM components ORDER BY id")
        var ids: [Int64] = []
        while try statement.step() { ids.append(statement.int(0)) }
        return ids
    }

    /// Deletes `componentID`'s rollups older than `cutoff` (rollups have no rowid: walked by
    /// their key); returns how many went.
    public mutating func deleteRollups(componentID: Int64, before cutoff: Int64, removedSoFar: Int64 = 0) throws(StoreError) -> Int64 {
        let statement = try database.prepare("""
            DELETE FROM rollups WHERE component_id = ?1 AND hour_start IN
                (SELECT hour_start FROM rollups WHERE component_id = ?1 AND hour_start < ?2 ORDER BY hour_start LIMIT ?3)
            """)
        var pacer = BatchPacer(initial: 5_000, minimum: 500, maximum: 500_000, target: target)
        defer { account(pacer) }
        var removed: Int64 = 0
        while true {
            let (changed, limit) = try pacer.timed { (size) throws(StoreError) -> (Int64, Int64) in
                try (deleteBatch(statement, [.integer(componentID), .integer(cutoff), .integer(size)]), size)
            }
            removed += changed
            if changed > 0 { progress?(removedSoFar + removed) }
            if changed < limit { return removed }
            try pause(checkpoint: true)
        }
    }

    /// Deletes rows of `table` (check results or metrics: tables that no foreign key
    /// references) older than `cutoff`, walking the table in rowid order — its physical
    /// order, so each batch rewrites neighbouring pages once, not one row on each of
    /// thousands of pages as a walk per component would.
    ///
    /// With `rollups`, each batch first inserts the rollups computed so far, after waiting
    /// until they cover the newest row the batch deletes; `rollupsWritten` counts the new ones.
    mutating func deleteInRowidOrder(_ table: String, before cutoff: Int64, rollups: RollupFeed? = nil) throws(StoreError) -> Int64 {
        // Scalar reads finish their statement at once: an open read would pin an old snapshot
        // and make the first BEGIN IMMEDIATE fail with SQLITE_BUSY_SNAPSHOT.
        guard let first = try database.scalarInt("SELECT MIN(rowid) FROM \(table)"),
              let last = try database.scalarInt("SELECT MAX(rowid) FROM \(table)") else {
            if let rollups { try insertRollups(rollups.takeAll()) }
            return 0
        }
        // Nothing references these tables, so deleting from them can break no constraint:
        // the per-row foreign key bookkeeping (a parent lookup per row, about a fifth of a
        // plain DELETE's time) buys nothing here. Switched back on before anything else runs.
        try database.execute("PRAGMA foreign_keys = OFF")
        defer { try? database.execute("PRAGMA foreign_keys = ON") }
        let statement = try database.prepare("DELETE FROM \(table) WHERE rowid >= ?1 AND rowid < ?2 AND ts < ?3")
        let newest = try database.prepare("SELECT MAX(ts) FROM \(table) WHERE rowid >= ?1 AND rowid < ?2 AND ts < ?3")
        var pacer = BatchPacer(initial: 5_000, minimum: 500, maximum: 2_000_000, target: target)
        defer { account(pacer) }
        var removed: Int64 = 0
        var start = first
        while start <= last {
            let end = start + pacer.size
            let range: [Statement.Value] = [.integer(start), .integer(end), .integer(cutoff)]
            // Rollups for the batch's rows: computed ahead on another thread; until that is
            // done, read the newest row the batch deletes (outside the write lock) and wait
            // until its hour is rolled up.
            var items: [RollupFeed.Item] = []
            if let rollups {
                if rollups.complete {
                    items = try rollups.take(through: Int64.max)
                } else {
                    try newest.bind(range)
                    let ts = try newest.step() ? newest.optionalInt(0) : nil
                    try newest.bind([])   // resets: no read left open
                    if let ts { items = try rollups.take(through: ts) }
                }
            }
            let changed = try pacer.timed { (_) throws(StoreError) -> Int64 in
                try database.writeTransaction { () throws(StoreError) -> Int64 in
                    rollupsWritten += try RollupWriter(database: database).insert(items)
                    try statement.run(range)
                    return try database.scalarInt("SELECT changes()") ?? 0
                }
            }
            start = end
            if changed > 0 {
                removed += changed
                progress?(removed)
            }
            try pause(checkpoint: changed > 0 || !items.isEmpty)
        }
        // Hours whose rows lay beyond the walk (none, unless rows were added meanwhile).
        if let rollups { try insertRollups(rollups.takeAll()) }
        return removed
    }

    /// Inserts rollups left over after the deletes, in one transaction.
    private mutating func insertRollups(_ items: [RollupFeed.Item]) throws(StoreError) {
        guard !items.isEmpty else { return }
        rollupsWritten += try database.writeTransaction { () throws(StoreError) -> Int64 in
            try RollupWriter(database: database).insert(items)
        }
    }

    /// Deletes the rows `rule` selects as older than `cutoff`, lowest ids first, with
    /// foreign keys on so that child rows cascade; returns the rows removed from the table
    /// and, per cascade of the rule, the child rows that went with them.
    mutating func deleteKeyed(_ rule: PurgeRule, before cutoff: Int64) throws(StoreError) -> (rows: Int64, cascaded: [Int64]) {
        try database.execute("PRAGMA foreign_keys = ON")
        // The highest id of the next batch bounds it, so the children counted and the rows
        // deleted are exactly the same set.
        let bound = try database.prepare("SELECT MAX(id) FROM (SELECT id FROM \(rule.table) WHERE \(rule.condition) ORDER BY id LIMIT ?2)")
        let delete = try database.prepare("DELETE FROM \(rule.table) WHERE \(rule.condition) AND id <= ?2")
        var pacer = BatchPacer(initial: 1_000, minimum: 100, maximum: 100_000, target: target)
        defer { account(pacer) }
        var rows: Int64 = 0
        var cascaded = [Int64](repeating: 0, count: rule.cascades.count)
        while true {
            let changed = try pacer.timed { (size) throws(StoreError) -> Int64 in
                try database.writeTransaction { () throws(StoreError) -> Int64 in
                    try bound.bind([.integer(cutoff), .integer(size)])
                    guard try bound.step(), let last = bound.optionalInt(0) else { return 0 }
                    try bound.bind([])   // resets: no read left open inside the transaction
                    for (index, cascade) in rule.cascades.enumerated() {
                        cascaded[index] += try rule.count(cascade, before: cutoff, upTo: last, in: database)
                    }
                    try delete.run([.integer(cutoff), .integer(last)])
                    return try database.scalarInt("SELECT changes()") ?? 0
                }
            }
            guard changed > 0 else { return (rows, cascaded) }
            rows += changed
            progress?(rows)
            try pause(checkpoint: true)
        }
    }

    /// Returns free pages to the file system a slice at a time (each slice its own
    /// transaction, sized by time like the deletes); converts a file created before
    /// auto_vacuum was set with a one-time `VACUUM`, and says whether it did.
    public mutating func reclaimSpace() throws(StoreError) -> Bool {
        var converted = false
        if try database.scalarInt("PRAGMA auto_vacuum") == 0 {
            try database.execute("PRAGMA auto_vacuum = INCREMENTAL")
            try database.execute("VACUUM")
            converted = true
        } else {
            var pacer = BatchPacer(initial: 512, minimum: 64, maximum: 65_536, target: target)
            defer { account(pacer) }
            var pages = try database.scalarInt("PRAGMA page_count") ?? 0
            while try (database.scalarInt("PRAGMA freelist_count") ?? 0) > 0 {
                try pacer.timed { (size) throws(StoreError) in
                    try database.writeTransaction { () throws(StoreError) in
                        try database.execute("PRAGMA incremental_vacuum(\(size))")
                    }
                }
                try pause(checkpoint: true)
                // A concurrent writer may take free pages meanwhile; stop once nothing moves.
                let now = try database.scalarInt("PRAGMA page_count") ?? 0
                if now >= pages { break }
                pages = now
            }
        }
        return converted
    }

    /// Runs one delete statement in its own write transaction; returns the rows it changed.
    private func deleteBatch(_ statement: Statement, _ values: [Statement.Value]) throws(StoreError) -> Int64 {
        try database.writeTransaction { () throws(StoreError) -> Int64 in
            try statement.run(values)
            return try database.scalarInt("SELECT changes()") ?? 0
        }
    }

    /// Between two batches: has the batch's WAL frames copied into the database file (so a
    /// concurrent writer's commit never has to checkpoint a pile of purge pages itself), and
    /// leaves the write lock free a moment so a `check` polling for it gets in.
    private mutating func pause(checkpoint: Bool) throws(StoreError) {
        let start = ContinuousClock.now
        defer { betweenTransactions += ContinuousClock.now - start }
        // The thread copies while the next batch runs. Every `restartFrames` the purge
        // waits for it to copy everything, so that its next transaction starts the WAL over
        // (which SQLite does only when no frame is left to copy): after the pause, so that
        // the frames of a writer that got in meanwhile are copied too.
        let restart = checkpoint && walFrames.frames >= restartFrames
        if checkpoint {
            // At once, also when the WAL is to start over: while this checkpoint holds the
            // checkpoint lock, a writer that commits in the pause below skips its own.
            try checkpointer.request()
        }
        // 5 ms: a writer polling every millisecond on a busy machine may not be scheduled
        // within 1–2 ms, and would then wait for another whole batch.
        usleep(5_000)
        if restart {
            try checkpointer.catchUp()
            catchUps += 1
            walFrames.reset()
        }
    }

    private mutating func account(_ pacer: BatchPacer) {
        longestTransaction = max(longestTransaction, pacer.longest)
        transactions += pacer.batches
    }
}
