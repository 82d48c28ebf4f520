/// A warning/critical pair. By default larger is worse (latency, used %); with
/// `lowerIsWorse` smaller is worse (certificate days left, free bytes, process count).
public struct Thresholds: Sendable, Equatable {
    /// At or beyond this the check is WARNING; nil disables the level.
    public var warning: Double?
    /// At or beyond this the check is CRITICAL; nil disables the level.
    public var critical: Double?
    /// True when values at or below the levels are bad.
    public var lowerIsWorse: Bool

    /// Creates thresholds.
    public init(warning: Double? = nil, critical: Double? = nil, lowerIsWorse: Bool = false) {
        self.warning = warning
        self.critical = critical
        self.lowerIsWorse = lowerIsWorse
    }

    /// The status a measured value earns.
    public func status(for value: Double) -> CheckStatus {
        if lowerIsWorse {
            if let critical, value <= critical { return .critical }
            if let warning, value <= warning { return .warning }
            return .ok
        }
        if let critical, value >= critical { return .critical }
        if let warning, value >= warning { return .warning }
        return .ok
    }

    /// `≥` or `≤`, for messages such as "latency 612 ms ≥ warning 300 ms".
    public var comparison: String { lowerIsWorse ? "≤" : "≥" }
}

/// What an `http` check requests and expects.
public struct HTTPCheckSpec: Sendable, Equatable {
    /// The URL to fetch (http or https).
    public var url: String
    /// Request method; `GET` unless configured.
    public var method: String = "GET"
    /// Extra request headers, in configured order.
    public var headers: [HTTPHeader] = []
    /// Statuses that count as up; empty means any 2xx or 3xx.
    public var expectedStatuses: [Int] = []
    /// A substring the body must contain.
    public var bodyContains: String?
    /// JSON fields the body must have: dotted path (`status`, `checks.db.state`) → expected text.
    public var jsonEquals: [JSONExpectation] = []
    /// Latency thresholds in milliseconds (total transfer time).
    public var latencyMs: Thresholds?
    /// Whether to follow redirects (off by default: a health endpoint that redirects is news).
    public var followRedirects: Bool = false
    /// Whether to verify the server's TLS certificate (on by default).
    public var verifyTLS: Bool = true
    /// Days left on the server certificate (lower is worse); https only.
    public var certificateDaysLeft: Thresholds?
    /// Credentials sent with the request; never printed.
    public var auth: HTTPAuth?

    /// Creates a spec for `url` with defaults for everything else.
    public init(url: String) { self.url = url }
}

/// HTTP authentication for a check. Values are never printed.
public enum HTTPAuth: Sendable, Equatable {
    /// `Authorization: Basic base64(user:password)`.
    case basic(user: String, password: String)
    /// `Authorization: Bearer token`.
    case bearer(token: String)
}

/// One configured request header. `secret` headers are masked whenever they are shown.
public struct HTTPHeader: Sendable, Equatable {
    /// Header name.
    public var name: String
    /// Header value, `${VAR}` already expanded.
    public var value: String
    /// Creates a header.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// `expect.json` entry: the value at `path` must print as `expected`.
public struct JSONExpectation: Sendable, Equatable {
    /// Dotted path; numeric components index arrays (`items.0.state`).
    public var path: String
    /// The expected value as text (`healthy`, `true`, `3`, `null`).
    public var expected: String
    /// Creates an expectation.
    public init(path: String, expected: String) {
        self.path = path
        self.expected = expected
    }
}

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

/// What a `disk` check measures.
public struct DiskCheckSpec: Sendable, Equatable {
    /// A path on the filesystem to measure.
    public var path: String
    /// Used-space thresholds in percent.
    public var usedPercent: Thresholds?
    /// Free-space thresholds in bytes available to unprivileged users (lower is worse).
    public var freeBytes: Thresholds?
    /// Used-inode thresholds in percent.
    public var inodesUsedPercent: Thresholds?
    /// Creates a spec.
    public init(path: String, usedPercent: Thresholds? = nil) {
        self.path = path
        self.usedPercent = usedPercent
    }
}

/// The kind-specific part of a check.
public enum CheckKind: Sendable, Equatable {
    case http(HTTPCheckSpec)
    case tcp(TCPCheckSpec)
    case redis(RedisCheckSpec)
    case disk(DiskCheckSpec)
    case tls(TLSCheckSpec)
    case neo4j(Neo4jCheckSpec)
    case postgres(PostgresCheckSpec)
    case memory(MemoryCheckSpec)
    case load(LoadCheckSpec)
    case process(ProcessCheckSpec)
    case command(CommandCheckSpec)
    case fileAge(FileAgeCheckSpec)
    case prometheus(PrometheusCheckSpec)

    /// The kind's name as written in the config (`type:`).
    public var name: String {
        switch self {
        case .http: "http"
        case .tcp: "tcp"
        case .redis: "redis"
        case .disk: "disk"
        case .tls: "tls"
        case .neo4j: "neo4j"
        case .postgres: "postgres"
        case .memory: "memory"
        case .load: "load"
        case .process: "process"
        case .command: "command"
        case .fileAge: "file_age"
        case .prometheus: "prometheus"
        }
    }
}

/// One entry of `monitoring.checks`.
public struct CheckConfig: Sendable, Equatable {
    /// Unique name; also the component name in `status`.
    public var name: String
    /// What to probe and how to judge it.
    public var kind: CheckKind
    /// Per-check timeout; the run's `--timeout` or `defaults.timeout` when nil.
    public var timeout: Duration?
    /// How often cron is expected to run this check; drives staleness in `status`.
    public var interval: Duration?
    /// Whether the component is critical to TTA (shown in status; used by alert routing later).
    public var critical: Bool = false
    /// Names of checks this one depends on.
    public var dependsOn: [String] = []
    /// Extra attempts when not OK; `defaults.retries` when nil.
    public var retries: Int?
    /// Consecutive non-OK results before the reported status turns bad; defaults when nil.
    public var failureThreshold: Int?
    /// Consecutive OK results before a bad reported status recovers; defaults when nil.
    public var successThreshold: Int?
    /// Free-form description shown in `status`.
    public var description: String?
    /// Where the entry starts in the config file, for error messages.
    public var location: SourceLocation?

    /// Creates a check.
    public init(name: String, kind: CheckKind) {
        self.name = name
        self.kind = kind
    }
}
