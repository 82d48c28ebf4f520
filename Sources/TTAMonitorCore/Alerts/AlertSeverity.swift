/// How bad an alert is; routes are keyed by it.
public enum AlertSeverity: String, Sendable, CaseIterable, Comparable {
    /// For the record; usually routed to a log.
    case info
    /// Someone should look during working hours.
    case warning
    /// Someone should look now.
    case critical

    /// Orders info < warning < critical.
    public static func < (lhs: AlertSeverity, rhs: AlertSeverity) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .critical: 2
        }
    }
}
