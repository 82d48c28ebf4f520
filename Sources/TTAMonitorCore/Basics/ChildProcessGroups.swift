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
        /// Spawns under way (not under the lock: exec may read a slow disk).
        var spawning = 0
        /// Set once the process is terminating: nothing new is started after that.
        var closed = false
    }

    private static let state = Mutex(State())

    /// Calls `spawn`, which starts a process group leader and returns its pid (nil when it
    /// failed), and registers the group. Does not call `spawn` once the process is
    /// terminating; a leader that a termination overtook mid-spawn is killed at once.
    static func starting(_ spawn: () -> pid_t?) {
        let allowed = state.withLock { state in
            guard !state.closed else { return false }
            state.spawning += 1
            return true
        }
        guard allowed else { return }
        let pid = spawn()
        state.withLock { state in
            state.spawning -= 1
            guard let pid else { return }
            if state.closed { killpg(pid, SIGKILL) } else { state.groups.insert(pid) }
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
        let giveUpAt = ContinuousClock.now + grace
        for group in groups { killpg(group, SIGTERM) }
        var living = groups
        while !living.isEmpty, ContinuousClock.now < giveUpAt {
            usleep(10_000)
            living = living.filter(ProcTable.groupHasLiveMembers)
        }
        for group in living { killpg(group, SIGKILL) }
        // A spawn that was under way kills its own leader when it returns; let it.
        while state.withLock({ $0.spawning }) > 0, ContinuousClock.now < giveUpAt + grace { usleep(1_000) }
    }
}
