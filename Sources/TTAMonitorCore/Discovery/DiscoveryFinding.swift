/// One thing a source saw: a service at an endpoint (or, for processes, maybe without one).
public struct DiscoveryFinding: Sendable, Equatable {
    /// The source that saw it.
    public var source: DiscoverySource
    /// Where inside the source (`player_experience.database.redis_url`, `docker-compose.yml:redis`).
    public var origin: String
    /// A suggested component name (slug).
    public var name: String
    /// The check kind, when the source knows it.
    public var kind: String?
    /// Host as found (wildcards are normalized when merging).
    public var host: String?
    /// TCP port, when known.
    public var port: Int?
    /// URL path for HTTP targets (`/health`).
    public var path: String?
    /// A full check URL with secrets already replaced by placeholders, when the source gave one.
    public var url: String?
    /// Owning process.
    public var pid: Int32?
    /// Process name.
    public var process: String?
    /// Extra facts (container name, healthcheck, HTTP status).
    public var notes: [String] = []

    /// Creates a finding.
    public init(source: DiscoverySource, origin: String, name: String, kind: String? = nil, host: String? = nil,
                port: Int? = nil, path: String? = nil, url: String? = nil, pid: Int32? = nil, process: String? = nil,
                notes: [String] = []) {
        self.source = source
        self.origin = origin
        self.name = name
        self.kind = kind
        self.host = host
        self.port = port
        self.path = path
        self.url = url
        self.pid = pid
        self.process = process
        self.notes = notes
    }

    /// `host:port` with every local spelling (`0.0.0.0`, `::`, `127.0.0.1`, `::1`) as `localhost`.
    public var endpoint: String? {
        guard let port else { return nil }
        return "\(DiscoveryFinding.normalizedHost(host)):\(port)"
    }

    /// Local addresses all read as `localhost`, so a wildcard listener matches a config URL.
    public static func normalizedHost(_ host: String?) -> String {
        guard let host, !host.isEmpty else { return "localhost" }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if ["0.0.0.0", "::", "127.0.0.1", "::1", "localhost", "::ffff:127.0.0.1"].contains(bare) || bare.hasPrefix("127.") {
            return "localhost"
        }
        return bare.lowercased()
    }
}
