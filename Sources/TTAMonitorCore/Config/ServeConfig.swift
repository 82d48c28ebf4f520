/// `monitoring.serve`: who may use serve's HTTP API.
public struct ServeConfig: Sendable, Equatable {
    /// `token`: the bearer token API clients send (`${VAR}` allowed). `TTA_MONITOR_TOKEN`
    /// is used when the file sets none.
    public var token: String?
    /// `public_read`: on a non-loopback address, let reads through without the token.
    public var publicRead = false

    /// Nothing set.
    public init() {}

    /// Reads the mapping; unknown keys are errors with a "did you mean".
    static func read(_ reader: inout MappingReader) throws(ConfigError) -> ServeConfig {
        var config = ServeConfig()
        if let node = reader.node("token") {
            let token = try reader.string(node, path: reader.keyPath("token"))
            guard !token.isEmpty else { throw reader.error("'\(reader.keyPath("token"))' must not be empty", at: node) }
            config.token = token
        }
        config.publicRead = try reader.bool("public_read") ?? false
        try reader.finish()
        return config
    }
}
