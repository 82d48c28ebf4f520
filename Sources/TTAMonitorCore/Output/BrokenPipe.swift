#if canImport(Glibc)
import Glibc
#endif

/// What a write to a closed stdout pipe does: stop the commands the run started, remove its
/// temporary files, and end the process by SIGPIPE (status 141 in a shell, nothing printed),
/// as `| head` expects.
enum BrokenPipe {
    /// Cleans up and ends the process by SIGPIPE.
    static func terminate() -> Never {
        TerminationSignals.cleanUp()
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
