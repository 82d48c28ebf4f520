/// `monitoring.retention`: how long each dataset is kept before `retention purge` removes it.
public struct RetentionConfig: Sendable, Equatable {
    /// The kinds of stored data, each with its own window.
    public enum Dataset: String, CaseIterable, Sendable {
        /// Raw check results (folded into hourly rollups before they go).
        case checks
        /// Hourly rollups of check results.
        case rollups
        /// Scraped and host metric samples.
        case metrics
        /// Resolved alerts (never the ones still firing).
        case alerts
        /// Energy and carbon records.
        case carbon
        /// Delivered notifications (never undelivered ones).
        case notifications

        /// The window when the config says nothing.
        public var defaultWindow: Duration {
            switch self {
            case .checks: .seconds(7 * 86_400)
            case .rollups: .seconds(90 * 86_400)
            case .metrics: .seconds(30 * 86_400)
            case .alerts: .seconds(180 * 86_400)
            case .carbon: .seconds(365 * 86_400)
            case .notifications: .seconds(30 * 86_400)
            }
        }
    }

    /// Windows that differ from the defaults.
    public var overrides: [Dataset: Duration] = [:]

    /// Defaults everywhere.
    public init() {}

    /// How long `dataset` is kept.
    public func window(_ dataset: Dataset) -> Duration { overrides[dataset] ?? dataset.defaultWindow }

    /// Reads the mapping; unknown keys are errors with a "did you mean".
    static func read(_ reader: inout MappingReader) throws(ConfigError) -> RetentionConfig {
        var config = RetentionConfig()
        for dataset in Dataset.allCases {
            guard let node = reader.node(dataset.rawValue) else { continue }
            let window = try reader.duration(node, path: reader.keyPath(dataset.rawValue))
            guard window > .zero else {
                throw reader.error("'\(reader.keyPath(dataset.rawValue))' must be longer than zero", at: node)
            }
            config.overrides[dataset] = window
        }
        try reader.finish()
        return config
    }
}
