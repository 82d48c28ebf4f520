#if canImport(Glibc)
import Glibc
#endif

/// A bare POSIX thread for blocking work. Not a Dispatch queue: on Linux, Swift's cooperative
/// pool and Dispatch's global queues share the same few threads (one per core), so blocking
/// there stalls everything else.
enum RawThread {
    /// Starts `body` on a new thread and returns it (joinable), or nil when none could be
    /// created (resource limits); `body` has then not run and the caller decides what to do.
    static func start(_ body: @escaping () -> Void) -> pthread_t? {
        let context = Unmanaged.passRetained(Job(body)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { context in
            Unmanaged<Job>.fromOpaque(context!).takeRetainedValue().body()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<Job>.fromOpaque(context).release()
            return nil
        }
        return thread
    }

    private final class Job {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }
}
