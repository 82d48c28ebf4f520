#if canImport(Glibc)
import Glibc
#endif

/// Deletes old rows a bounded batch at a time, each batch its own `BEGIN IMMEDIATE`
/// transaction, so a concurrent `check` waits for at most one batch rather than the whole purge.
public struct BatchedPurge {
    /// The connection used.
    public let database: Database
    /// Rows per transaction: small enough that one batch takes a few tens of milliseconds.
    public var batchSize: Int64 = 5_000
    /// Called after every batch with the rows removed so far (for progress output).
    public var progress: ((Int64) -> Void)?

    /// Wraps an open database.
    public init(database: Database) { self.database = database }

    /// The tables purged row by row, with the per-component index range that selects old rows.
    public enum Table: String, Sendable {
        /// Raw check results (`ts`).
        case checkResults = "check_results"
        /// Metric samples (`ts`).
        case metrics
        /// Hourly rollups (`hour_start`).
        case rollups

        var deleteBatch: String {
            switch self {
            case .checkResults, .metrics:
                "DELETE FROM \(rawValue) WHERE rowid IN (SELECT rowid FROM \(rawValue) WHERE component_id = ?1 AND ts < ?2 LIMIT ?3)"
            case .rollups:
                """
                DELETE FROM rollups WHERE (component_id, hour_start) IN
                    (SELECT component_id, hour_start FROM rollups WHERE component_id = ?1 AND hour_start < ?2 LIMIT ?3)
                """
            }
        }

        var count: String {
            switch self {
            case .checkResults, .metrics: "SELECT COUNT(*) FROM \(rawValue) WHERE component_id = ?1 AND ts < ?2"
            case .rollups: "SELECT COUNT(*) FROM rollups WHERE component_id = ?1 AND hour_start < ?2"
            }
        }
    }

    /// Every component id, the unit the batches walk (each has its own index range).
    public static func componentIDs(_ database: Database) throws(StoreError) -> [Int64] {
        let statement = try database.prepare("SELECT id FROM components ORDER BY id")
        var ids: [Int64] = []
        while try statement.step() { ids.append(statement.int(0)) }
        return ids
    }

    /// How many rows of `table` a purge with `cutoff` would remove for one component.
    public static func count(_ table: Table, componentID: Int64, before cutoff: Int64, in database: Database) throws(StoreError) -> Int64 {
        try database.scalarInt(table.count, [.integer(componentID), .integer(cutoff)]) ?? 0
    }

    /// Deletes `componentID`'s rows of `table` older than `cutoff`; returns how many went.
    public func delete(_ table: Table, componentID: Int64, before cutoff: Int64, removedSoFar: Int64 = 0) throws(StoreError) -> Int64 {
        let statement = try database.prepare(table.deleteBatch)
        var removed: Int64 = 0
        while true {
            let changed = try database.writeTransaction { () throws(StoreError) -> Int64 in
                try statement.run([.integer(componentID), .integer(cutoff), .integer(batchSize)])
                return try database.scalarInt("SELECT changes()") ?? 0
            }
            removed += changed
            if changed > 0 { progress?(removedSoFar + removed) }
            if changed < batchSize { return removed }
            // Leave the lock free for a moment: a `check` waiting on it (polling every
            // millisecond) gets in between two batches instead of after the whole purge.
            usleep(2_000)
        }
    }

    /// Deletes rows of `table` (check results or metrics) older than `cutoff`, walking the
    /// table in rowid order — its physical order, so each batch rewrites a few neighbouring
    /// pages, not one row on each of thousands of pages as a walk per component would.
    public func deleteInRowidOrder(_ table: Table, before cutoff: Int64) throws(StoreError) -> Int64 {
        precondition(table != .rollups, "rollups have no rowid")
        // Scalar reads finish their statement at once: an open read would pin an old snapshot
        // and make the first BEGIN IMMEDIATE fail with SQLITE_BUSY_SNAPSHOT.
        guard let first = try database.scalarInt("SELECT MIN(rowid) FROM \(table.rawValue)"),
              let last = try database.scalarInt("SELECT MAX(rowid) FROM \(table.rawValue)") else { return 0 }
        let statement = try database.prepare("DELETE FROM \(table.rawValue) WHERE rowid >= ?1 AND rowid < ?2 AND ts < ?3")
        var removed: Int64 = 0
        var start = first
        while start <= last {
            let end = start + batchSize
            let changed = try database.writeTransaction { () throws(StoreError) -> Int64 in
                try statement.run([.integer(start), .integer(end), .integer(cutoff)])
                return try database.scalarInt("SELECT changes()") ?? 0
            }
            start = end
            guard changed > 0 else { continue }
            removed += changed
            progress?(removed)
            // Copy this batch's pages out of the WAL now, so that a concurrent writer's commit
            // never has to checkpoint a pile of purge pages itself.
            try database.execute("PRAGMA wal_checkpoint(PASSIVE)")
            usleep(2_000)
        }
        return removed
    }

    /// Returns free pages to the file system a slice at a time (each slice its own
    /// transaction); converts a file created before auto_vacuum was set with a one-time
    /// `VACUUM`. Returns the bytes the file shrank by and whether it was converted.
    public func reclaimSpace() throws(StoreError) -> (bytes: Int64, converted: Bool) {
        let pageSize = try database.scalarInt("PRAGMA page_size") ?? 4_096
        let before = try database.scalarInt("PRAGMA page_count") ?? 0
        var converted = false
        if try database.scalarInt("PRAGMA auto_vacuum") != 2 {
            try database.execute("PRAGMA auto_vacuum = INCREMENTAL")
            try database.execute("VACUUM")
            converted = true
        } else {
            while try (database.scalarInt("PRAGMA freelist_count") ?? 0) > 0 {
                try database.execute("PRAGMA incremental_vacuum(256)")
                try database.execute("PRAGMA wal_checkpoint(PASSIVE)")
            }
        }
        try database.execute("PRAGMA wal_checkpoint(PASSIVE)")
        let after = try database.scalarInt("PRAGMA page_count") ?? 0
        return (max(0, before - after) * pageSize, converted)
    }
}
