/// What a check loop runs: the check and everything that changes how it is probed. Two
/// equal plans need no new loop on reload (the entry's place in the file does not count).
struct CheckPlan: Sendable, Equatable {
    var check: CheckConfig
    var interval: Duration
    var timeout: Duration
    var retries: Int
    var retryDelay: Duration

    init(check: CheckConfig, config: MonitoringConfig) {
        var placeless = check
        placeless.location = nil
        self.check = placeless
        interval = ServeSchedule.interval(for: check, config: config)
        timeout = config.timeout(for: check, override: nil)
        retries = check.retries ?? config.defaults.retries
        retryDelay = config.defaults.retryDelay
    }

    /// Names of the checks a reload added, removed and changed.
    struct Changes: Sendable, Equatable {
        var added: [String] = []
        var removed: [String] = []
        var changed: [String] = []
    }
}
