#if canImport(Glibc)
import Glibc
#endif

/// Copies a purge's WAL frames into the database file on a thread and connection of its
/// own, while the purge goes on deleting: a checkpoint is mostly waiting for the disk (two
/// fsyncs), and done between batches it was a fifth of a large purge's time.
///
/// The purge asks for a checkpoint after each commit (`request`); requests that arrive while
/// one runs are served by the next. Every 16,000 frames or so the purge waits for the copy to
/// catch up (`catchUp`): SQLite starts the WAL over from its beginning only when a write
/// transaction begins with every frame copied, and without that the file would grow by the
/// whole purge. While this thread holds the checkpoint lock, a concurrent `check` whose commit
/// passes SQLite's auto-checkpoint threshold finds it busy and returns at once instead of
/// copying the purge's pages itself.
final class BackgroundCheckpointer: @unchecked Sendable {
    private struct State {
        var requested = 0, completed = 0, stopping = false
        /// The latest request that wants more than PASSIVE, and what.
        var forced = 0, forcedMode = Mode.passive
        var error: StoreError?
    }
    private let state = ConditionLock(State())
    private var thread: pthread_t?

    /// Opens a second connection to `path` and starts the thread.
    init(path: String) throws(StoreError) {
        let connection = try Database(path: path)
        // A RESTART checkpoint holds off writers while it waits for readers to leave the WAL:
        // it gives up soon (and the purge tries again a few batches later) rather than make
        // a `check` wait behind a long `export`.
        connection.waitWhenBusy(upTo: Self.restartWaitMilliseconds)
        let state = state
        guard let thread = RawThread.start({ Self.loop(connection, state) }) else {
            throw StoreError("cannot start a checkpoint thread: \(String(cString: strerror(errno)))", path: path)
        }
        self.thread = thread
    }

    /// SQLite's checkpoint modes used here.
    enum Mode: String {
        /// Copies what it can without waiting for anyone.
        case passive = "PASSIVE"
        /// Copies everything and lets the next write transaction start the WAL over.
        case restart = "RESTART"
        /// RESTART, and cuts the WAL file to nothing (once the purge is done).
        case truncate = "TRUNCATE"
    }

    /// How long a RESTART checkpoint waits for a writer to finish and for readers to move on.
    static let restartWaitMilliseconds: Int32 = 20

    deinit { _ = try? stop() }

    private static func loop(_ connection: Database, _ state: ConditionLock<State>) {
        while true {
            let next = state.wait(until: { $0.stopping || $0.requested > $0.completed }) { state -> (Int, Mode)? in
                state.stopping ? nil : (state.requested, state.forced > state.completed ? state.forcedMode : .passive)
            }
            guard let (wanted, mode) = next else { return }
            do {
                try checkpoint(connection, mode)
                state.withLock { $0.completed = wanted }
            } catch {
                state.withLock {
                    $0.error = error
                    $0.completed = Int.max   // wakes a waiting `catchUp`, which then throws
                }
                return
            }
        }
    }

    /// PASSIVE copies what it can without making anyone wait. RESTART copies everything,
    /// then waits for the readers still on the WAL, so that the next write transaction starts
    /// it over. A concurrent writer's commit may be running its own small auto-checkpoint at
    /// that moment (the checkpoint lock is taken without waiting): RESTART is tried again
    /// each millisecond for a while. If it gives up, the purge asks again a few batches later.
    private static func checkpoint(_ connection: Database, _ mode: Mode) throws(StoreError) {
        let statement = try connection.prepare("PRAGMA wal_checkpoint(\(mode.rawValue))")
        for _ in 0..<(mode == .passive ? 1 : restartWaitMilliseconds) {
            guard try statement.step() else { return }
            let blocked = statement.int(0) == 1, ran = statement.int(1) >= 0
            try statement.bind([])
            if !blocked || ran { return }
            usleep(1_000)
        }
    }

    /// Asks for a checkpoint of everything committed so far, without waiting for it; returns
    /// the request's number. Throws the error a previous checkpoint failed with.
    @discardableResult
    func request(_ mode: Mode = .passive) throws(StoreError) -> Int {
        let (number, error) = state.withLock { state -> (Int, StoreError?) in
            state.requested += 1
            if mode != .passive { (state.forced, state.forcedMode) = (state.requested, mode) }
            return (state.requested, state.error)
        }
        if let error { throw error }
        return number
    }

    /// Asks for a checkpoint that copies every frame committed so far and lets the next write
    /// transaction start the WAL over, and waits for it (at most about
    /// `restartWaitMilliseconds` plus the copying).
    func catchUp(_ mode: Mode = .restart) throws(StoreError) {
        let number = try request(mode)
        let error = state.wait(until: { $0.completed >= number }) { $0.error }
        if let error { throw error }
    }

    /// Stops the thread after the checkpoint under way, if any; throws the error a checkpoint
    /// failed with.
    func stop() throws(StoreError) {
        guard let thread else { return }
        self.thread = nil
        state.withLock { $0.stopping = true }
        pthread_join(thread, nil)
        if let error = state.withLock({ $0.error }) { throw error }
    }
}
