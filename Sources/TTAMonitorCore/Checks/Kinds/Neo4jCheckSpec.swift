/// What a `neo4j` check talks to: the Bolt port, and optionally the HTTP discovery endpoint.
public struct Neo4jCheckSpec: Sendable, Equatable {
    /// Host name or address.
    public var host: String
    /// Bolt port (7687 by default).
    public var port: Int
    /// `http://host:7474/` discovery URL; checked when given.
    public var httpURL: String?
    /// Latency thresholds in milliseconds (Bolt handshake).
    public var latencyMs: Thresholds?
    /// Creates a spec.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }
}

extension Neo4jCheckSpec: CheckSpec {
    static let kindName = "neo4j"

    static func decode(_ reader: inout MappingReader, check name: String, decoder: CheckConfigDecoder) throws(ConfigError) -> Self {
        let (host, port) = try decoder.hostAndPort(&reader, scheme: "bolt", defaultPort: 7687)
        var spec = Neo4jCheckSpec(host: host, port: port)
        if let urlNode = reader.node("http_url") {
            spec.httpURL = try reader.httpURL(urlNode, key: "http_url")
        }
        spec.latencyMs = try reader.durationThresholds("latency")
        return spec
    }

    func probe(check: String, timeout: Duration) async -> CheckResult {
        await Neo4jCheck.run(name: check, spec: self, timeout: timeout)
    }

    var effectiveMembers: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [("host", .string(host)), ("port", .int(Int64(port)))]
        if let httpURL { members.append(("http_url", .string(SecretMasker.maskURL(httpURL)))) }
        if let latencyMs { members.append(("latency", EffectiveConfig.thresholdsJSON(latencyMs, unit: "ms"))) }
        return members
    }

    var latencyThresholds: Thresholds? { latencyMs }

    var secretForms: [String] { httpURL.map { SecretVariants.urlCredentialForms($0) } ?? [] }
}
