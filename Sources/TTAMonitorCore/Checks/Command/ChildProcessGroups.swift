#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The process groups of the commands this process started and has not reaped yet, so
/// that a termination signal can stop them before the process exits (each command leads
/// a group of its own, which a Ctrl-C at the terminal does not reach).
enum ChildProcessGroups {
    private struct State: ~Copyable {
        var groups: Set<pid_t> = []
        /// Set once the process is terminating: nothing new is started after that.
        var closed = false
    }

    private static let state = Mutex(State())

    /// Calls `spawn`, which starts a process group leader and returns its pid (nil when it
    /// failed), and registers the group under the same lock, so that a signal cannot come
    /// between the start and the registration. Does not call `spawn` once the process is
    /// terminating.
    static func starting(_ spawn: () -> pid_t?) {
        state.withLock { state in
            guard !state.closed, let pid = spawn() else { return }
            state.groups.insert(pid)
        }
    }

    /// Forgets a group whose leader was reaped.
    static func finished(_ pid: pid_t) {
        _ = state.withLock { $0.groups.remove(pid) }
    }

    /// Stops every registered group: SIGTERM, up to `grace` for its members to exit, then
    /// SIGKILL for what is left. Nothing can be started afterwards.
    static func terminateAll(grace: Duration) {
        let groups = state.withLock { state -> Set<pid_t> in
            state.closed = true
            return state.groups
        }
        guard !groups.isEmpty else { return }
        for group in groups { killpg(group, SIGTERM) }
        let giveUpAt = ContinuousClock.now + grace
        var living = groups
        while !living.isEmpty, ContinuousClock.now < giveUpAt {
            usleep(10_000)
            living = living.filter(ProcTable.groupHasLiveMembers)
        }
        for group in living { killpg(group, SIGKILL) }
    }
}
