extension Database {
    /// A purge runs its deletes with auto_vacuum FULL and puts INCREMENTAL back when they
    /// are done. A purge that was killed leaves FULL behind, and every later commit would
    /// then move pages and shrink the file on its own. Put INCREMENTAL back, unless a purge
    /// is running right now (it holds the purge lock and restores the mode itself).
    /// Best effort: a lock or a write that fails now is tried again at the next open.
    func restoreVacuumModeAfterInterruptedPurge() {
        guard (try? scalarInt("PRAGMA auto_vacuum")) == 1 else { return }
        guard let lock = try? PurgeLock.acquire(forDatabase: path) else { return }
        withExtendedLifetime(lock) { try? execute("PRAGMA auto_vacuum = INCREMENTAL") }
    }
}
