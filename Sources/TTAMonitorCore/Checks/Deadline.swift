import Synchronization

/// Races an operation against a timer without waiting for the loser: the operation runs in
/// its own task, so a probe stuck in a system call cannot hold up the run past its deadline.
public enum Deadline {
    /// The operation's value, or nil when `timeout` passed first.
    public static func race<T: Sendable>(timeout: Duration,
                                         _ operation: @escaping @Sendable () async -> T) async -> T? {
        let box = RaceBox<T?>()
        return await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            box.install(continuation)
            let worker = Task { await operation() }
            let timer = Task {
                try? await Task.sleep(for: timeout)
                if !Task.isCancelled, box.finish(nil) { worker.cancel() }
            }
            Task {
                let value = await worker.value
                // Stop the timer so a finished run does not keep sleeping tasks around.
                if box.finish(value) { timer.cancel() }
            }
        }
    }
}

/// Resumes a continuation once, with whichever value arrives first.
final class RaceBox<T: Sendable>: Sendable {
    private let state = Mutex<(continuation: CheckedContinuation<T, Never>?, done: Bool)>((nil, false))

    func install(_ continuation: CheckedContinuation<T, Never>) {
        state.withLock { $0.continuation = continuation }
    }

    /// Returns true when this call won the race.
    @discardableResult
    func finish(_ value: T) -> Bool {
        let continuation = state.withLock { current -> CheckedContinuation<T, Never>? in
            guard !current.done else { return nil }
            current.done = true
            let continuation = current.continuation
            current.continuation = nil
            return continuation
        }
        continuation?.resume(returning: value)
        return continuation != nil
    }
}
