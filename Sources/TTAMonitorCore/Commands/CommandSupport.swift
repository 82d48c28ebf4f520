#if canImport(Glibc)
import Glibc
#endif

/// Steps several commands share: finding and loading the config, opening the database,
/// parsing common option values.
struct CommandSupport {
    let context: CommandContext

    var locator: ConfigLocator {
        ConfigLocator(environment: context.environment, workingDirectory: context.workingDirectory)
    }

    /// Loads the config, which must exist.
    func requiredConfig() throws(ConfigError) -> MonitoringConfig {
        let path = try locator.requiredConfigPath(explicit: context.configOption)
        return try ConfigLoader(environment: context.environment).load(path: path)
    }

    /// Loads the config if one is found.
    func optionalConfig() throws(ConfigError) -> MonitoringConfig? {
        guard let path = try locator.configPath(explicit: context.configOption) else { return nil }
        return try ConfigLoader(environment: context.environment).load(path: path)
    }

    /// The database path for this invocation.
    func databasePath(config: MonitoringConfig?) throws(ConfigError) -> String {
        try locator.databasePath(explicit: context.databaseOption, config: config)
    }

    /// Opens the database at `path` with `monitoring.storage.mode`, creating the default
    /// location's directories (and only those) when it is to be written, and shows the
    /// notes about permissions it tightened.
    func openDatabase(_ path: String, config: MonitoringConfig?, readOnly: Bool = false) throws(StoreError) -> Database {
        try openDatabase(path, mode: config?.storageMode ?? FileMode.privateData, readOnly: readOnly)
    }

    /// Opens the database at `path` with permissions `mode` (see `openDatabase(_:config:readOnly:)`).
    func openDatabase(_ path: String, mode: mode_t, readOnly: Bool = false) throws(StoreError) -> Database {
        let defaultPath = try? locator.defaultDatabasePath()
        if path == defaultPath {
            if locator.ignoresRelativeStateHome {
                context.note("note: XDG_STATE_HOME is not an absolute path and is ignored (as the XDG base directory specification says)")
            }
            if !readOnly { try DatabaseDirectory.create(parentOf: path) }
        }
        let database = try Database(path: path, readOnly: readOnly, mode: mode)
        for note in database.permissionNotes { context.note(note) }
        return database
    }

    /// Parses a duration option, as a usage error when malformed.
    func durationOption(_ key: some OptionKey) throws(UsageError) -> Duration? {
        guard let text = context.invocation.value(key) else { return nil }
        guard let duration = DurationParser.parse(text), duration > .zero else {
            throw UsageError("The value '\(text)' is invalid for '--\(key.rawValue) <duration>'. Use a duration such as 500ms, 30s, 5m, 24h or 7d.",
                             commandPath: context.invocation.commandPath)
        }
        return duration
    }

    /// Parses a positive integer option.
    func intOption(_ key: some OptionKey, range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = context.invocation.value(key) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError("The value '\(text)' is invalid for '--\(key.rawValue) <n>'. Use a whole number from \(range.lowerBound) to \(range.upperBound).",
                             commandPath: context.invocation.commandPath)
        }
        return number
    }

    /// Names that must each match a configured check, with a hint for typos.
    func resolveNames(_ names: [String], among known: [String], what: String) throws(UsageError) -> [String] {
        for name in names where !known.contains(name) {
            var message = "Unknown \(what) '\(name)'."
            if let hint = EditDistance.suggestion(for: name, among: known) { message += " Did you mean '\(hint)'?" }
            else if !known.isEmpty { message += " Known: \(known.joined(separator: ", "))." }
            throw UsageError(message, commandPath: context.invocation.commandPath)
        }
        return names
    }
}
