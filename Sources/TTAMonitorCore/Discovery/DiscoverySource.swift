/// Where `discover` looks for components.
public enum DiscoverySource: String, Sendable, CaseIterable, Comparable {
    /// TTA's own `tta_config.yaml` sections.
    case config
    /// docker compose files next to the config.
    case compose
    /// Listening TCP sockets, identified by a protocol probe.
    case ports
    /// Known TTA command lines in `/proc`.
    case processes

    /// The sources used when none are named.
    public static let defaults: [DiscoverySource] = [.config, .compose, .ports]

    /// Order of precedence when findings disagree (a probe's answer beats a guess).
    var rank: Int {
        switch self {
        case .ports: 0
        case .config: 1
        case .compose: 2
        case .processes: 3
        }
    }

    /// Sorts by precedence.
    public static func < (lhs: DiscoverySource, rhs: DiscoverySource) -> Bool { lhs.rank < rhs.rank }
}
