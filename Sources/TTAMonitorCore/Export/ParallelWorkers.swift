#if canImport(Glibc)
import Glibc
#endif

/// Runs `count` pieces of blocking work at once on threads of their own and waits for all.
/// Used from a thread that may block (never from an async task): a long report reads
/// millions of rows, and each core can scan its share of the components.
enum ParallelWorkers {
    /// How many workers are worth starting: one per online core, at most `limit`.
    static func available(limit: Int) -> Int {
        max(1, min(limit, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
    }

    /// Calls `body(0)` … `body(count - 1)` concurrently; `body(0)` runs on the calling thread.
    static func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 1 else { body(0); return }
        var threads: [pthread_t] = []
        for index in 1..<count {
            if let thread = RawThread.start({ body(index) }) {
                threads.append(thread)
            } else {
                // No thread to be had: do that share here.
                body(index)
            }
        }
        body(0)
        for thread in threads { pthread_join(thread, nil) }
    }
}
