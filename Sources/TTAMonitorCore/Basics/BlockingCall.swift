#if canImport(Glibc)
import Glibc
#endif

/// Runs a blocking system call (statvfs, getaddrinfo) on a thread of its own and awaits it.
///
/// Not a Dispatch queue: on Linux, Swift's cooperative pool and Dispatch's global queues
/// draw on the same few threads (one per core), so a call stuck on a dead NFS mount or a
/// slow DNS server there would stall every other check. A fresh thread costs tens of
/// microseconds and can be abandoned when the caller's deadline passes.
public enum BlockingCall {
    /// Runs `work` on a new detached thread and returns its value.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let job = { continuation.resume(returning: work()) }
            if let thread = RawThread.start(job) {
                pthread_detach(thread)
            } else {
                // No thread to be had (resource limits): run here rather than never.
                job()
            }
        }
    }
}
