#if canImport(Glibc)
import Glibc
#endif

/// A few raw threads that run handlers, so a slow database read or a large /metrics render
/// never stalls the loop that reads and writes every other connection. Raw threads rather
/// than Dispatch or tasks: on Linux those share one thread per core with the scheduler's
/// checks, and a blocking SQLite read there would delay probes.
final class HTTPWorkers: @unchecked Sendable {
    private let queue = ConditionLock<(jobs: [@Sendable () -> Void], stopped: Bool)>(([], false))
    private var threads: [pthread_t] = []

    init(count: Int) {
        for _ in 0..<max(1, count) {
            if let thread = RawThread.start({ [queue] in Self.work(queue) }) { threads.append(thread) }
        }
    }

    /// Whether at least one thread started.
    var isRunning: Bool { !threads.isEmpty }

    func submit(_ job: @escaping @Sendable () -> Void) {
        queue.withLock { $0.jobs.append(job) }
    }

    /// Lets queued jobs finish, then ends the threads.
    func stop() {
        queue.withLock { $0.stopped = true }
        for thread in threads { pthread_join(thread, nil) }
        threads = []
    }

    private static func work(_ queue: ConditionLock<(jobs: [@Sendable () -> Void], stopped: Bool)>) {
        while let job = queue.wait(until: { !$0.jobs.isEmpty || $0.stopped }, then: { state -> (@Sendable () -> Void)? in
            state.jobs.isEmpty ? nil : state.jobs.removeFirst()
        }) {
            job()
        }
    }
}
