/// A check `discover` offers: one endpoint, merged from every source that saw it.
public struct DiscoveryProposal: Sendable, Equatable {
    /// Unique component name (slug).
    public var name: String
    /// Check kind (`redis`, `neo4j`, `postgres`, `http`, `tcp`, `process`).
    public var kind: String
    /// What the check targets: a URL, or a process name for `process` checks.
    public var target: String
    /// The sources that saw it, with where (`config:player_experience.api.port`).
    public var foundIn: [String]
    /// Owning process, when a socket or process listing showed it.
    public var pid: Int32?
    /// Process name.
    public var process: String?
    /// Facts worth showing (container name, healthcheck, HTTP status).
    public var notes: [String]
    /// Suggested latency thresholds in milliseconds (warning, critical); nil for `process`.
    public var latencyMs: (warning: Int, critical: Int)?

    /// Creates a proposal.
    public init(name: String, kind: String, target: String, foundIn: [String], pid: Int32? = nil,
                process: String? = nil, notes: [String] = [], latencyMs: (warning: Int, critical: Int)?) {
        self.name = name
        self.kind = kind
        self.target = target
        self.foundIn = foundIn
        self.pid = pid
        self.process = process
        self.notes = notes
        self.latencyMs = latencyMs
    }

    /// The source names alone (`config`, `ports`), deduplicated, in precedence order.
    public var sources: [String] {
        var seen: [String] = []
        for entry in foundIn {
            let name = String(entry.prefix { $0 != ":" })
            if !seen.contains(name) { seen.append(name) }
        }
        return seen
    }

    /// Thresholds proposed for a kind: fast in-memory stores tighter than HTTP and databases.
    public static func suggestedLatency(for kind: String) -> (warning: Int, critical: Int)? {
        switch kind {
        case RedisCheckSpec.kindName, TCPCheckSpec.kindName: (100, 500)
        case HTTPCheckSpec.kindName: (300, 1_000)
        case Neo4jCheckSpec.kindName, PostgresCheckSpec.kindName: (500, 2_000)
        default: nil
        }
    }

    /// The check as a `monitoring.checks` entry (what `--emit-yaml` prints and `--save` stores).
    public var checkSpec: JSONValue {
        var members: [(String, JSONValue)] = [("name", .string(name)), ("type", .string(kind))]
        if kind == ProcessCheckSpec.kindName {
            members.append(("process_name", .string(target)))
        } else {
            members.append(("url", .string(target)))
        }
        if let latencyMs {
            members.append(("latency", .object([("warning", .string("\(latencyMs.warning)ms")),
                                                ("critical", .string("\(latencyMs.critical)ms"))])))
        }
        return .object(members)
    }

    /// Compares every field; the threshold tuple is compared by hand, as tuples are not Equatable.
    public static func == (lhs: DiscoveryProposal, rhs: DiscoveryProposal) -> Bool {
        lhs.name == rhs.name && lhs.kind == rhs.kind && lhs.target == rhs.target && lhs.foundIn == rhs.foundIn
            && lhs.pid == rhs.pid && lhs.process == rhs.process && lhs.notes == rhs.notes
            && lhs.latencyMs?.warning == rhs.latencyMs?.warning && lhs.latencyMs?.critical == rhs.latencyMs?.critical
    }
}
