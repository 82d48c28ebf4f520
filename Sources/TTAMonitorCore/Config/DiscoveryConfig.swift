/// `monitoring.discovery`: how `discover` looks for components by default.
public struct DiscoveryConfig: Sendable, Equatable {
    /// `auto`: `check` first runs a quick discovery, saves it, and checks the saved
    /// discovered components too (missing ones included, so they are reported).
    public var auto = false
    /// `sources`: where `discover` looks when `--source` is not given.
    public var sources: [DiscoverySource] = DiscoverySource.defaults
    /// `compose_files`: compose files to read instead of the ones next to the config
    /// (relative paths are relative to the config file's directory).
    public var composeFiles: [String] = []

    /// The defaults.
    public init() {}

    /// Reads the section; unknown keys and values are errors with their location.
    static func read(_ reader: inout MappingReader) throws(ConfigError) -> DiscoveryConfig {
        var config = DiscoveryConfig()
        config.auto = try reader.bool("auto") ?? false
        if let sourcesNode = reader.node("sources") {
            let names = try reader.stringList("sources") ?? []
            var sources: [DiscoverySource] = []
            for name in names {
                guard let source = DiscoverySource(rawValue: name) else {
                    let known = DiscoverySource.allCases.map(\.rawValue)
                    throw reader.error("unknown discovery source '\(name)' in 'monitoring.discovery.sources' (known: \(known.joined(separator: ", ")))",
                                       at: sourcesNode)
                }
                if !sources.contains(source) { sources.append(source) }
            }
            config.sources = sources
        }
        config.composeFiles = try reader.stringList("compose_files") ?? []
        try reader.finish()
        return config
    }
}
