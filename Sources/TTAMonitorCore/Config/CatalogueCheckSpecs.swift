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

/// What a `memory` check measures (from /proc/meminfo).
public struct MemoryCheckSpec: Sendable, Equatable {
    /// Used memory in percent (MemTotal − MemAvailable).
    public var usedPercent: Thresholds?
    /// Used swap in percent (no swap configured counts as 0%).
    public var swapUsedPercent: Thresholds?
    /// Creates a spec.
    public init(usedPercent: Thresholds? = nil, swapUsedPercent: Thresholds? = nil) {
        self.usedPercent = usedPercent
        self.swapUsedPercent = swapUsedPercent
    }
}

/// What a `load` check measures: load averages divided by the number of online CPUs.
public struct LoadCheckSpec: Sendable, Equatable {
    /// 1-minute load per core.
    public var load1: Thresholds?
    /// 5-minute load per core.
    public var load5: Thresholds?
    /// 15-minute load per core.
    public var load15: Thresholds?
    /// Creates a spec.
    public init(load1: Thresholds? = nil, load5: Thresholds? = nil, load15: Thresholds? = nil) {
        self.load1 = load1
        self.load5 = load5
        self.load15 = load15
    }
}

/// What a `process` check looks for in /proc.
public struct ProcessCheckSpec: Sendable, Equatable {
    /// Exact process name (`comm`, as `ps -o comm` shows it).
    public var name: String?
    /// Regular expression matched against the full command line (arguments joined by spaces).
    public var commandPattern: String?
    /// At least this many matching processes (default 1).
    public var minCount: Int = 1
    /// At most this many matching processes.
    public var maxCount: Int?
    /// CPU % of the matching processes together, sampled over a short interval.
    public var cpuPercent: Thresholds?
    /// Resident memory of the matching processes together, in bytes.
    public var rssBytes: Thresholds?
    /// Creates a spec.
    public init(name: String? = nil, commandPattern: String? = nil) {
        self.name = name
        self.commandPattern = commandPattern
    }
}

/// What a `command` check runs. Only what the config file says is run, with a timeout;
/// its output is truncated.
public struct CommandCheckSpec: Sendable, Equatable {
    /// The program and its arguments (`["/usr/lib/nagios/plugins/check_load", "-w", "5"]`).
    /// A command given as one string in the config runs as `/bin/sh -c STRING`.
    public var argv: [String]
    /// Extra environment variables for the command.
    public var environment: [String: String] = [:]
    /// Working directory; the current one when nil.
    public var workingDirectory: String?
    /// Output kept, in bytes (the rest is read and dropped).
    public var maxOutputBytes: Int = 65_536
    /// Creates a spec.
    public init(argv: [String]) { self.argv = argv }
}

/// What a `file_age` check looks at: a heartbeat file a cron job touches.
public struct FileAgeCheckSpec: Sendable, Equatable {
    /// The file.
    public var path: String
    /// Age thresholds in milliseconds (older is worse).
    public var maxAgeMs: Thresholds
    /// Creates a spec.
    public init(path: String, maxAgeMs: Thresholds) {
        self.path = path
        self.maxAgeMs = maxAgeMs
    }
}

/// One series rule of a `prometheus` check: which samples to keep and how to judge them.
public struct PrometheusSeriesRule: Sendable, Equatable {
    /// Metric name (`tta_system_cpu_usage_percent`).
    public var metric: String
    /// Label equality matchers; a sample must carry each with that value.
    public var labels: [String: String] = [:]
    /// Thresholds applied to every matching sample; nil only stores them.
    public var thresholds: Thresholds?
    /// Whether a scrape without any matching sample is a problem (WARNING).
    public var required: Bool = true
    /// Creates a rule.
    public init(metric: String) { self.metric = metric }
}

/// What a `prometheus` check scrapes.
public struct PrometheusCheckSpec: Sendable, Equatable {
    /// The `/metrics` URL (TTA's agent orchestration serves `/metrics-prom`).
    public var url: String
    /// Series to store and judge.
    public var series: [PrometheusSeriesRule] = []
    /// How the page is read: negotiated (`auto`) or forced.
    public var format: PrometheusFormat = .auto
    /// Creates a spec.
    public init(url: String) { self.url = url }
}
