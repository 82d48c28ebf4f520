/// The moment a socket operation gives up, together with the budget it was derived from,
/// so that a timeout can say "timed out after 500 ms" rather than print a clock reading.
///
/// One deadline usually covers a whole probe (resolve, connect, every request and reply):
/// a check's timeout is a promise about the check, not about each system call.
public struct SocketDeadline: Sendable, Equatable {
    /// When waiting stops, on the monotonic clock.
    public let instant: ContinuousClock.Instant
    /// The whole budget, as configured; only used in messages.
    public let budget: Duration

    /// A deadline `timeout` from now.
    public init(after timeout: Duration) {
        self.instant = ContinuousClock.now + timeout
        self.budget = timeout
    }

    /// Time left before the deadline; zero once it has passed.
    public var remaining: Duration {
        max(.zero, instant - ContinuousClock.now)
    }

    /// Whether the deadline has passed.
    public var hasPassed: Bool {
        ContinuousClock.now >= instant
    }
}
