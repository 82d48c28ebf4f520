/// What a `redis` check talks to.
public struct RedisCheckSpec: Sendable, Equatable {
    /// Host name or address.
    public var host: String
    /// Port (6379 by default).
    public var port: Int
    /// Password for `AUTH`, if the URL or config carries one (never printed).
    public var password: String?
    /// ACL user for `AUTH user password`.
    public var username: String?
    /// Latency thresholds in milliseconds (connect + PING).
    public var latencyMs: Thresholds?
    /// Used-memory thresholds as % of `maxmemory` (ignored when maxmemory is 0).
    public var memoryPercent: Thresholds?
    /// Creates a spec.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }
}

extension RedisCheckSpec: CheckSpec {
    static let kindName = "redis"

    static func decode(_ reader: inout MappingReader, check name: String, decoder: CheckConfigDecoder) throws(ConfigError) -> Self {
        var spec: RedisCheckSpec
        if let urlNode = reader.node("url") {
            let url = try reader.string(urlNode, path: reader.keyPath("url"))
            do {
                spec = try RedisCheckSpec(url: url)
            } catch {
                throw reader.error("'\(reader.keyPath("url"))': \(error)", at: urlNode)
            }
            if reader.node("host") != nil || reader.node("port") != nil {
                throw reader.error("give either 'url' or 'host'/'port', not both", at: urlNode)
            }
        } else {
            let (host, port) = try decoder.hostAndPort(&reader, scheme: nil, defaultPort: 6379)
            spec = RedisCheckSpec(host: host, port: port)
        }
        if let password = try reader.string("password"), !password.isEmpty { spec.password = password }
        if let username = try reader.string("username"), !username.isEmpty { spec.username = username }
        spec.latencyMs = try reader.durationThresholds("latency")
        spec.memoryPercent = try reader.numberThresholds("memory_percent", range: 0...100)
        return spec
    }

    func probe(check: String, timeout: Duration) async -> CheckResult {
        await RedisCheck.run(name: check, spec: self, timeout: timeout)
    }

    var effectiveMembers: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [("host", .string(host)), ("port", .int(Int64(port)))]
        if let username { members.append(("username", .string(username))) }
        if password != nil { members.append(("password", .string(SecretMasker.mask))) }
        if let latencyMs { members.append(("latency", EffectiveConfig.thresholdsJSON(latencyMs, unit: "ms"))) }
        if let memoryPercent { members.append(("memory_percent", EffectiveConfig.thresholdsJSON(memoryPercent, unit: nil))) }
        return members
    }

    var latencyThresholds: Thresholds? { latencyMs }

    var secretForms: [String] { password.map { SecretVariants.forms(of: $0) } ?? [] }
}
