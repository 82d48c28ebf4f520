#if canImport(Glibc)
import Glibc
#endif

/// What a write to a closed stdout pipe does: end the process as SIGPIPE would (status 141
/// in a shell, nothing printed), also when SIGPIPE happened to be ignored or blocked when
/// the write failed with EPIPE.
enum BrokenPipe {
    /// Ends the process by SIGPIPE.
    static func terminate() -> Never {
        signal(SIGPIPE, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGPIPE)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(SIGPIPE)
        // Not reached unless the signal could not be delivered.
        _exit(128 + SIGPIPE)
    }
}
