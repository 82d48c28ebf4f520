#if canImport(Glibc)
import Glibc
#endif

/// Computes the rollups a purge of check results needs on a thread and connection of its
/// own, a day at a time in time order, ahead of the deletes: reading the raw rows was a
/// tenth of a large purge's time when done first, and this way it runs on another core
/// while the deletes go on.
///
/// The thread only reads. The purge takes the rollups (`take`) and inserts them in the write
/// transaction that deletes the rows they summarise, so no raw row is ever gone without its
/// hour rolled up, even if the purge is killed. Rollups wait in a bounded queue: the thread
/// pauses when the deletes fall behind, so memory stays flat whatever the history's length.
final class RollupFeed: @unchecked Sendable {
    /// One component's rollup of one hour.
    struct Item: Sendable {
        /// The component.
        var componentID: Int64
        /// The hour.
        var rollup: RollupWriter.Rollup
    }

    /// The time one step of the thread covers (a whole number of hours).
    static let chunkMs: Int64 = 24 * RollupWriter.hourMs
    /// Rollups computed but not yet taken after which the thread waits (a few hundred KiB).
    let queueBound: Int

    private struct State {
        var queue: [Item] = []
        /// Every raw result before this time has its rollup in `queue` or already taken.
        var frontier = Int64.min
        var finished = false, stopping = false
        var error: StoreError?
    }
    private let state = ConditionLock(State())
    private var thread: pthread_t?

    /// Starts computing the rollups of every hour before `cutoff` (hour-aligned) of the
    /// database at `path` that has raw results and no rollup yet.
    init(path: String, cutoff: Int64, queueBound: Int = 8_192) throws(StoreError) {
        self.queueBound = queueBound
        let connection = try Database(path: path, readOnly: true)
        let state = state
        guard let thread = RawThread.start({
            do throws(StoreError) {
                try Self.produce(connection, cutoff: cutoff, bound: queueBound, into: state)
            } catch {
                state.withLock { $0.error = error }
            }
            state.withLock { $0.finished = true }
        }) else {
            throw StoreError("cannot start a rollup thread: \(String(cString: strerror(errno)))", path: path)
        }
        self.thread = thread
    }

    deinit { stop() }

    private static func produce(_ database: Database, cutoff: Int64, bound: Int, into state: ConditionLock<State>) throws(StoreError) {
        let components = try BatchedPurge.componentIDs(database)
        // The oldest raw result, one index seek per component.
        var oldest = Int64.max
        for id in components {
            if let ts = try database.scalarInt("SELECT MIN(ts) FROM check_results WHERE component_id = ?", [.integer(id)]) {
                oldest = min(oldest, ts)
            }
        }
        guard oldest < cutoff else { return }
        let scan = try RollupWriter.Scan(database: database)
        var start = oldest - ((oldest % RollupWriter.hourMs) + RollupWriter.hourMs) % RollupWriter.hourMs
        while start < cutoff {
            let end = min(cutoff, start + chunkMs)
            var chunk: [Item] = []
            for id in components {
                if state.withLock({ $0.stopping }) { return }
                for rollup in try scan.pending(componentID: id, from: start, before: end) {
                    chunk.append(Item(componentID: id, rollup: rollup))
                }
            }
            let stopping = state.wait(until: { $0.stopping || $0.queue.count < bound }) { state -> Bool in
                state.queue += chunk
                state.frontier = end
                return state.stopping
            }
            if stopping { return }
            start = end
        }
    }

    /// Waits until every raw result at or before `ts` has its rollup computed, then returns
    /// all rollups computed so far (including later hours'). Throws what the thread failed with.
    func take(through ts: Int64) throws(StoreError) -> [Item] {
        try drain { $0.frontier > ts }
    }

    /// Waits for the thread to finish and returns every rollup not yet taken.
    func takeAll() throws(StoreError) -> [Item] {
        let items = try drain { _ in false }
        stop()
        return items
    }

    /// Whether every rollup the purge needs has been computed (no more waiting).
    var complete: Bool { state.withLock { $0.finished && $0.error == nil } }

    /// Takes rollups as they come (the thread may be waiting for room in the queue) until
    /// `enough` holds or the thread is done.
    private func drain(_ enough: (State) -> Bool) throws(StoreError) -> [Item] {
        var items: [Item] = []
        while true {
            let (taken, error, done) = state.wait(until: { $0.finished || enough($0) || !$0.queue.isEmpty }) {
                state -> ([Item], StoreError?, Bool) in
                defer { state.queue.removeAll(keepingCapacity: false) }
                return (state.queue, state.error, state.finished || enough(state))
            }
            if let error { throw error }
            items += taken
            if done { return items }
        }
    }

    /// Stops the thread (at its next component) and waits for it.
    func stop() {
        guard let thread else { return }
        self.thread = nil
        state.withLock { $0.stopping = true }
        pthread_join(thread, nil)
    }
}
