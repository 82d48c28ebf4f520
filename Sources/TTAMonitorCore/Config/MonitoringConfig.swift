#if canImport(Glibc)
import Glibc
#endif

/// Defaults applied to every check that does not set its own (`monitoring.defaults`).
public struct CheckDefaults: Sendable, Equatable {
    /// Per-check timeout.
    public var timeout: Duration = .seconds(5)
    /// Checks in flight at once.
    public var concurrency: Int = 32
    /// Extra attempts for a check that is not OK (0: none).
    public var retries: Int = 0
    /// Pause between attempts.
    public var retryDelay: Duration = .seconds(1)
    /// Consecutive non-OK results before a check's reported status turns bad.
    public var failureThreshold: Int = 1
    /// Consecutive OK results before a bad reported status recovers.
    public var successThreshold: Int = 1
    /// Expected interval between runs (cron); drives staleness in `status`.
    public var interval: Duration?
    /// Creates the built-in defaults.
    public init() {}
}

/// The typed `monitoring:` section of `tta_config.yaml`.
public struct MonitoringConfig: Sendable {
    /// The file it was read from.
    public var sourcePath: String
    /// Whether the file has a `monitoring:` section at all.
    public var hasMonitoringSection = false
    /// `monitoring.enabled`; when false, `check` runs nothing.
    public var enabled: Bool = true
    /// `monitoring.storage.path` as written (relative to the working directory).
    public var storagePath: String?
    /// `monitoring.storage.mode`: the permissions of every file tta-monitor creates (the
    /// database, reports, exports, the `file` channel's file); 0600 unless set.
    public var storageMode: mode_t = FileMode.privateData
    /// `monitoring.defaults`.
    public var defaults = CheckDefaults()
    /// `schedule`: the daily jobs serve runs itself.
    public var schedule = ScheduleConfig()
    /// `monitoring.checks`, in file order.
    public var checks: [CheckConfig] = []
    /// Where `monitoring.checks` is (else the `monitoring:` section), for "no checks" errors.
    public var checksLocation: SourceLocation?
    /// Retention windows per dataset (`monitoring.retention`).
    public var retention = RetentionConfig()
    /// `monitoring.discovery`.
    public var discovery = DiscoveryConfig()
    /// `monitoring.alerts`: rules, channels, routing.
    public var alerts = AlertsConfig()
    /// `monitoring.carbon` (and TTA's own `carbon:` section).
    public var carbon = CarbonConfig()
    /// `monitoring.serve`: the HTTP API's token and read access.
    public var serve = ServeConfig()
    /// `monitoring.privacy.redact`: what is removed from messages and details.
    public var redactCategories: Set<Redactor.Category> = Set(Redactor.Category.allCases)
    /// Literal secret values found in the file, removed wherever they would be shown.
    public var secretValues: [String] = []

    /// The redactor every result passes through before it is stored or printed.
    public var redactor: Redactor { Redactor(categories: redactCategories, secrets: secretValues) }

    /// Creates an empty config for `sourcePath`.
    public init(sourcePath: String) { self.sourcePath = sourcePath }

    /// The check called `name`.
    public func check(named name: String) -> CheckConfig? { checks.first { $0.name == name } }

    /// The timeout a check runs with, given an optional command-line override.
    public func timeout(for check: CheckConfig, override: Duration?) -> Duration {
        override ?? check.timeout ?? defaults.timeout
    }

    /// The interval a check is expected to run at, if known.
    public func interval(for check: CheckConfig) -> Duration? { check.interval ?? defaults.interval }
}
