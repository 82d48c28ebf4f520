/// Wall time of consecutive phases of a long operation (for `retention purge -v`): each
/// `end` closes the phase that started when the previous one ended.
struct PhaseClock {
    /// Closed phases, in order.
    private(set) var phases: [(name: String, duration: Duration)] = []
    private var start = ContinuousClock.now

    /// Closes the current phase under `name` and starts the next.
    mutating func end(_ name: String) {
        let now = ContinuousClock.now
        phases.append((name, now - start))
        start = now
    }
}
