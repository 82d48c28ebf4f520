/// The verdict of one check, with the monitoring-plugins numbering (it is also the exit code).
public enum CheckStatus: Int, Sendable, CaseIterable, CustomStringConvertible {
    case ok = 0
    case warning = 1
    case critical = 2
    case unknown = 3

    /// Upper-case name as printed and stored: `OK`, `WARNING`, `CRITICAL`, `UNKNOWN`.
    public var description: String {
        switch self {
        case .ok: "OK"
        case .warning: "WARNING"
        case .critical: "CRITICAL"
        case .unknown: "UNKNOWN"
        }
    }

    /// Parses the stored/printed name (case-insensitive).
    public init?(name: String) {
        switch name.uppercased() {
        case "OK": self = .ok
        case "WARNING": self = .warning
        case "CRITICAL": self = .critical
        case "UNKNOWN": self = .unknown
        default: return nil
        }
    }

    /// How bad the status is when several are combined. UNKNOWN ranks between WARNING and
    /// CRITICAL (as Icinga orders worst states): not knowing is worse than a warning, but a
    /// component known to be down is the most urgent verdict a gate can give.
    public var severity: Int {
        switch self {
        case .ok: 0
        case .warning: 1
        case .unknown: 2
        case .critical: 3
        }
    }

    /// The worse of two statuses by `severity`.
    public static func worst(_ a: CheckStatus, _ b: CheckStatus) -> CheckStatus {
        a.severity >= b.severity ? a : b
    }

    /// The worst status of a collection; `.ok` for an empty one.
    public static func worst<S: Sequence>(of statuses: S) -> CheckStatus where S.Element == CheckStatus {
        statuses.reduce(.ok, worst)
    }
}
