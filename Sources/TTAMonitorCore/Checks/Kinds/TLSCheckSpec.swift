/// What a `tls` check connects to: any TLS port, not only HTTPS.
public struct TLSCheckSpec: Sendable, Equatable {
    /// Host name or address.
    public var host: String
    /// Port.
    public var port: Int
    /// Name sent as SNI and checked against the certificate; `host` when nil.
    public var serverName: String?
    /// Days left on the leaf certificate (lower is worse).
    public var daysLeft: Thresholds?
    /// Whether the chain must verify against the system's CAs (a self-signed or expired
    /// certificate is then CRITICAL whatever its days left).
    public var verify: Bool = true
    /// Creates a spec.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }
}

extension TLSCheckSpec: CheckSpec {
    static let kindName = "tls"

    static func decode(_ reader: inout MappingReader, check name: String, decoder: CheckConfigDecoder) throws(ConfigError) -> Self {
        let (host, port) = try decoder.hostAndPort(&reader, scheme: "tls", defaultPort: 443)
        var spec = TLSCheckSpec(host: host, port: port)
        spec.serverName = try reader.nonEmptyString("server_name")
        spec.daysLeft = try reader.numberThresholds("days_left", range: 0...10_000, lowerIsWorse: true)
        spec.verify = try reader.bool("verify") ?? true
        return spec
    }

    func probe(check: String, timeout: Duration) async -> CheckResult {
        await TLSCheck.run(name: check, spec: self, timeout: timeout)
    }

    var effectiveMembers: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [("host", .string(host)), ("port", .int(Int64(port)))]
        if let serverName { members.append(("server_name", .string(serverName))) }
        if let daysLeft { members.append(("days_left", EffectiveConfig.thresholdsJSON(daysLeft, unit: nil))) }
        members.append(("verify", .bool(verify)))
        return members
    }
}
