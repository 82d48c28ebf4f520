import CSQLite

/// Follows how many frames the WAL holds after each commit on one connection (SQLite's WAL
/// hook), so that a long purge knows when the WAL has grown enough to be started over.
///
/// Installing the hook replaces the connection's own auto-checkpoint; `remove()` restores it.
final class WALFrameCounter {
    /// Frames in the WAL after the last commit on the connection (0 before any).
    private(set) var frames: Int32 = 0
    private let database: Database

    /// Starts counting on `database`'s connection.
    init(database: Database) {
        self.database = database
        sqlite3_wal_hook(database.handle, { context, _, _, frames in
            if let context { Unmanaged<WALFrameCounter>.fromOpaque(context).takeUnretainedValue().frames = frames }
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Forgets the frames counted (after a checkpoint copied them out).
    func reset() { frames = 0 }

    /// Removes the hook and puts SQLite's default auto-checkpoint (1000 frames) back.
    func remove() {
        sqlite3_wal_autocheckpoint(database.handle, 1_000)
    }

    deinit { remove() }
}
