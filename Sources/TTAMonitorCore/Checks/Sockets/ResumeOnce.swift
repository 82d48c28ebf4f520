import Synchronization

/// A value delivered once to one waiting task, by whichever of several racers (a result,
/// a timer, a cancellation) gets there first; later deliveries are dropped.
///
/// The value may arrive before the task starts waiting, so it is kept until then.
final class ResumeOnce<Value: Sendable>: Sendable {
    private enum State {
        case empty
        case waiting(CheckedContinuation<Value, Never>)
        case delivered(Value)
        case finished
    }

    private let state = Mutex(State.empty)

    /// Suspends until a value is delivered (or returns at once when one already was).
    func value() async -> Value {
        await withCheckedContinuation { continuation in
            let early: Value? = state.withLock { state in
                guard case .delivered(let value) = state else {
                    state = .waiting(continuation)
                    return nil
                }
                state = .finished
                return value
            }
            if let early { continuation.resume(returning: early) }
        }
    }

    /// Delivers `value` unless another one got there first.
    func resume(with value: Value) {
        let continuation: CheckedContinuation<Value, Never>? = state.withLock { state in
            switch state {
            case .empty:
                state = .delivered(value)
                return nil
            case .waiting(let continuation):
                state = .finished
                return continuation
            case .delivered, .finished:
                return nil
            }
        }
        continuation?.resume(returning: value)
    }
}
