/// When a failed notification is tried again: the channel's `retry_backoff` doubled per
/// failed attempt (30s, 1m, 2m, 4m, …) and capped at one hour, so a receiver that is down
/// for a day is asked about once an hour rather than on every cron run.
enum OutboxBackoff {
    /// The longest wait between attempts.
    static let maximum = Duration.seconds(3_600)

    /// The wait after the `attempts`-th failed attempt (1 for the first), in milliseconds.
    static func delay(afterAttempts attempts: Int64, base: Duration) -> Int64 {
        let baseMs = base.milliseconds
        guard baseMs > 0 else { return 0 }
        let doublings = min(max(attempts - 1, 0), 30)
        return min(baseMs << doublings, maximum.milliseconds)
    }
}
