#if canImport(Glibc)
import Glibc
#endif

/// Finds the config file and the database, in the order docs/files.md documents.
public struct ConfigLocator: Sendable {
    /// The process environment.
    public var environment: [String: String]
    /// The directory relative paths are resolved against.
    public var workingDirectory: String

    /// Creates a locator.
    public init(environment: [String: String], workingDirectory: String) {
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// The config file: `--config`, else `$TTA_CONFIG`, else `./config/tta_config.yaml`, else
    /// `./tta_config.yaml`; nil when none exists. A path given explicitly must exist.
    public func configPath(explicit: String?) throws(ConfigError) -> String? {
        if let explicit {
            guard exists(explicit) else { throw .missingFile("config file '\(explicit)' not found (from --config)") }
            return explicit
        }
        if let fromEnvironment = environment["TTA_CONFIG"], !fromEnvironment.isEmpty {
            guard exists(fromEnvironment) else { throw .missingFile("config file '\(fromEnvironment)' not found (from $TTA_CONFIG)") }
            return fromEnvironment
        }
        return ["config/tta_config.yaml", "tta_config.yaml"].first { exists($0) }
    }

    /// Like `configPath(explicit:)` but a config is required.
    public func requiredConfigPath(explicit: String?) throws(ConfigError) -> String {
        guard let path = try configPath(explicit: explicit) else {
            throw .missingFile("no config file found (looked for $TTA_CONFIG, ./config/tta_config.yaml, ./tta_config.yaml); pass --config PATH")
        }
        return path
    }

    /// The database: `--db`, else `monitoring.storage.path`, else `$TTA_MONITOR_DB`, else
    /// `defaultDatabasePath()`.
    public func databasePath(explicit: String?, config: MonitoringConfig?) throws(ConfigError) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let configured = config?.storagePath, !configured.isEmpty { return expandHome(configured) }
        if let fromEnvironment = environment["TTA_MONITOR_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        return try defaultDatabasePath()
    }

    /// `$XDG_STATE_HOME/tta-monitor/monitor.db`, else `$HOME/.local/state/tta-monitor/monitor.db`.
    /// As the XDG base directory specification says, a relative `XDG_STATE_HOME` is ignored;
    /// a missing or relative `HOME` is an error rather than a database in whatever the
    /// working directory (or `/`) happens to be.
    public func defaultDatabasePath() throws(ConfigError) -> String {
        let suffix = "/tta-monitor/monitor.db"
        if let stateHome = environment["XDG_STATE_HOME"], stateHome.hasPrefix("/") { return stateHome + suffix }
        guard let home = environment["HOME"], home.hasPrefix("/") else {
            throw ConfigError("no database location: HOME is not set to an absolute path (and XDG_STATE_HOME is not "
                + "an absolute path either); pass --db PATH, set monitoring.storage.path, or set TTA_MONITOR_DB")
        }
        return (home == "/" ? "" : home) + "/.local/state" + suffix
    }

    /// Whether `XDG_STATE_HOME` is set but ignored for not being an absolute path.
    public var ignoresRelativeStateHome: Bool {
        guard let stateHome = environment["XDG_STATE_HOME"], !stateHome.isEmpty else { return false }
        return !stateHome.hasPrefix("/")
    }

    private func expandHome(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
        return home + path.dropFirst()
    }

    /// Whether a file exists at `path` (relative to the working directory).
    public func exists(_ path: String) -> Bool {
        access(resolve(path), F_OK) == 0
    }

    /// `path` made absolute against the working directory.
    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : workingDirectory + "/" + path
    }
}
