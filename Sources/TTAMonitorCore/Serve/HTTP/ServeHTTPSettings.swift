/// What the HTTP server needs besides the state: where to listen, the token, who may read.
public struct ServeHTTPSettings: Sendable {
    /// The listening address (`--listen`, else 127.0.0.1:8977).
    public var listen: ServeListenAddress
    /// The bearer token (config, else `TTA_MONITOR_TOKEN`); nil or empty: none.
    public var token: String?
    /// `monitoring.serve.public_read`.
    public var publicRead: Bool
    /// Connection, size and time bounds.
    public var limits = HTTPServerLimits()

    /// Settings from their parts.
    public init(listen: ServeListenAddress = .default, token: String? = nil, publicRead: Bool = false) {
        self.listen = listen
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        self.publicRead = publicRead
    }

    /// Settings for `config`: its `monitoring.serve` section, with `TTA_MONITOR_TOKEN` from
    /// `environment` when the file sets no token.
    public init(config: MonitoringConfig, listen: ServeListenAddress?, environment: [String: String]) {
        self.init(listen: listen ?? .default, token: config.serve.token ?? environment["TTA_MONITOR_TOKEN"],
                  publicRead: config.serve.publicRead)
    }

    /// Refuses a non-loopback address without a token (exit 78): the API would otherwise
    /// hand the database and the alert actions to the whole network. Serve calls this
    /// before it binds anything.
    public func validate() throws(ConfigError) {
        if !listen.isLoopback, token == nil {
            throw ConfigError("serve will not listen on \(listen) without a token: that address is reachable from other "
                + "machines. Set monitoring.serve.token (or TTA_MONITOR_TOKEN), or listen on 127.0.0.1 and put a reverse proxy in front")
        }
    }

    /// Whether a read (GET) needs the token: on a non-loopback address, unless public_read.
    var readsNeedToken: Bool { !listen.isLoopback && !publicRead }
}
