/// What a `postgres` check talks to.
public struct PostgresCheckSpec: Sendable, Equatable {
    /// Host name or address.
    public var host: String
    /// Port (5432 by default).
    public var port: Int
    /// User named in the startup message.
    public var user: String = "postgres"
    /// Database named in the startup message; the user's name when nil.
    public var database: String?
    /// Latency thresholds in milliseconds.
    public var latencyMs: Thresholds?
    /// Creates a spec.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }
}

extension PostgresCheckSpec: CheckSpec {
    static let kindName = "postgres"

    static func decode(_ reader: inout MappingReader, check name: String, decoder: CheckConfigDecoder) throws(ConfigError) -> Self {
        if let urlNode = reader.node("url") {
            let url = try reader.string(urlNode, path: reader.keyPath("url"))
            guard let parsed = PostgresURL.parse(url) else {
                throw reader.error("'\(reader.keyPath("url"))' must look like postgres://[user@]host[:port][/database]", at: urlNode)
            }
            var spec = parsed
            spec.latencyMs = try reader.durationThresholds("latency")
            return spec
        }
        let (host, port) = try decoder.hostAndPort(&reader, scheme: nil, defaultPort: 5432)
        var spec = PostgresCheckSpec(host: host, port: port)
        spec.user = try reader.string("user") ?? "postgres"
        spec.database = try reader.string("database")
        spec.latencyMs = try reader.durationThresholds("latency")
        return spec
    }

    func probe(check: String, timeout: Duration) async -> CheckResult {
        await PostgresCheck.run(name: check, spec: self, timeout: timeout)
    }

    var effectiveMembers: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [("host", .string(host)), ("port", .int(Int64(port))), ("user", .string(user))]
        if let database { members.append(("database", .string(database))) }
        if let latencyMs { members.append(("latency", EffectiveConfig.thresholdsJSON(latencyMs, unit: "ms"))) }
        return members
    }

    var latencyThresholds: Thresholds? { latencyMs }
}
