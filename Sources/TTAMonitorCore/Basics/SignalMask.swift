#if canImport(Glibc)
import Glibc
#endif

/// Keeps asynchronous signals away from the I/O threads.
enum SignalMask {
    /// Blocks every blockable signal on the calling thread. The curl and poll loops call it
    /// first: a SIGCHLD (a finished child process) or SIGWINCH landing on them interrupts
    /// poll() mid-connect, and libcurl reports that as a failed connection.
    static func blockAllOnCurrentThread() {
        var set = sigset_t()
        sigfillset(&set)
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }
}
