import Synchronization

/// `serve` handles SIGTERM, SIGINT and SIGHUP itself (stop gracefully with exit 0, reload)
/// where every other command exits with 128 + the signal at once.
extension TerminationSignals {
    /// Hands the signals to `handler` from now on; it returns false for one it leaves to
    /// the usual handling (serve does, for a second SIGTERM: stop now).
    public static func divert(_ handler: @escaping @Sendable (Int32) -> Bool) {
        signalDiversion.withLock { $0 = handler }
    }

    /// Whether a diverting handler took `signal`.
    static func divertedSignal(_ signal: Int32) -> Bool {
        guard let handler = signalDiversion.withLock({ $0 }) else { return false }
        return handler(signal)
    }
}

private let signalDiversion = Mutex<(@Sendable (Int32) -> Bool)?>(nil)
