#if canImport(Glibc)
import Glibc
#endif

/// Reads `tta_config.yaml` and produces the typed `MonitoringConfig`, rejecting anything it
/// does not understand with `file:line:column`.
public struct ConfigLoader: Sendable {
    private let environment: [String: String]

    /// Creates a loader that expands `${VAR}` from `environment`.
    public init(environment: [String: String]) { self.environment = environment }

    /// Loads the file at `path`.
    public func load(path: String) throws(ConfigError) -> MonitoringConfig {
        let text = try Self.readFile(path)
        return try load(text: text, path: path)
    }

    /// Loads config text that came from `path` (used by tests and `config validate -`).
    public func load(text: String, path: String) throws(ConfigError) -> MonitoringConfig {
        let document = try ConfigDocument(text: text, path: path)
        var config = try readMonitoringSection(of: document, path: path)
        config.secretValues = SecretCollector.collect(root: document.root, checks: config.checks, environment: environment)
        return config
    }

    private func readMonitoringSection(of document: ConfigDocument, path: String) throws(ConfigError) -> MonitoringConfig {
        var config = MonitoringConfig(sourcePath: path)
        guard let root = document.root else { return config }
        guard root.mappingPairs != nil else {
            throw document.error("the config file must be a mapping of sections (monitoring:, carbon:, …)", at: root.location)
        }
        // TTA's own `carbon:` section sets carbon defaults even without a `monitoring:` section.
        config.carbon = try CarbonConfig.read(nil, root: root, document: document,
                                              interpolation: EnvironmentInterpolation(environment: environment))
        guard let section = root["monitoring"] else { return config }
        config.hasMonitoringSection = true
        if let scalar = section.scalar, scalar.coreValue == .null { return config }
        let interpolation = EnvironmentInterpolation(environment: environment)
        var reader = try MappingReader(section, path: "monitoring", document: document, interpolation: interpolation)
        config.checksLocation = section.location
        // Sections (and checks) are independent: read each even when one before it is wrong,
        // so one `config validate` reports every broken part.
        var problems = ConfigProblems()
        problems.attempt { () throws(ConfigError) in config.enabled = try reader.bool("enabled") ?? true }
        problems.attempt { () throws(ConfigError) in
            if var storage = try reader.mapping("storage") {
                config.storagePath = try storage.string("path")
                config.storageMode = try storage.fileMode("mode") ?? FileMode.privateData
                try storage.finish()
            }
        }
        problems.attempt { () throws(ConfigError) in
            if let seconds = try reader.int("health_check_interval", range: 1...86_400) {
                config.defaults.interval = .seconds(seconds)
            }
        }
        problems.attempt { () throws(ConfigError) in _ = try reader.int("metrics_port", range: 1...65_535) }
        problems.attempt { () throws(ConfigError) in
            if var defaults = try reader.mapping("defaults") {
                try readDefaults(&defaults, into: &config.defaults)
            }
        }
        problems.attempt { () throws(ConfigError) in
            if var privacy = try reader.mapping("privacy") {
                config.redactCategories = try readPrivacy(&privacy) ?? config.redactCategories
            }
        }
        problems.attempt { () throws(ConfigError) in
            if var retention = try reader.mapping("retention") {
                config.retention = try RetentionConfig.read(&retention)
            }
        }
        problems.attempt { () throws(ConfigError) in
            if var schedule = try reader.mapping("schedule") {
                config.schedule = try ScheduleConfig.read(&schedule)
            }
        }
        problems.attempt { () throws(ConfigError) in
            if var serve = try reader.mapping("serve") {
                config.serve = try ServeConfig.read(&serve)
            }
        }
        problems.attempt { () throws(ConfigError) in
            if var discovery = try reader.mapping("discovery") {
                config.discovery = try DiscoveryConfig.read(&discovery)
            }
        }
        // The carbon section also reads TTA's own top-level `carbon:` (output_dir, project_name).
        problems.attempt { () throws(ConfigError) in
            let carbonReader = try reader.mapping("carbon")
            config.carbon = try CarbonConfig.read(carbonReader, root: root, document: document, interpolation: interpolation)
        }
        // After carbon: a `carbon` alert rule without its own limit uses daily_threshold_kg.
        problems.attempt { () throws(ConfigError) in
            if var alerts = try reader.mapping("alerts") {
                config.alerts = try AlertsConfig.read(&alerts, carbonDailyThresholdKg: config.carbon.dailyThresholdKg)
                config.alerts.applyFileMode(config.storageMode)
            }
        }
        if let checksNode = reader.node("checks") {
            config.checksLocation = checksNode.location
            config.checks = CheckConfigDecoder(document: document, interpolation: interpolation)
                .decodeAll(checksNode, path: "monitoring.checks", problems: &problems)
        }
        problems.attempt { () throws(ConfigError) in try reader.finish() }
        try problems.throwIfAny()
        return config
    }

    private func readPrivacy(_ privacy: inout MappingReader) throws(ConfigError) -> Set<Redactor.Category>? {
        guard let redactNode = privacy.node("redact") else {
            try privacy.finish()
            return nil
        }
        let names = try privacy.stringList("redact") ?? []
        var categories: Set<Redactor.Category> = []
        for name in names {
            guard let category = Redactor.Category(rawValue: name) else {
                var message = "unknown redaction class '\(name)' in 'monitoring.privacy.redact'"
                let known = Redactor.Category.allCases.map(\.rawValue)
                if let hint = EditDistance.suggestion(for: name, among: known) { message += "; did you mean '\(hint)'?" }
                else { message += " (known: \(known.joined(separator: ", ")))" }
                throw privacy.error(message, at: redactNode)
            }
            categories.insert(category)
        }
        try privacy.finish()
        return categories
    }

    private func readDefaults(_ reader: inout MappingReader, into defaults: inout CheckDefaults) throws(ConfigError) {
        if let timeout = try reader.positiveDuration("timeout", default: nil) { defaults.timeout = timeout }
        if let concurrency = try reader.int("concurrency", range: 1...1_024) { defaults.concurrency = concurrency }
        if let retries = try reader.int("retries", range: 0...10) { defaults.retries = retries }
        if let delay = try reader.duration("retry_delay") { defaults.retryDelay = delay }
        if let interval = try reader.positiveDuration("interval", default: nil) { defaults.interval = interval }
        if let failures = try reader.int("failure_threshold", range: 1...100) { defaults.failureThreshold = failures }
        if let successes = try reader.int("success_threshold", range: 1...100) { defaults.successThreshold = successes }
        try reader.finish()
    }

    /// The most a config file (or a compose file `discover` reads) may hold. Real configs are
    /// a few kilobytes; the bound keeps `--config /dev/zero` from taking all memory.
    public static let maximumFileBytes = 16 << 20

    /// Reads a whole file as UTF-8, at most `maximumFileBytes` of it.
    static func readFile(_ path: String) throws(ConfigError) -> String {
        let bytes: [UInt8]
        switch BoundedFileReader.bytes(path, limit: maximumFileBytes) {
        case .success(let read): bytes = read
        case .failure(.open(let code)):
            if code == ENOENT { throw .missingFile("config file '\(path)' not found") }
            throw ConfigError("cannot read config file '\(path)': \(String(cString: strerror(code)))")
        case .failure(.read(let code)):
            throw ConfigError("cannot read config file '\(path)': \(String(cString: strerror(code)))")
        case .failure(.tooLarge(let limit)):
            throw ConfigError("config file '\(path)' is larger than the \(BoundedFileReader.describe(limit)) limit")
        case .failure(.timedOut(let waited)):
            throw ConfigError("config file '\(path)' sent no data for \(waited.components.seconds) s (a pipe or device nobody writes to?)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigError("config file '\(path)' is not valid UTF-8")
        }
        return text
    }
}
