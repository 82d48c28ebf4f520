/// What a `tcp` check connects to.
public struct TCPCheckSpec: Sendable, Equatable {
    /// Host name or address.
    public var host: String
    /// Port.
    public var port: Int
    /// Connect-time thresholds in milliseconds.
    public var latencyMs: Thresholds?
    /// Creates a spec.
    public init(host: String, port: Int, latencyMs: Thresholds? = nil) {
        self.host = host
        self.port = port
        self.latencyMs = latencyMs
    }
}

extension TCPCheckSpec: CheckSpec {
    static let kindName = "tcp"

    static func decode(_ reader: inout MappingReader, check name: String, decoder: CheckConfigDecoder) throws(ConfigError) -> Self {
        let (host, port) = try decoder.hostAndPort(&reader, scheme: "tcp", defaultPort: nil)
        return TCPCheckSpec(host: host, port: port, latencyMs: try reader.durationThresholds("latency"))
    }

    func probe(check: String, timeout: Duration) async -> CheckResult {
        await TCPCheck.run(name: check, spec: self, timeout: timeout)
    }

    var effectiveMembers: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [("host", .string(host)), ("port", .int(Int64(port)))]
        if let latencyMs { members.append(("latency", EffectiveConfig.thresholdsJSON(latencyMs, unit: "ms"))) }
        return members
    }

    var latencyThresholds: Thresholds? { latencyMs }
}
