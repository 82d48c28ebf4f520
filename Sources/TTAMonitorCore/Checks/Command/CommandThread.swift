#if canImport(Glibc)
import Glibc
#endif

/// Starts a detached thread for a command's whole life (spawn, output, exit, kill).
///
/// `BlockingCall.run` would do, but it returns only when its work ends, and a timed-out
/// command's result must go out before its process group has been killed for good. Starting
/// the thread here, rather than from a detached task, also spares one hop through the
/// cooperative pool before the command starts, which counts against its timeout.
enum CommandThread {
    /// Runs `work` on a new thread; on the calling thread when none can be created.
    static func start(_ work: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(Work(work)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { context in
            Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().body()
            return nil
        }, context)
        if created == 0 {
            pthread_detach(thread)
        } else {
            Unmanaged<Work>.fromOpaque(context).takeRetainedValue().body()
        }
    }

    private final class Work {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}
