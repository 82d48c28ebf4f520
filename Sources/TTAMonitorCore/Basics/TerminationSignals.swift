#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// SIGINT, SIGTERM and SIGHUP while a command runs: the commands it started are stopped
/// (their process groups, which a terminal's Ctrl-C does not reach), its temporary files
/// removed, and the process exits with 128 + the signal (130, 143, 129), as a shell reports
/// a process killed by it.
///
/// The handler only writes the signal's number into a pipe; a thread of its own reads it
/// and does the cleanup as ordinary code. (Blocking the signals and taking them with
/// `sigwait` is not enough: Dispatch's main thread waits in `sigsuspend` with every signal
/// unblocked, and would die of them.)
public enum TerminationSignals {
    /// The signals handled. One that was ignored when the process started (`nohup`, a
    /// background job of a non-interactive shell) stays ignored.
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// How long stopped commands have after SIGTERM before SIGKILL.
    static let childGrace = Duration.milliseconds(500)

    /// Installs the handlers and starts the thread that acts on them. Call it once, from
    /// the main thread, before the command runs.
    public static func install() {
        var ends: [Int32] = [-1, -1]
        guard GNUSpawnFunctions.closeOnExecPipe(&ends) == 0 else { return }
        terminationPipeWriteEnd = ends[1]   // set before any handler can read it
        let readEnd = ends[0]
        let started = RawThread.start {
            var byte: UInt8 = 0
            while true {
                while read(readEnd, &byte, 1) != 1 {}
                // serve takes the signals itself (graceful stop, reload); one it declines ends the process as usual.
                if divertedSignal(Int32(byte)) { continue }
                terminate(by: Int32(byte))
            }
        }
        guard started != nil else { return }
        for signal in handled where !isIgnored(signal) {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                // Async-signal-safe: one write(2), and the interrupted code's errno kept.
                let saved = errno
                var byte = UInt8(truncatingIfNeeded: signal)
                _ = write(terminationPipeWriteEnd, &byte, 1)
                errno = saved
            }
            sigfillset(&action.sa_mask)
            action.sa_flags = Int32(SA_RESTART)
            sigaction(signal, &action, nil)
        }
        // A closed stdout then surfaces as EPIPE, where `BrokenPipe` cleans up the same way
        // before ending the process by SIGPIPE. Commands get SIGPIPE's default back from
        // `ProcessSpawner`; sockets and libcurl never raise it.
        signal(SIGPIPE, SIG_IGN)
    }

    private static let terminating = Atomic<Bool>(false)

    /// Whether a termination signal arrived and the process is on its way out.
    static var isTerminating: Bool { terminating.load(ordering: .acquiring) }

    /// Stops a thread for good once the process is terminating, so that nothing a stopped
    /// command's end set off (a result, a report, a stored run) happens in the moment
    /// before the process exits.
    static func parkIfTerminating() {
        guard isTerminating else { return }
        while true { pause() }
    }

    /// The exit status for a command that finished: `code`, unless a termination signal
    /// arrived meanwhile (the process then exits with that signal's status).
    public static func exitStatus(_ code: Int32) -> Int32 {
        parkIfTerminating()
        return code
    }

    /// Stops the commands, removes the temporary files and exits.
    static func terminate(by signal: Int32) -> Never {
        cleanUp()
        _exit(128 + signal)
    }

    /// Stops the commands and removes the temporary files before the process ends, for a
    /// termination signal or a reader of stdout that went away. Runs once: a second caller
    /// (a signal while a broken pipe is being handled) stops here and lets the first finish.
    static func cleanUp() {
        if terminating.exchange(true, ordering: .acquiringAndReleasing) {
            while true { pause() }
        }
        ChildProcessGroups.terminateAll(grace: childGrace)
        InFlightTemporaryFiles.removeAll()
    }

    private static func isIgnored(_ signal: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(signal, nil, &current) == 0 else { return false }
        return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}

/// The pipe's write end for the signal handler (a C function: it can reach only globals).
nonisolated(unsafe) private var terminationPipeWriteEnd: Int32 = -1
