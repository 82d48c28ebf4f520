import Foundation
import Synchronization
@testable import TTAMonitorCore

/// A writer like a cron `check` beside a purge: on its own thread, stores one run of one
/// result every 5 ms through `ResultStore` until `stop()`, counting the runs stored and the
/// longest one took (lock wait included).
final class ConcurrentCheckWriter: Sendable {
    private let done = Mutex(false)
    private let longestSeconds = Mutex(0.0)
    private let storedRuns = Mutex(0)
    private let stopped = DispatchSemaphore(value: 0)

    /// Starts writing to the database at `path`.
    init(path: String) {
        Thread.detachNewThread { [self] in
            defer { stopped.signal() }
            guard let store = try? ResultStore(database: Database(path: path)) else { return }
            while !done.withLock({ $0 }) {
                let start = Date()
                let result = CheckResult(check: "writer", kind: "tcp", status: .ok, startedAt: RetentionHistory.now, latencyMs: 1, message: "ok")
                if (try? store.recordRun(startedAt: RetentionHistory.now, finishedAt: RetentionHistory.now, results: [result], components: [:])) != nil {
                    storedRuns.withLock { $0 += 1 }
                }
                let took = Date().timeIntervalSince(start)
                longestSeconds.withLock { $0 = max($0, took) }
                usleep(5_000)
            }
        }
    }

    /// Stops the writer and waits for its thread; returns (runs stored, longest run in seconds).
    func stop() async throws -> (stored: Int, longest: Double) {
        done.withLock { $0 = true }
        try await offloaded { [stopped] in stopped.wait() }
        return (storedRuns.withLock { $0 }, longestSeconds.withLock { $0 })
    }
}
