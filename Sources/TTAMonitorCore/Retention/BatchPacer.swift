/// Sizes the batches of a purge by time rather than by a fixed row count: each write
/// transaction should hold the lock for about `target`, whatever the machine's speed or load,
/// so that a concurrent `check` waits at most about that long and the purge still commits
/// as few times as it can (every commit and checkpoint has a fixed cost).
struct BatchPacer {
    /// The next batch's size (rows, or rowids of a range, or pages).
    private(set) var size: Int64
    /// Bounds on the size.
    let minimum: Int64, maximum: Int64
    /// How long one transaction should take.
    let target: Duration
    /// The longest transaction seen, for `-v`.
    private(set) var longest: Duration = .zero
    /// Transactions run.
    private(set) var batches = 0

    /// A pacer starting at `initial`, sized towards `target` per batch.
    init(initial: Int64, minimum: Int64, maximum: Int64, target: Duration) {
        self.size = initial
        self.minimum = minimum
        self.maximum = maximum
        self.target = target
    }

    /// Runs `body` (one transaction), then adjusts the size from how long it took. The size
    /// grows by at most a quarter per batch and shrinks by at most half: a fast batch (a
    /// warm cache) must not make the next one overshoot, nor one slow batch (a busy disk)
    /// make them collapse.
    mutating func timed<T>(_ body: (Int64) throws(StoreError) -> T) throws(StoreError) -> T {
        let start = ContinuousClock.now
        let value = try body(size)
        let elapsed = ContinuousClock.now - start
        longest = max(longest, elapsed)
        batches += 1
        let ratio = target / max(elapsed, .microseconds(100))
        let factor = min(1.25, max(0.5, ratio))
        size = min(maximum, max(minimum, Int64((Double(size) * factor).rounded())))
        return value
    }
}
