import CSQLite
#if canImport(Glibc)
import Glibc
#endif

/// One SQLite connection, configured the way every command needs it.
public final class Database {
    let handle: OpaquePointer
    /// The file's path as given.
    public let path: String

    /// How long a writer waits for another process's lock before giving up (exit 75).
    public static let busyTimeoutMilliseconds: Int32 = 5_000

    /// Notes about permissions tightened on open (see `mode`), for the command to show.
    public private(set) var permissionNotes: [String] = []
    /// The file the connection opened, to notice when the path comes to name another one.
    private var identity: DatabaseFile.Identity?

    /// Opens (creating if needed) the database at `path` and migrates it to the current schema.
    /// - Parameter readOnly: open without creating or migrating (for `status`); a missing
    ///   file is then an error.
    /// - Parameter mode: permissions for a new file (0600 when nil); when given, an existing
    ///   database (and its -wal, -shm) loses every permission outside it.
    public init(path: String, readOnly: Bool = false, mode: mode_t? = nil) throws(StoreError) {
        self.path = path
        try DatabaseFile.refusePlantedLinks(path)
        if !readOnly { try DatabaseFile.create(path, mode: mode ?? FileMode.privateData) }
        if let mode { permissionNotes = DatabaseFile.tighten(path, to: mode) }
        var connection: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let code = sqlite3_open_v2(path, &connection, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(connection)
            throw StoreError(message, path: path).withFullDiskHint()
        }
        handle = connection
        sqlite3_extended_result_codes(handle, 1)
        // A cron `check` may overlap an `export` or `retention purge`; wait for their locks
        // rather than failing at once.
        // Poll every millisecond rather than SQLite's backoff (which sleeps up to 100 ms per
        // try): a writer that sleeps that long keeps missing the short gaps between a purge's
        // batches and starves for hundreds of milliseconds.
        waitWhenBusy(upTo: Self.busyTimeoutMilliseconds)
        try configure(readOnly: readOnly)
        if !readOnly { try Migrations.migrate(self) } else { try Migrations.checkReadable(self) }
        identity = DatabaseFile.Identity(path: path)
        if !readOnly { restoreVacuumModeAfterInterruptedPurge() }
    }

    deinit { sqlite3_close_v2(handle) }

    /// Makes a locked database wait up to `milliseconds`, polling every millisecond, before
    /// the statement fails with SQLITE_BUSY (every connection starts with
    /// `busyTimeoutMilliseconds`).
    func waitWhenBusy(upTo milliseconds: Int32) {
        // The limit travels in the context pointer: the handler is a C function, no closure.
        sqlite3_busy_handler(handle, { limit, attempts in
            guard attempts < Int32(truncatingIfNeeded: Int(bitPattern: limit)) else { return 0 }
            usleep(1_000)
            return 1
        }, UnsafeMutableRawPointer(bitPattern: Int(milliseconds)))
    }

    private func configure(readOnly: Bool) throws(StoreError) {
        // foreign_keys keeps results from pointing at components that do not exist.
        try execute("PRAGMA foreign_keys = ON")
        guard !readOnly else { return }
        // auto_vacuum only takes effect before the first table exists, so a new file gets it
        // here, ahead of WAL and the migrations; `retention purge` then returns the pages it
        // frees to the file system with `incremental_vacuum` (older files are converted once
        // by the purge itself).
        if try scalarInt("PRAGMA page_count") == 0 { try execute("PRAGMA auto_vacuum = INCREMENTAL") }
        // WAL lets readers (status, export) run while a check writes, and survives crashes;
        // synchronous=NORMAL is durable across application crashes in WAL mode and much
        // cheaper than FULL, which only adds protection against power loss mid-checkpoint.
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
    }

    /// Builds an error from a result code and the connection's message.
    func error(_ code: Int32) -> StoreError {
        let primary = code & 0xFF
        let busy = primary == SQLITE_BUSY || primary == SQLITE_LOCKED
        let message = String(cString: sqlite3_errmsg(handle))
        return StoreError(busy ? "\(message) (still locked after \(Self.busyTimeoutMilliseconds) ms)" : message,
                          path: path, isBusy: busy).withFullDiskHint()
    }

    /// Runs SQL that needs no parameters (pragmas, DDL). Several statements may be given.
    public func execute(_ sql: String) throws(StoreError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code) }
    }

    /// Prepares a statement.
    public func prepare(_ sql: String) throws(StoreError) -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Runs `body` in a write transaction. `BEGIN IMMEDIATE` takes the write lock up front:
    /// a deferred transaction that reads and then writes can fail with SQLITE_BUSY on the
    /// lock upgrade, which no busy timeout can save.
    public func writeTransaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try checkStillAtPath()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Fails when the path no longer names the file this connection has open (the database
    /// was deleted, or another moved over it, mid-run): a commit would go to a file nobody
    /// will read again, and claiming the run was stored would be false.
    func checkStillAtPath() throws(StoreError) {
        guard let identity, DatabaseFile.Identity(path: path) != identity else { return }
        throw StoreError("the database file was deleted or replaced while tta-monitor was using it; "
            + "nothing was stored (run the command again)", path: path)
    }

    /// Runs `body` in a read transaction, so all its queries see one snapshot.
    public func readTransaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try execute("BEGIN DEFERRED")
        defer { try? execute("COMMIT") }
        return try body()
    }

    /// The row id of the last insert on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// A single integer from a query (e.g. `PRAGMA user_version`).
    public func scalarInt(_ sql: String, _ values: [Statement.Value] = []) throws(StoreError) -> Int64? {
        let statement = try prepare(sql)
        try statement.bind(values)
        guard try statement.step() else { return nil }
        return statement.optionalInt(0)
    }
}
