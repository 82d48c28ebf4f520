import Foundation

/// Runs blocking work (waiting for a child process, reading its pipes) on a thread of its
/// own and awaits it. Blocking inside an async test — or on a Dispatch global queue, which
/// on Linux shares its threads with Swift's cooperative pool — holds one of the pool's
/// threads (two on a 2-core CI machine) and stalls every timing-sensitive test beside it.
func offloaded<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result { try work() })
        }
    }
}
