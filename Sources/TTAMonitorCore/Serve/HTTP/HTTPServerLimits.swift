/// The bounds that keep one client (or a thousand slow ones) from taking the server.
public struct HTTPServerLimits: Sendable {
    /// Open connections; one over this is answered 503 and closed.
    public var maxConnections = 256
    /// From a request's first byte to its last: a client that trickles its headers
    /// (slowloris) is answered 408 and closed after this, however steadily it sends.
    public var requestTimeoutMs: Int64 = 10_000
    /// A keep-alive connection with no request in progress is closed after this.
    /// Longer than Prometheus's usual 15 s scrape interval, so scrapes reuse connections.
    public var idleTimeoutMs: Int64 = 30_000
    /// A client that does not read its answer is dropped after this.
    public var writeTimeoutMs: Int64 = 30_000
    /// Threads that run handlers (database reads, /metrics rendering).
    public var workerThreads = 4
    /// Request sizes.
    public var request = HTTPRequestLimits()

    /// The defaults above.
    public init() {}
}
