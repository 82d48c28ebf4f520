/// When serve runs each check: at its own interval, the first run spread over the interval
/// so a hundred checks with one interval do not all start in the same second.
enum ServeSchedule {
    /// The interval of a check that sets none, under a config that sets no
    /// `defaults.interval`: once a minute, what cron's `check` gives.
    static let defaultInterval = Duration.seconds(60)
    /// Shorter intervals are a config error for serve: a check a second is already more
    /// load than TTA's components should see from their monitor.
    static let minimumInterval = Duration.seconds(1)

    /// `check.interval`, else `monitoring.defaults.interval`, else one minute.
    static func interval(for check: CheckConfig, config: MonitoringConfig) -> Duration {
        config.interval(for: check) ?? defaultInterval
    }

    /// The delay before a check's first run: a fraction (0 ≤ `fraction` < 1) of its interval.
    static func firstDelay(interval: Duration, fraction: Double) -> Duration {
        interval * min(max(fraction, 0), 0.999)
    }

    /// The tick after a run of the tick `tick` that ended at `now`, and how many ticks were
    /// skipped because the run outlasted them (a check never runs twice at once, and a late
    /// check does not run back to back to catch up).
    static func next(after tick: ContinuousClock.Instant, interval: Duration,
                     now: ContinuousClock.Instant) -> (tick: ContinuousClock.Instant, skipped: Int) {
        var next = tick + interval
        guard next < now else { return (next, 0) }
        let behind = now - next
        let skipped = Int(behind / interval) + 1
        next += interval * skipped
        return (next, skipped)
    }

    /// Refuses intervals under a second, naming the check's place in the file.
    static func validate(_ config: MonitoringConfig) throws(ConfigError) {
        for check in config.checks where interval(for: check, config: config) < minimumInterval {
            let given = check.interval == nil ? "monitoring.defaults.interval" : "interval"
            throw ConfigError("check '\(check.name)': \(given) is under serve's minimum of 1s", at: check.location)
        }
    }
}
