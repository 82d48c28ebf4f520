/// Merges findings from every source into one proposal per endpoint.
///
/// A probe's answer decides the kind (it spoke to the server); config and compose names win
/// over generated ones because a person chose them.
public enum ProposalMerger {
    /// One proposal per endpoint (or per process, for processes without a socket), in a
    /// stable order: by port, then name.
    public static func merge(_ findings: [DiscoveryFinding]) -> [DiscoveryProposal] {
        var groups: [(key: String, findings: [DiscoveryFinding])] = []
        var index: [String: Int] = [:]
        for finding in findings {
            let key = finding.endpoint ?? "process:\(finding.name)"
            if let position = index[key] {
                groups[position].findings.append(finding)
            } else {
                index[key] = groups.count
                groups.append((key, [finding]))
            }
        }
        let ordered = groups.sorted { lhs, rhs in
            let left = lhs.findings.first?.port ?? Int.max, right = rhs.findings.first?.port ?? Int.max
            return left != right ? left < right : lhs.key < rhs.key
        }
        var taken = Set<String>()
        return ordered.map { proposal(from: $0.findings, taken: &taken) }
    }

    private static func nameRank(_ source: DiscoverySource) -> Int {
        switch source {
        case .config: 0
        case .compose: 1
        case .processes: 2
        case .ports: 3
        }
    }

    private static func proposal(from findings: [DiscoveryFinding], taken: inout Set<String>) -> DiscoveryProposal {
        let byRank = findings.sorted { $0.source < $1.source }
        let kind = byRank.compactMap(\.kind).first { $0 != TCPCheckSpec.kindName } ?? (findings.first?.port == nil ? ProcessCheckSpec.kindName : TCPCheckSpec.kindName)
        let named = findings.sorted { nameRank($0.source) < nameRank($1.source) }
        var name = named.first?.name ?? kind
        if taken.contains(name), let port = findings.first?.port { name += "-\(port)" }
        var counter = 2
        let base = name
        while taken.contains(name) {
            name = "\(base)-\(counter)"
            counter += 1
        }
        taken.insert(name)

        let target: String
        if let port = findings.first?.port {
            let path = byRank.compactMap(\.path).first ?? "/"
            let urls = named.compactMap(\.url).filter { Self.scheme(of: $0, matches: kind) }
            target = urls.first ?? defaultURL(kind: kind, port: port, path: path)
        } else {
            target = byRank.compactMap(\.process).first ?? name
        }
        var notes: [String] = []
        for note in findings.flatMap(\.notes) where !notes.contains(note) { notes.append(note) }
        return DiscoveryProposal(
            name: name, kind: kind, target: target,
            foundIn: byRank.map { "\($0.source.rawValue):\($0.origin)" },
            pid: byRank.compactMap(\.pid).first, process: byRank.compactMap(\.process).first,
            notes: notes, latencyMs: DiscoveryProposal.suggestedLatency(for: kind))
    }

    /// The URL a check of `kind` uses for a local port.
    static func defaultURL(kind: String, port: Int, path: String) -> String {
        switch kind {
        case RedisCheckSpec.kindName: "redis://localhost:\(port)"
        case Neo4jCheckSpec.kindName: "bolt://localhost:\(port)"
        case PostgresCheckSpec.kindName: "postgres://localhost:\(port)"
        case HTTPCheckSpec.kindName: "http://localhost:\(port)\(path.hasPrefix("/") ? path : "/" + path)"
        default: "tcp://localhost:\(port)"
        }
    }

    private static func scheme(of url: String, matches kind: String) -> Bool {
        let scheme = url.prefix { $0 != ":" }.lowercased()
        switch kind {
        case RedisCheckSpec.kindName: return scheme == "redis" || scheme == "rediss"
        case Neo4jCheckSpec.kindName: return ["bolt", "neo4j", "bolt+s", "neo4j+s"].contains(scheme)
        case PostgresCheckSpec.kindName: return scheme == "postgres" || scheme == "postgresql"
        case HTTPCheckSpec.kindName: return scheme == "http" || scheme == "https"
        default: return scheme == "tcp"
        }
    }
}
