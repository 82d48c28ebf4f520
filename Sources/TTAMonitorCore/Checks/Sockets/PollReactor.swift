#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Waits for sockets to become readable or writable on one dedicated thread running
/// `poll()`, so that no task ever blocks a thread of Swift's cooperative pool.
///
/// Tasks register an interest with a deadline and suspend; the thread sleeps in `poll()`
/// until a descriptor is ready, the nearest deadline passes, or a new registration writes
/// to the wake-up pipe. Each waiter is resumed exactly once: ready, timed out or cancelled.
/// Unlike a fixed-interval poll loop, the thread never wakes up when nothing happens.
public final class PollReactor: Sendable {
    /// The process-wide reactor; its thread starts the first time it is used.
    public static let shared = PollReactor()

    /// What a waiter waits for.
    public enum Interest: Sendable {
        /// Data (or end of file, or an error) can be read.
        case readable
        /// Data can be written, or a non-blocking connect has finished.
        case writable

        var pollEvents: Int16 {
            switch self {
            case .readable: Int16(POLLIN)
            case .writable: Int16(POLLOUT)
            }
        }
    }

    /// Why a wait ended without the descriptor becoming ready.
    public enum WaitError: Error, Sendable, Equatable {
        /// The deadline passed first.
        case deadlinePassed
        /// The waiting task was cancelled.
        case cancelled
        /// The poll thread could not be started, or `poll()` itself failed.
        case unavailable
    }

    private enum Outcome: Sendable {
        case ready, deadlinePassed, cancelled, unavailable
    }

    private struct Waiter {
        let fd: Int32
        let events: Int16
        let deadline: ContinuousClock.Instant
        let continuation: CheckedContinuation<Outcome, Never>
    }

    private struct State {
        var waiters: [UInt64: Waiter] = [:]
        /// Ids whose task was cancelled before the waiter was registered; registration
        /// finds its id here and resumes at once instead of waiting for the deadline.
        var cancelledEarly: Set<UInt64> = []
        var lastID: UInt64 = 0
        /// A byte is on its way through the wake-up pipe; no need to write another.
        var wakePending = false
        var threadRunning = false
    }

    private let state = Mutex(State())
    private let wakeReadEnd: Int32
    private let wakeWriteEnd: Int32

    /// Creates a reactor and starts its thread. Use `shared`; tests may make their own.
    init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends {
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            }
        }
        wakeReadEnd = ends[0]
        wakeWriteEnd = ends[1]
        startThread()
    }

    /// Suspends until `fd` is ready for `interest`, or throws when `deadline` passes or the
    /// task is cancelled. Readiness includes error and hang-up conditions: the caller's next
    /// `recv`/`send`/`SO_ERROR` reports them.
    ///
    /// The caller must keep `fd` open until this returns.
    public func wait(
        until interest: Interest, on fd: Int32, deadline: ContinuousClock.Instant
    ) async throws(WaitError) {
        let id = state.withLock { state in
            state.lastID &+= 1
            return state.lastID
        }
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
                register(id: id, Waiter(fd: fd, events: interest.pollEvents, deadline: deadline,
                                        continuation: continuation))
            }
        } onCancel: {
            cancel(id: id)
        }
        // A cancellation that raced with a normal resumption left its id behind; the
        // handler cannot run any more once withTaskCancellationHandler has returned.
        state.withLock { _ = $0.cancelledEarly.remove(id) }
        switch outcome {
        case .ready: return
        case .deadlinePassed: throw .deadlinePassed
        case .cancelled: throw .cancelled
        case .unavailable: throw .unavailable
        }
    }

    private func register(id: UInt64, _ waiter: Waiter) {
        let (immediate, mustWake): (Outcome?, Bool) = state.withLock { state in
            if state.cancelledEarly.remove(id) != nil { return (.cancelled, false) }
            guard state.threadRunning else { return (.unavailable, false) }
            if waiter.deadline <= .now { return (.deadlinePassed, false) }
            state.waiters[id] = waiter
            defer { state.wakePending = true }
            return (nil, !state.wakePending)
        }
        if let immediate {
            waiter.continuation.resume(returning: immediate)
        } else if mustWake {
            wakeThread()
        }
    }

    private func cancel(id: UInt64) {
        let waiter = state.withLock { state in
            if let waiter = state.waiters.removeValue(forKey: id) { return Optional(waiter) }
            state.cancelledEarly.insert(id)
            return nil
        }
        // The thread may still have the fd in its current poll set; its result for an id
        // that is no longer registered is ignored, so there is no second resumption.
        waiter?.continuation.resume(returning: .cancelled)
    }

    private func wakeThread() {
        var byte: UInt8 = 1
        // EAGAIN means the pipe is full, which already guarantees a wake-up.
        _ = write(wakeWriteEnd, &byte, 1)
    }

    private func drainWakePipe() {
        var scratch = [UInt8](repeating: 0, count: 64)
        while read(wakeReadEnd, &scratch, scratch.count) > 0 {}
    }

    private func startThread() {
        guard wakeReadEnd >= 0 else { return }
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let started = pthread_create(&thread, nil, { context in
            let reactor = Unmanaged<PollReactor>.fromOpaque(context!).takeRetainedValue()
            reactor.runLoop()
            return nil
        }, context)
        if started == 0 {
            pthread_detach(thread)
            state.withLock { $0.threadRunning = true }
        } else {
            Unmanaged<PollReactor>.fromOpaque(context).release()
        }
    }

    /// The thread's body: rebuild the poll set, sleep until something happens, resume the
    /// waiters that are ready or past their deadline, repeat. It never returns; the shared
    /// reactor lives as long as the process.
    private func runLoop() {
        SignalMask.blockAllOnCurrentThread()
        var fds: [pollfd] = []
        var ids: [UInt64] = []
        while true {
            fds.removeAll(keepingCapacity: true)
            ids.removeAll(keepingCapacity: true)
            fds.append(pollfd(fd: wakeReadEnd, events: Int16(POLLIN), revents: 0))
            let nearest = state.withLock { state -> ContinuousClock.Instant? in
                state.wakePending = false
                var nearest: ContinuousClock.Instant?
                for (id, waiter) in state.waiters {
                    fds.append(pollfd(fd: waiter.fd, events: waiter.events, revents: 0))
                    ids.append(id)
                    nearest = min(nearest ?? waiter.deadline, waiter.deadline)
                }
                return nearest
            }
            let ready = poll(&fds, nfds_t(fds.count), Self.timeoutMilliseconds(until: nearest))
            if ready < 0, errno != EINTR {
                // EINVAL (more descriptors than RLIMIT_NOFILE) or ENOMEM would fail again
                // at once: end these waits instead of spinning until their deadlines.
                resumeAll(ids, with: .unavailable)
                continue
            }
            if ready > 0, fds[0].revents != 0 {
                drainWakePipe()
            }
            resumeFinished(fds: ready > 0 ? fds : [], ids: ids)
        }
    }

    private func resumeFinished(fds: [pollfd], ids: [UInt64]) {
        let now = ContinuousClock.now
        var finished: [(CheckedContinuation<Outcome, Never>, Outcome)] = []
        state.withLock { state in
            for (index, entry) in fds.dropFirst().enumerated() where entry.revents != 0 {
                if let waiter = state.waiters.removeValue(forKey: ids[index]) {
                    finished.append((waiter.continuation, .ready))
                }
            }
            let expired = state.waiters.filter { $0.value.deadline <= now }
            for (id, waiter) in expired {
                state.waiters[id] = nil
                finished.append((waiter.continuation, .deadlinePassed))
            }
        }
        // Resume outside the lock: resuming can run the task's code inline.
        for (continuation, outcome) in finished {
            continuation.resume(returning: outcome)
        }
    }

    private func resumeAll(_ ids: [UInt64], with outcome: Outcome) {
        let waiters = state.withLock { state in ids.compactMap { state.waiters.removeValue(forKey: $0) } }
        for waiter in waiters {
            waiter.continuation.resume(returning: outcome)
        }
    }

    /// poll()'s timeout for the nearest deadline, rounded up so that the thread does not
    /// wake a fraction of a millisecond early and spin; -1 (forever) without waiters.
    static func timeoutMilliseconds(until deadline: ContinuousClock.Instant?) -> Int32 {
        guard let deadline else { return -1 }
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else { return 0 }
        let (seconds, attoseconds) = remaining.components
        let milliseconds = seconds * 1_000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }
}
