#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Temporary files this process has created and not yet renamed into place or removed,
/// so that a termination signal removes them instead of leaving them beside their targets.
/// Every writer that goes through a temporary name registers it while it exists and
/// renames it through `moveIntoPlace`.
enum InFlightTemporaryFiles {
    private struct State: ~Copyable {
        var paths: Set<String> = []
        /// Set once the files were removed for a termination signal.
        var closed = false
    }

    private static let state = Mutex(State())

    /// Creates the temporary file at `path` with `create` (an `open` returning a descriptor
    /// or -1 with `errno` set) and registers it, both under the lock `removeAll` takes: a
    /// termination signal that arrives between the two would otherwise find the file
    /// unregistered and exit, leaving it behind. Once the process is terminating nothing is
    /// created and the calling thread stops here.
    static func create(_ path: String, _ create: () -> Int32) -> Int32 {
        let descriptor = state.withLock { state -> Int32? in
            guard !state.closed else { return nil }
            let descriptor = create()
            if descriptor >= 0 { state.paths.insert(path) }
            return descriptor
        }
        guard let descriptor else {
            TerminationSignals.parkIfTerminating()
            errno = ECANCELED
            return -1
        }
        return descriptor
    }

    /// `path` was removed: no longer ours to remove.
    static func settled(_ path: String) {
        _ = state.withLock { $0.paths.remove(path) }
    }

    /// Renames `temporary` over `target` (0, or -1 with `errno` set, as `rename`), under
    /// the same lock as `removeAll`, so a terminating process never puts a file in place.
    static func moveIntoPlace(_ temporary: String, _ target: String) -> Int32 {
        let result = state.withLock { state -> Int32? in
            guard !state.closed else { return nil }
            let result = rename(temporary, target)
            if result == 0 { state.paths.remove(temporary) }
            return result
        }
        guard let result else {
            TerminationSignals.parkIfTerminating()
            errno = ECANCELED
            return -1
        }
        return result
    }

    /// Removes every registered file (the process is about to exit on a signal); later
    /// writers find the registry closed.
    static func removeAll() {
        state.withLock { state in
            state.closed = true
            for path in state.paths { unlink(path) }
            state.paths.removeAll()
        }
    }
}
